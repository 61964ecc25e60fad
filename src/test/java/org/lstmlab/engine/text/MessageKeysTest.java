package org.lstmlab.engine.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.lstmlab.engine.io.SafeTensorsException;

/**
 * Every engine message the code makes names a template that exists in English and in Chinese: a misspelt key would
 * only show when that refusal happens, as a MissingResourceException instead of the sentence. Keys the code
 * completes at run time ({@code "engine.file.kind." + kind}) are checked through their prefix.
 */
class MessageKeysTest {
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private static ResourceBundle engine(Locale l) {
        return ResourceBundle.getBundle(Message.BUNDLE, l, NO_FALLBACK);
    }

    @Test
    void everyKeyTheCodeNamesExistsInBothLanguages() throws IOException {
        Set<String> keys = new TreeSet<>();
        Pattern literal = Pattern.compile("\"(engine\\.[A-Za-z0-9_.]+)\"");
        try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                Matcher m = literal.matcher(Files.readString(f));
                while (m.find()) {
                    keys.add(m.group(1));
                }
            }
        }
        assertTrue(keys.contains("engine.memory.over") && keys.contains("engine.data.tooManyFields"), "found");
        List<String> missing = new ArrayList<>();
        for (Locale l : List.of(Locale.ROOT, Locale.SIMPLIFIED_CHINESE)) {
            ResourceBundle b = engine(l);
            for (String k : keys) {
                boolean found = k.endsWith(".") ? b.keySet().stream().anyMatch(x -> x.startsWith(k))
                        : b.containsKey(k);
                if (!found) {
                    missing.add(l + ": " + k);
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void everyKindOfSafetensorsProblemIsSaidInChineseAndEnglishKeepsTheDetail() {
        ResourceBundle zh = engine(Locale.SIMPLIFIED_CHINESE);
        for (SafeTensorsException.Kind k : SafeTensorsException.Kind.values()) {
            String shown = new SafeTensorsException(k, "f", "the precise detail").userMessage().in(zh);
            assertTrue(shown.startsWith("f：") && !shown.contains("detail") && shown.length() > 6, shown);
        }
        assertEquals("f: the precise detail", new SafeTensorsException(SafeTensorsException.Kind.INVALID_JSON, "f",
                "the precise detail").userMessage().in(engine(Locale.ROOT)));
    }
}
