package org.lstmlab.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.lstmlab.engine.interop.ImportOptions;
import org.lstmlab.engine.interop.ModelImport;
import org.lstmlab.engine.text.Message;

/**
 * The cases of the import-note tests: a model file that opens, with notes on what its import assumed or ignored,
 * opened through the entry point the app and the command line use ({@link ModelImport#load}), and its notes in
 * English (the command line's words, which must not change) and in Chinese (the app's). A case file under
 * {@code src/test/resources/import-notes} holds "%%% name", then an "en: " and a "zh: " line per note, in the
 * order the import writes them. Lines before the first case that start with '#' describe the file.
 */
public final class NoteCases {
    /** One note in both languages. */
    public record Note(String english, String chinese) {
    }

    public record Case(String name, List<Note> notes) {
    }

    /** How a case makes its file in a folder of its own. */
    @FunctionalInterface
    public interface Maker {
        Path make(Path dir) throws Exception;
    }

    /** The file of a case and the options it is opened with (the command line's flags, the app's choices). */
    public record NoteFile(Maker maker, ImportOptions options) {
        public NoteFile(Maker maker) {
            this(maker, ImportOptions.NONE);
        }
    }

    private NoteCases() {
    }

    /** The cases of a class-path resource such as {@code /import-notes/imports.txt}, by name. */
    public static Map<String, Case> read(String resource) throws IOException {
        Map<String, Case> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> c : FileErrorCases.sections(resource).entrySet()) {
            List<String> lines = c.getValue().stream().filter(l -> !l.isBlank()).toList();
            assertTrue(!lines.isEmpty() && lines.size() % 2 == 0, c.getKey() + ": en and zh lines in pairs");
            List<Note> notes = new ArrayList<>();
            for (int i = 0; i < lines.size(); i += 2) {
                assertTrue(lines.get(i).startsWith("en: ") && lines.get(i + 1).startsWith("zh: "), c.getKey());
                notes.add(new Note(lines.get(i).substring(4), lines.get(i + 1).substring(4)));
            }
            out.put(c.getKey(), new Case(c.getKey(), notes));
        }
        return out;
    }

    /** The keys of the engine's English bundle that start with one of {@code prefixes}. */
    public static Set<String> keysStarting(String... prefixes) {
        Set<String> keys = new TreeSet<>();
        for (String k : EngineBundles.EN.keySet()) {
            for (String p : prefixes) {
                if (k.startsWith(p)) {
                    keys.add(k);
                }
            }
        }
        return keys;
    }

    /** The notes of {@code file} made in {@code dir} and opened with its options. */
    public static List<Message> notes(NoteFile file, Path dir) throws Exception {
        return ModelImport.load(file.maker().make(dir), file.options()).notes();
    }

    /**
     * The notes are those of {@code c}, in its order: each a keyed message, in English as the command line printed
     * it before the notes had keys, in Chinese with every argument and no English sentence left over. Returns the
     * keys of the notes' messages.
     */
    public static Set<String> check(Case c, List<Message> notes) {
        assertEquals(c.notes().size(), notes.size(), () -> c.name() + ": " + notes);
        Set<String> keys = new TreeSet<>();
        for (int i = 0; i < notes.size(); i++) {
            Message m = notes.get(i);
            Note want = c.notes().get(i);
            assertEquals(want.english(), m.english(), c.name() + ": the command line's English");
            keys.addAll(FileErrorCases.sentence(c.name(), m, want.english(), want.chinese()));
        }
        return keys;
    }
}
