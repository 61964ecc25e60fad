package org.lstmlab.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import org.junit.jupiter.api.Test;

class FontsTest {
    /** No face has a bold one: the list's order alone decides. */
    private static final java.util.function.Predicate<String> NONE = f -> false;

    @Test
    void chineseTakesTheBestInstalledChineseFaceAndEnglishKeepsTheSystemFont() {
        List<String> windows = List.of("Arial", "Segoe UI", "SimSun", "Microsoft YaHei");
        List<String> mac = List.of("Helvetica", "PingFang SC", "Hiragino Sans GB");
        List<String> debian = List.of("DejaVu Sans", "WenQuanYi Micro Hei");
        assertEquals("-fx-font-family: \"Microsoft YaHei\";",
                Fonts.rootStyle(Locale.SIMPLIFIED_CHINESE, windows, NONE));
        assertEquals("-fx-font-family: \"PingFang SC\";", Fonts.rootStyle(Locale.SIMPLIFIED_CHINESE, mac, NONE));
        assertEquals("-fx-font-family: \"WenQuanYi Micro Hei\";",
                Fonts.rootStyle(Locale.SIMPLIFIED_CHINESE, debian, NONE));
        assertEquals("", Fonts.rootStyle(Locale.SIMPLIFIED_CHINESE, List.of("DejaVu Sans"), NONE),
                "no Chinese face: the system font and its fallback");
        assertEquals("", Fonts.rootStyle(Locale.ENGLISH, windows, NONE));
    }

    /**
     * With WenQuanYi Micro Hei (no bold face: JavaFX draws its bold as regular) and Noto Sans CJK SC (Debian's
     * fonts-noto-cjk, Regular and Bold) both installed, Chinese takes Noto; with WenQuanYi alone it keeps it, and the
     * root is marked for the style sheets to mark with colour what bold marks.
     */
    @Test
    void aChineseFaceWithABoldFaceGoesFirst() {
        List<String> both = List.of("DejaVu Sans", "WenQuanYi Micro Hei", "Noto Sans CJK SC");
        List<String> wenQuanYi = List.of("DejaVu Sans", "WenQuanYi Micro Hei");
        java.util.function.Predicate<String> bold = f -> Fonts.boldAmong(switch (f) {
            case "Noto Sans CJK SC" -> List.of("Noto Sans CJK SC Bold", "Noto Sans CJK SC");
            case "DejaVu Sans" -> List.of("DejaVu Sans Bold", "DejaVu Sans");
            default -> List.of(f);  // WenQuanYi Micro Hei: one face, as JavaFX lists it
        });
        assertEquals("-fx-font-family: \"Noto Sans CJK SC\";",
                Fonts.rootStyle(Locale.SIMPLIFIED_CHINESE, both, bold));
        assertFalse(Fonts.withoutBold(Locale.SIMPLIFIED_CHINESE, both, bold));
        assertEquals("-fx-font-family: \"WenQuanYi Micro Hei\";",
                Fonts.rootStyle(Locale.SIMPLIFIED_CHINESE, wenQuanYi, bold));
        assertTrue(Fonts.withoutBold(Locale.SIMPLIFIED_CHINESE, wenQuanYi, bold));
        assertFalse(Fonts.withoutBold(Locale.ENGLISH, wenQuanYi, bold), "English is drawn in DejaVu, with its bold");
        assertFalse(Fonts.withoutBold(Locale.SIMPLIFIED_CHINESE, List.of("DejaVu Sans"), bold));
        assertEquals("Microsoft YaHei", Fonts.chineseFamily(List.of("Microsoft YaHei", "SimSun"), bold).orElseThrow(),
                "a face without a known bold keeps its rank when no later one has a bold face either");
    }

    /** Bold faces as the platforms name them: Microsoft YaHei Bold, PingFang SC Semibold, Hiragino Sans GB W6. */
    @Test
    void boldFacesAreKnownByTheirNames() {
        assertTrue(Fonts.boldAmong(List.of("Microsoft YaHei", "Microsoft YaHei Bold")));
        assertTrue(Fonts.boldAmong(List.of("PingFang SC Regular", "PingFang SC Semibold")));
        assertTrue(Fonts.boldAmong(List.of("Hiragino Sans GB W3", "Hiragino Sans GB W6")));
        assertFalse(Fonts.boldAmong(List.of("WenQuanYi Micro Hei")));
        assertFalse(Fonts.boldAmong(List.of("Hiragino Sans GB W3", "Noto Sans CJK SC Light")));
    }

