package org.lstmlab.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

class FontsTest {
    @Test
    void chineseTakesTheBestInstalledChineseFaceAndEnglishKeepsTheSystemFont() {
        List<String> windows = List.of("Arial", "Segoe UI", "SimSun", "Microsoft YaHei");
        List<String> mac = List.of("Helvetica", "PingFang SC", "Hiragino Sans GB");
        List<String> debian = List.of("DejaVu Sans", "WenQuanYi Micro Hei");
        assertEquals("-fx-font-family: \"Microsoft YaHei\";", Fonts.rootStyle(Locale.SIMPLIFIED_CHINESE, windows));
        assertEquals("-fx-font-family: \"PingFang SC\";", Fonts.rootStyle(Locale.SIMPLIFIED_CHINESE, mac));
        assertEquals("-fx-font-family: \"WenQuanYi Micro Hei\";",
                Fonts.rootStyle(Locale.SIMPLIFIED_CHINESE, debian));
        assertEquals("", Fonts.rootStyle(Locale.SIMPLIFIED_CHINESE, List.of("DejaVu Sans")),
                "no Chinese face: the system font and its fallback");
        assertEquals("", Fonts.rootStyle(Locale.ENGLISH, windows));
    }

    @Test
    void aMachineWithOnlyLatinFontsCannotShowChinese() {
        assertFalse(Fonts.hasChinese(List.of("DejaVu Sans", "DejaVu Sans Mono", "DejaVu Serif", "Liberation Sans")));
        assertTrue(Fonts.hasChinese(List.of("DejaVu Sans", "AR PL UMing CN")));
        assertTrue(Fonts.hasChinese(List.of("Noto Serif CJK SC")));
        assertTrue(Fonts.hasChinese(List.of("WenQuanYi Micro Hei")));
    }
}
