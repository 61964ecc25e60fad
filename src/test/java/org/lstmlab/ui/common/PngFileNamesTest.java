package org.lstmlab.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Save as PNG offers each chart's file under a name in the window's language: 损失.png in Chinese (it was loss.png,
 * the one English word in a Chinese save dialog), loss.png in English. Every name a view installs or offers has
 * both; an equation's picture adds its result's name (公式-c_t.png).
 */
class PngFileNamesTest {
    private static final Pattern INSTALL = Pattern.compile("PngSaving\\.install\\([^;]*?\"([^\"]+)\"\\)");
    /** A picture for slides offered by name ({@code PngSaving.fileName(labels, "cell-diagram")}). */
    private static final Pattern OFFERED = Pattern.compile("PngSaving\\.fileName\\(\\w+, \"([^\"]+)\"");

    private static Set<String> installedNames() throws IOException {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/lstmlab/ui"))) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                for (Pattern p : new Pattern[] {INSTALL, OFFERED}) {
                    Matcher m = p.matcher(Files.readString(f));
                    while (m.find()) {
                        names.add(m.group(1));
                    }
                }
            }
        }
        return names;
    }

    @Test
    void everyChartIsOfferedUnderANameInTheWindowsLanguage() throws IOException {
        ResourceBundle en = I18n.bundle(Locale.ENGLISH);
        ResourceBundle zh = I18n.bundle(Locale.SIMPLIFIED_CHINESE);
        Set<String> names = installedNames();
        assertTrue(names.containsAll(Set.of("loss", "heatmaps", "compare", "cell-diagram", "equation")),
                names.toString());
        for (String name : names) {
            assertEquals(name + ".png", PngSaving.fileName(en, name));
            String chinese = PngSaving.fileName(zh, name);
            assertTrue(chinese.endsWith(".png") && chinese.codePoints().limit(chinese.length() - 4)
                    .allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN), chinese);
        }
        assertEquals("损失.png", PngSaving.fileName(zh, "loss"));
        // an equation's picture is named after its result
        assertEquals("equation-c_t.png", PngSaving.fileName(en, "equation", "c_t"));
        assertEquals("公式-c_t.png", PngSaving.fileName(zh, "equation", "c_t"));
        assertEquals("结构图.png", PngSaving.fileName(zh, "cell-diagram"));
    }
}
