package org.lstmlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PropertyResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

/**
 * The Linux package's menu entry and what its maintainer scripts install (src/packaging/linux, jpackage's
 * {@code --resource-dir}): a school's menu shows the app under Education and Science, named and described in English
 * and Chinese, with its icon at each size; the dock groups the window under that entry; {@code lstm-lab} is on the
 * PATH; and removing the package takes away everything the scripts put outside /opt/lstm-lab.
 */
class LinuxPackageTest {
    private static final Path DIR = Path.of("src/packaging/linux");

    @Test
    void theMenuEntryNamesAndDescribesTheAppInBothLanguages() throws IOException {
        Map<String, String> entry = desktopEntry();
        assertEquals("Application", entry.get("Type"));
        assertEquals(title("messages.properties"), entry.get("Name"));
        assertEquals(title("messages_zh_CN.properties"), entry.get("Name[zh_CN]"), "the app's name in Chinese");
        for (String key : List.of("Name", "GenericName", "Comment", "Keywords")) {
            assertTrue(entry.containsKey(key) && entry.containsKey(key + "[zh_CN]"), key + " in both languages");
        }
        for (String key : List.of("GenericName[zh_CN]", "Comment[zh_CN]", "Keywords[zh_CN]")) {
            assertTrue(entry.get(key).codePoints().anyMatch(c -> Character.UnicodeScript.of(c)
                    == Character.UnicodeScript.HAN), key + " is Chinese: " + entry.get(key));
        }
        for (Map.Entry<String, String> e : entry.entrySet()) {
            String base = e.getKey().replaceAll("\\[.*]$", "");
            assertTrue(entry.containsKey(base), e.getKey() + " translates a key that is there");
            assertFalse(e.getValue().isBlank(), e.getKey());
        }
    }

    @Test
    void theMenuEntryStartsTheLauncherUnderEducationAndScienceAndGroupsTheWindow() throws IOException {
        Map<String, String> entry = desktopEntry();
        assertEquals("APPLICATION_LAUNCHER", entry.get("Exec"), "jpackage puts the launcher's path there");
        assertEquals("false", entry.get("Terminal"));
        assertEquals("lstm-lab", entry.get("Icon"), "the hicolor theme's icon, at each size");
        List<String> categories = Arrays.asList(entry.get("Categories").split(";"));
        assertTrue(categories.containsAll(List.of("Education", "Science")), entry.get("Categories"));
        assertTrue(entry.get("Categories").endsWith(";"), "a list ends with ';'");
        assertTrue(entry.get("Keywords").endsWith(";") && entry.get("Keywords[zh_CN]").endsWith(";"));
        assertEquals(LstmLabApp.class.getName(), entry.get("StartupWMClass"),
                "JavaFX names the window's class after the Application subclass");
    }

    @Test
    void eachIconSizeIsDrawnAndInstalled() throws IOException {
        for (int size : LstmLabApp.ICON_SIZES) {
            String name = "icons/lstm-lab-" + size + ".png";
            try (InputStream in = LstmLabApp.class.getResourceAsStream(name)) {
                assertNotNull(in, name);
                BufferedImage image = ImageIO.read(in);
                assertEquals(size, image.getWidth(), name);
                assertEquals(size, image.getHeight(), name);
            }
        }
        String sizes = Arrays.stream(LstmLabApp.ICON_SIZES).mapToObj(Integer::toString)
                .collect(Collectors.joining(" "));
        for (String script : List.of("postinst", "prerm")) {
            Matcher m = Pattern.compile("(?m)^sizes=\"([^\"]*)\"$").matcher(script(script));
            assertTrue(m.find(), script + " lists the icon sizes");
            assertEquals(sizes, m.group(1), script);
        }
        String pom = Files.readString(Path.of("pom.xml"));
        assertTrue(pom.contains("<copy todir=\"${project.build.directory}/app/input/icons\">"),
                "the icons go into the image, where postinst finds them");
        assertTrue(pom.contains("--resource-dir \"${basedir}/src/packaging/linux\""), "jpackage takes these files");
    }

    @Test
    void removingThePackageTakesAwayWhatInstallingPutOutsideOpt() throws IOException {
        String postinst = script("postinst");
        String prerm = script("prerm");
        List<String> installed = List.of("/usr/share/applications/lstm-lab.desktop", "/usr/bin/lstm-lab",
                "/usr/share/icons/hicolor/${size}x$size/apps");
        for (String path : installed) {
            assertTrue(postinst.contains(path), "postinst installs " + path);
            assertTrue(prerm.contains(path), "prerm removes " + path);
        }
        assertTrue(postinst.contains("$app/lib/lstm-lab-lstm-lab.desktop"), "jpackage's copy of the entry");
        for (String script : List.of(postinst, prerm)) {
            assertFalse(script.replaceAll("(?m)^#.*$", "").contains("xdg-desktop-menu"),
                    "it fails without /usr/share/desktop-directories and leaves the package half-installed");
            assertTrue(script.startsWith("#!/bin/sh\n") && script.contains("\nset -e\n"));
        }
        assertTrue(Files.isExecutable(DIR.resolve("postinst")) && Files.isExecutable(DIR.resolve("prerm")));
    }

    private static Map<String, String> desktopEntry() throws IOException {
        List<String> lines = Files.readAllLines(DIR.resolve("lstm-lab.desktop"), StandardCharsets.UTF_8);
        assertEquals("[Desktop Entry]", lines.get(0));
        Map<String, String> entry = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            int eq = line.indexOf('=');
            assertTrue(eq > 0, "key=value: " + line);
            assertEquals(null, entry.put(line.substring(0, eq), line.substring(eq + 1)), "one " + line);
        }
        return entry;
    }

    private static String script(String name) throws IOException {
        return Files.readString(DIR.resolve(name), StandardCharsets.UTF_8);
    }

    private static String title(String bundle) throws IOException {
        try (InputStream in = Files.newInputStream(Path.of("resources/org/lstmlab/i18n", bundle))) {
            return new PropertyResourceBundle(in).getString("app.title");
        }
    }
}
