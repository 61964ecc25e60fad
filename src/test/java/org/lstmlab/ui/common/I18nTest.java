package org.lstmlab.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Every %key used in FXML exists, and no key is defined in two bundle files. */
class I18nTest {

    @Test
    void everyFxmlKeyExists() throws IOException {
        ResourceBundle bundle = I18n.bundle(Locale.ENGLISH);
        Pattern key = Pattern.compile("\"%([A-Za-z0-9_.\\-]+)\"");
        try (Stream<Path> files = Files.walk(Path.of("resources"))) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".fxml"))::iterator) {
                Matcher m = key.matcher(Files.readString(f));
                while (m.find()) {
                    assertTrue(bundle.containsKey(m.group(1)), f + " uses missing key " + m.group(1));
                }
            }
        }
    }

    @Test
    void noKeyIsDefinedTwice() throws IOException {
        Map<String, String> owner = new HashMap<>();
        for (String name : I18n.BUNDLES) {
            String path = "/" + name.replace('.', '/') + ".properties";
            try (InputStream in = I18n.class.getResourceAsStream(path)) {
                if (in == null) {
                    continue;
                }
                Properties p = new Properties();
                p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
                for (String k : p.stringPropertyNames()) {
                    String before = owner.put(k, name);
                    if (before != null) {
                        fail("key " + k + " is in both " + before + " and " + name);
                    }
                }
            }
        }
        assertTrue(owner.containsKey("app.title"));
    }

    @Test
    void formatFillsArguments() {
        ResourceBundle b = new ResourceBundle() {
            @Override
            protected Object handleGetObject(String k) {
                return "Epoch {0} of {1}";
            }

            @Override
            public java.util.Enumeration<String> getKeys() {
                return java.util.Collections.emptyEnumeration();
            }

            @Override
            public Locale getLocale() {
                return Locale.ENGLISH;
            }
        };
        assertEquals("Epoch 3 of 10", I18n.format(b, "x", 3, 10));
    }
}
