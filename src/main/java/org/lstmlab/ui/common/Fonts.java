package org.lstmlab.ui.common;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

import javafx.scene.Parent;
import javafx.scene.text.Font;

/**
 * Fonts that show Chinese on a fresh Windows, macOS and Linux machine. JavaFX's CSS takes one font family, not a
 * fallback list, so the list lives here: in Chinese the UI uses the first of {@link #CHINESE} that is installed
 * (Windows and macOS always have one; on Linux, fonts-noto-cjk or fonts-wqy-microhei). Without any of them, and in
 * English, it keeps JavaFX's "System" font, whose platform fallback still finds a CJK font when there is one. An
 * explicit Chinese face also avoids the system fallback picking Japanese glyph shapes for some Han characters. A face
 * with a bold face of its own goes first: JavaFX draws bold in a face without one as regular.
 */
public final class Fonts {
    /**
     * Simplified Chinese UI faces, best first, by the family names the platforms report: the sans-serif faces of
     * Windows (Microsoft YaHei since Vista, its UI cut since 8, DengXian since 10), of macOS (PingFang SC since
     * 10.11, Hiragino Sans GB and STHeiti before), the free ones Linux distributions ship (Debian's fonts-noto-cjk,
     * fonts-wqy-microhei, fonts-wqy-zenhei, fonts-arphic-uming), then the serif faces every Windows and macOS has
     * (SimSun, Songti SC) as a last resort. Checked against the platforms' font lists, not on those platforms.
     */
    public static final List<String> CHINESE = List.of(
            "Microsoft YaHei UI", "Microsoft YaHei", "DengXian",
            "PingFang SC", "Hiragino Sans GB", "Heiti SC", "STHeiti",
            "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Source Han Sans CN",
            "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Droid Sans Fallback", "AR PL UMing CN",
            "SimHei", "SimSun", "NSimSun", "Songti SC", "STSong");

    private Fonts() {
    }

    /** The first of {@link #CHINESE} among {@code installed} families. */
    public static Optional<String> chineseFamily(Collection<String> installed) {
        return chineseFamily(installed, f -> false);
    }

    /**
     * The first of {@link #CHINESE} among {@code installed} families that {@code hasBold} (a bold face of its own),
     * else the first of them: with WenQuanYi Micro Hei, which has none, bold Chinese is drawn regular, so a later
     * face with one (Noto Sans CJK SC of Debian's fonts-noto-cjk beside it) goes first.
     */
    public static Optional<String> chineseFamily(Collection<String> installed, Predicate<String> hasBold) {
        return CHINESE.stream().filter(installed::contains).filter(hasBold).findFirst()
                .or(() -> CHINESE.stream().filter(installed::contains).findFirst());
    }

    /**
     * The root style for {@code language}: a Chinese face in Chinese when one is installed (one that
     * {@code hasBold} first), else nothing.
     */
    static String rootStyle(Locale language, Collection<String> installed, Predicate<String> hasBold) {
        if (!chinese(language)) {
            return "";
        }
        return chineseFamily(installed, hasBold).map(f -> "-fx-font-family: \"" + f + "\";").orElse("");
    }

    /**
     * The root's style class while Chinese is drawn in a face without a bold one: the style sheets then mark what
     * bold alone marked (presenter mode's heading, the current equation's name, lesson titles, terms) with colour.
     */
    public static final String NO_BOLD = "chinese-without-bold";

    /**
     * Whether {@code language} is drawn without bold: Chinese, in a face of {@link #CHINESE} that is installed but
     * has no bold face, and none of the list that has one. (Without any, JavaFX's fallback decides, as in English.)
     */
    static boolean withoutBold(Locale language, Collection<String> installed, Predicate<String> hasBold) {
        return chinese(language) && chineseFamily(installed, hasBold).filter(hasBold.negate()).isPresent();
    }

    private static boolean chinese(Locale language) {
        return language != null && language.getLanguage().equals("zh");
    }

    /**
     * Signs a Chinese face may map to an empty glyph (WenQuanYi Micro Hei draws ℃ as nothing) and how they read
     * spelled out: the units a file's column names carry.
     */
    private static final java.util.Map<Character, String> SPELLED = java.util.Map.of('\u2103', "°C", '\u2109', "°F",
            '\u33a1', "m²", '\u338f', "kg", '\u339e', "km", '\u339d', "cm", '\u339c', "mm", '\u2116', "No.");

    /**
     * {@code text} as the UI in {@code language} can draw it: in Chinese, a sign of {@link #SPELLED} that the Chinese
     * face in use draws as nothing is spelled out (最高气温(℃) shows as 最高气温(°C)); for the screen only.
     */
    public static String drawable(String text, Locale language) {
        if (!chinese(language) || text.chars().noneMatch(c -> SPELLED.containsKey((char) c))) {
            return text;
        }
        Installed fonts;
        try {
            fonts = installed();
        } catch (RuntimeException | LinkageError noToolkit) {   // a view model's test without JavaFX: no face in use
            return text;
        }
        return chineseFamily(fonts.families(), fonts.hasBold()).map(f -> spelled(text, c -> draws(f, c)))
                .orElse(text);
    }

