package org.lstmlab.testing;

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

import org.lstmlab.engine.text.Message;

/**
 * The engine's message bundles in English and Chinese, without fallback (a key missing from the Chinese bundle is
 * missing, not English), and the checks that the keys a source file names have a text in both.
 */
public final class EngineBundles {
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    public static final ResourceBundle EN = ResourceBundle.getBundle(Message.BUNDLE, Locale.ROOT, NO_FALLBACK);
    public static final ResourceBundle ZH =
            ResourceBundle.getBundle(Message.BUNDLE, Locale.SIMPLIFIED_CHINESE, NO_FALLBACK);
    public static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    private EngineBundles() {
    }

    /**
     * The engine's message keys named as string literals in the sources under {@code src/main/java/org/lstmlab/engine};
     * a key the code completes ({@code "engine.lesson.textIn." + lang}) stands for every key it starts.
     */
    public static Set<String> keysNamedIn(String... sources) throws IOException {
        Pattern literal = Pattern.compile("\"(engine\\.[A-Za-z0-9_.]+)\"");
        Path main = Path.of("src", "main", "java", "org", "lstmlab", "engine");
        Set<String> keys = new TreeSet<>();
        for (String f : sources) {
            Matcher m = literal.matcher(Files.readString(main.resolve(f)));
            while (m.find()) {
                String k = m.group(1);
                if (k.endsWith(".")) {
                    EN.keySet().stream().filter(x -> x.startsWith(k)).forEach(keys::add);
                } else {
                    keys.add(k);
                }
            }
        }
        return keys;
    }

    /**
     * The keys without an English template or without a Chinese one that is Chinese (not an English sentence copied
     * over); {@code placeOnly} are templates that only place a reason ("{0}：{1}"), Chinese by their punctuation.
     */
    public static List<String> untranslated(Set<String> keys, Set<String> placeOnly) {
        List<String> problems = new ArrayList<>();
        for (String k : keys) {
            if (!EN.containsKey(k) || EN.getString(k).isBlank()) {
                problems.add("no English for " + k);
            }
            if (!ZH.containsKey(k) || !HAN.matcher(ZH.getString(k)).find() && !placeOnly.contains(k)) {
                problems.add("no Chinese for " + k);
            }
        }
        return problems;
    }
}
