package org.lstmlab.engine.lessons;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.lstmlab.engine.text.Message;

/**
 * The lessons that ship with the app: one YAML file each under {@code org/lstmlab/lessons}, in the order of that
 * folder's {@code index.txt}.
 */
public final class Lessons {
    static final String FOLDER = "/org/lstmlab/lessons/";
    private static final String EXAMPLES = "/org/lstmlab/docs/examples/";

    private Lessons() {
    }

    /** The ids of the built-in lessons, in order. */
    public static List<String> ids() {
        return index(FOLDER + "index.txt");
    }

    /**
     * The example lessons for teachers, {@code docs/examples} in the sources and bundled with the app, by file name
     * in the order of that folder's {@code index.txt}: a teacher copies one to start a lesson of their own.
     */
    public static List<String> examples() {
        return index(EXAMPLES + "index.txt");
    }

    /** The file of the example lesson {@code name} (one of {@link #examples}), as it is in docs/examples. */
    public static byte[] example(String name) {
        if (!examples().contains(name)) {
            throw new IllegalArgumentException("no example lesson " + name);
        }
        try (InputStream in = Lessons.class.getResourceAsStream(EXAMPLES + name)) {
            if (in == null) {
                throw new IllegalStateException("the example lesson " + EXAMPLES + name + " is missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The names listed in the resource {@code index}, one a line; blank lines and '#' comments left out. */
    private static List<String> index(String index) {
        List<String> ids = new ArrayList<>();
        try (InputStream in = Lessons.class.getResourceAsStream(index)) {
            if (in == null) {
                throw new IllegalStateException("the lesson index " + index + " is missing");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String s = line.strip();
                if (!s.isEmpty() && !s.startsWith("#")) {
                    ids.add(s);
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return ids;
    }

    /** Reads one built-in lesson. */
    public static Lesson load(String id) throws LessonFormatException {
        String file = id + ".yaml";
        try (InputStream in = Lessons.class.getResourceAsStream(FOLDER + file)) {
            if (in == null) {
                throw new LessonFormatException(file, 0, "", Message.of("engine.lesson.noBuiltIn", id));
            }
            Lesson l = LessonReader.parse(file, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            if (!l.id().equals(id)) {
                throw new LessonFormatException(file, 1, "id", Message.of("engine.lesson.idMismatch", id, l.id()));
            }
            return l;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** One entry per built-in lesson: the lesson, or why it could not be read. */
    public record Entry(String id, Lesson lesson, LessonFormatException error) {
    }

    /** Every built-in lesson; a malformed one is an entry with its error, and the others still load. */
    public static List<Entry> all() {
        List<Entry> out = new ArrayList<>();
        for (String id : ids()) {
            try {
                out.add(new Entry(id, load(id), null));
            } catch (LessonFormatException e) {
                out.add(new Entry(id, null, e));
            }
        }
        return out;
    }
}