    /**
     * Keeps what the user types or a file names in {@code fields} readable without changing it: while a field holds
     * a sign the Chinese face in use draws as nothing (最高气温(℃) with WenQuanYi Micro Hei), it is drawn in JavaFX's
     * System font, whose fallback finds both the sign and the Chinese.
     */
    public static void keepDrawable(javafx.scene.control.TextInputControl... fields) {
        for (javafx.scene.control.TextInputControl f : fields) {
            javafx.beans.value.ChangeListener<String> check = (o, a, b) -> f.setStyle(
                    b != null && !drawable(b, Locale.SIMPLIFIED_CHINESE).equals(b) ? "-fx-font-family: \"System\";"
                            : "");
            f.textProperty().addListener(check);
            check.changed(f.textProperty(), null, f.getText());
        }
    }

    /** {@code text} with each sign of {@link #SPELLED} that a face does not {@code draw} spelled out. */
    static String spelled(String text, java.util.function.IntPredicate draws) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String s = SPELLED.get(c);
            b.append(s != null && !draws.test(c) ? s : String.valueOf(c));
        }
        return b.toString();
    }

    private static final java.util.Map<String, Boolean> DRAWS = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Whether {@code family} draws {@code c} as something: a glyph with an outline. A face may map a character to an
     * empty glyph (its cmap says it has it; {@code canDisplay} says so too), which JavaFX draws as nothing, without
     * falling back. A family this machine does not have is taken to draw it: JavaFX then falls back as it will.
     */
    static boolean draws(String family, int c) {
        return DRAWS.computeIfAbsent(family + '\u0000' + c, k -> {
            java.awt.Font f = new java.awt.Font(family, java.awt.Font.PLAIN, 20);
            if (!f.getFamily(Locale.ROOT).equalsIgnoreCase(family)) {
                return true;
            }
            java.awt.font.GlyphVector g = f.createGlyphVector(new java.awt.font.FontRenderContext(null, true, true),
                    Character.toString(c));
            return f.canDisplay(c) && !g.getVisualBounds().isEmpty();
        });
    }

    /** Whether a font's face names (JavaFX's, "Noto Sans CJK SC Bold", "PingFang SC Semibold") include a bold one. */
    static boolean boldAmong(Collection<String> faces) {
        return faces.stream().anyMatch(n -> n.matches("(?i).*\\b(bold|semibold|demibold|heavy|black|w[6-9])\\b.*"));
    }

    /**
     * Whether {@code installed} has a face that can show Chinese: one of {@link #CHINESE} or another CJK family
     * (Noto/Source Han, AR PL, any "Hei", "Song", "Kai" or "Ming" face). Without one, Chinese shows as boxes.
     */
    public static boolean hasChinese(Collection<String> installed) {
        return chineseFamily(installed).isPresent() || installed.stream().anyMatch(f -> f.matches(
                "(?i).*(CJK|Han Sans|Han Serif|AR PL|UMing|UKai|\\bHei\\b|Song|Kai|Ming|Fang|YaHei|JhengHei|"
                        + "WenQuanYi|Droid Sans Fallback|Sarasa).*"));
    }

    /** Whether this machine can show Chinese (see {@link #hasChinese(Collection)}). */
    public static boolean canShowChinese() {
        return hasChinese(installed().families());
    }

    /**
     * Sets {@code root}'s font for {@code language} (its children inherit it), and {@link #NO_BOLD} on it while
     * that font has no bold face.
     */
    public static void apply(Parent root, Locale language) {
        Installed fonts = installed();
        root.setStyle(rootStyle(language, fonts.families(), fonts.hasBold()));
        StyleClasses.set(root, NO_BOLD, withoutBold(language, fonts.families(), fonts.hasBold()));
    }

    /**
     * For the UI tests: the windows opened from now on take {@code families} as the installed ones, those that
     * {@code hasBold} with a bold face, whatever this machine has (WenQuanYi Micro Hei alone, say); null families
     * give back the platform's.
     */
    public static void assumeInstalled(Collection<String> families, Predicate<String> hasBold) {
        assumed = families == null ? null : new Installed(List.copyOf(families), hasBold);
    }

    /** The families {@link #assumeInstalled} set, null for the platform's. */
    private static volatile Installed assumed;

    private static Installed installed() {
        Installed a = assumed;
        return a != null ? a : Platform.FONTS;
    }

    /** The installed font families, and which of them have a bold face. */
    private record Installed(List<String> families, Predicate<String> hasBold) {
    }

    /** Asked of the platform once: the list does not change while the app runs. */
    private static final class Platform {
        static final Installed FONTS = new Installed(Font.getFamilies(), f -> boldAmong(Font.getFontNames(f)));
    }
}