    /**
     * The Chinese faces each platform ships, by the names its font list gives, each picked by the list: we cannot
     * start Windows or macOS here, so this checks the list against their documented families.
     */
    @Test
    void everyPlatformsOwnChineseFacesAreOnTheList() {
        assertEquals("Microsoft YaHei", Fonts.chineseFamily(List.of("Segoe UI", "SimSun", "Microsoft YaHei"))
                .orElseThrow(), "Windows 7");
        assertEquals("Microsoft YaHei UI", Fonts.chineseFamily(List.of("Segoe UI", "DengXian", "Microsoft YaHei",
                "Microsoft YaHei UI", "SimSun", "SimHei")).orElseThrow(), "Windows 10 and 11");
        assertEquals("SimSun", Fonts.chineseFamily(List.of("Arial", "SimSun", "NSimSun")).orElseThrow(),
                "a Windows with only the serif face");
        assertEquals("PingFang SC", Fonts.chineseFamily(List.of("Helvetica Neue", "Hiragino Sans GB",
                "PingFang SC", "Songti SC", "STHeiti")).orElseThrow(), "macOS 10.11 and later");
        assertEquals("Hiragino Sans GB", Fonts.chineseFamily(List.of("Lucida Grande", "Hiragino Sans GB",
                "STHeiti")).orElseThrow(), "older macOS");
        assertEquals("Noto Sans CJK SC", Fonts.chineseFamily(List.of("DejaVu Sans", "Noto Sans CJK JP",
                "Noto Sans CJK SC", "WenQuanYi Micro Hei")).orElseThrow(), "Debian with fonts-noto-cjk");
        assertEquals("WenQuanYi Zen Hei", Fonts.chineseFamily(List.of("DejaVu Sans", "WenQuanYi Zen Hei"))
                .orElseThrow(), "fonts-wqy-zenhei");
        assertEquals("AR PL UMing CN", Fonts.chineseFamily(List.of("DejaVu Sans", "AR PL UMing CN"))
                .orElseThrow(), "fonts-arphic-uming");
        List<String> sans = Fonts.CHINESE.subList(0, Fonts.CHINESE.indexOf("SimHei"));
        for (String serif : List.of("SimSun", "NSimSun", "Songti SC", "STSong")) {
            assertTrue(Fonts.CHINESE.indexOf(serif) > Fonts.CHINESE.indexOf("WenQuanYi Micro Hei")
                    && !sans.contains(serif), serif + " only when no sans-serif face is there");
        }
    }

    @Test
    void aMachineWithOnlyLatinFontsCannotShowChinese() {
        assertFalse(Fonts.hasChinese(List.of("DejaVu Sans", "DejaVu Sans Mono", "DejaVu Serif", "Liberation Sans")));
        assertTrue(Fonts.hasChinese(List.of("DejaVu Sans", "AR PL UMing CN")));
        assertTrue(Fonts.hasChinese(List.of("Noto Serif CJK SC")));
        assertTrue(Fonts.hasChinese(List.of("WenQuanYi Micro Hei")));
    }

    /**
     * WenQuanYi Micro Hei (fonts-wqy-microhei, installed here) maps ℃ to an empty glyph, which JavaFX draws as
     * nothing: a column name 最高气温(℃) in a Chinese sentence shows as 最高气温(°C) while that face is the UI's, and as
     * it is in English, or with a face that draws ℃ (DejaVu Sans, installed here), or one this machine lacks.
     */
    @Test
    void aSignTheChineseFaceDrawsAsNothingIsSpelledOut() {
        assertFalse(Fonts.draws("WenQuanYi Micro Hei", 0x2103), "its ℃ has no outline");
        assertTrue(Fonts.draws("WenQuanYi Micro Hei", '气'));
        assertTrue(Fonts.draws("WenQuanYi Micro Hei", 0xb0), "°, which the spelling uses");
        assertTrue(Fonts.draws("DejaVu Sans", 0x2103));
        assertEquals("最高气温(°C)", Fonts.spelled("最高气温(℃)", c -> false));
        assertEquals("最高气温(℃)", Fonts.spelled("最高气温(℃)", c -> true));
        ResourceBundle zh = I18n.bundle(Locale.SIMPLIFIED_CHINESE);
        try {
            Fonts.assumeInstalled(List.of("DejaVu Sans", "WenQuanYi Micro Hei"), f -> false);
            assertEquals("无法使用气温.csv：最高气温(°C)", I18n.format(zh, "training.message.dataFailed", "气温.csv",
                    "最高气温(℃)"));
            assertEquals("Cannot use 气温.csv: 最高气温(℃)", I18n.format(I18n.bundle(Locale.ENGLISH),
                    "training.message.dataFailed", "气温.csv", "最高气温(℃)"), "English is drawn in the System font");
            Fonts.assumeInstalled(List.of("DejaVu Sans", "Noto Sans CJK SC"), f -> true);
            assertEquals("无法使用气温.csv：最高气温(℃)", I18n.format(zh, "training.message.dataFailed", "气温.csv",
                    "最高气温(℃)"), "a face not on this machine: left to JavaFX");
        } finally {
            Fonts.assumeInstalled(null, null);
        }
    }
}
