package org.lstmlab.ui.learn;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;

import org.lstmlab.engine.io.AtomicFiles;
import org.lstmlab.engine.lessons.Lesson;
import org.lstmlab.engine.lessons.Step;

/**
 * A student's progress, per lesson: the step reached and the exercises solved (by step index). Kept in a small
 * properties file in the user's home ({@code ~/.lstmlab/lessons-progress.properties}), written atomically so that a
 * crash never leaves half a file; an unreadable file counts as no progress. With them, each step's key (its
 * exercise's prompt), so that a lesson that changes later keeps the right exercises solved ({@link #align}).
 */
public final class LessonProgress {
    /** The file under the user's home, or under {@code -Dlstmlab.home}. */
    public static Path defaultFile() {
        String home = System.getProperty("lstmlab.home");
        Path base = home != null ? Path.of(home) : Path.of(System.getProperty("user.home"), ".lstmlab");
        return base.resolve("lessons-progress.properties");
    }

    private final Path file;
    private final Map<String, Integer> steps = new TreeMap<>();
    private final Map<String, TreeSet<Integer>> solved = new TreeMap<>();
    private final Map<String, List<String>> keys = new TreeMap<>();

    public LessonProgress(Path file) {
        this.file = file;
        load();
    }

    private void load() {
        if (file == null || !Files.isRegularFile(file)) {
            return;
        }
        Properties p = new Properties();
        try {
            if (Files.size(file) > 1 << 20) {
                return;
            }
            p.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (IOException | IllegalArgumentException e) {
            return;
        }
        for (String k : p.stringPropertyNames()) {
            String v = p.getProperty(k).strip();
            try {
                if (k.endsWith(".step")) {
                    steps.put(k.substring(0, k.length() - 5), Math.max(0, Integer.parseInt(v)));
                } else if (k.endsWith(".solved")) {
                    TreeSet<Integer> s = new TreeSet<>();
                    for (String n : v.split(",")) {
                        if (!n.isBlank()) {
                            s.add(Integer.parseInt(n.strip()));
                        }
                    }
                    solved.put(k.substring(0, k.length() - 7), s);
                } else if (k.endsWith(".keys")) {
                    keys.put(k.substring(0, k.length() - 5), List.of(v.split(",", -1)));
                }
            } catch (NumberFormatException e) {
                // a hand-edited value that is not a number: ignore that entry
            }
        }
    }

    /** The step the student last reached (0-based). */
    public int step(String lesson) {
        return steps.getOrDefault(lesson, 0);
    }

    public boolean solved(String lesson, int step) {
        return solved.getOrDefault(lesson, new TreeSet<>()).contains(step);
    }

    public int solvedCount(String lesson) {
        return solved.getOrDefault(lesson, new TreeSet<>()).size();
    }

    /** Each step's key: a hash of its exercise's English prompt, or "-" for a step without an exercise. */
    static List<String> keysOf(Lesson l) {
        return l.steps().stream().map(Step::exercise)
                .map(e -> e == null ? "-" : Integer.toHexString(e.prompt().in("en").hashCode())).toList();
    }

    /**
     * Follows a lesson that changed since the progress was saved (a step inserted or removed by a new version of
     * the app, or by a teacher editing the file): the exercises solved are matched by their keys, not their
     * indices, so that a new step is not "solved before" and one that moved keeps its mark; one whose prompt was
     * reworded counts as new. Progress saved without keys (by an older version) is taken as it is.
     */
    public void align(Lesson l) throws IOException {
        List<String> now = keysOf(l);
        List<String> before = keys.get(l.id());
        if (now.equals(before)) {
            return;
        }
        if (before != null) {
            TreeSet<Integer> kept = new TreeSet<>();
            boolean[] taken = new boolean[now.size()];
            for (int i : solved.getOrDefault(l.id(), new TreeSet<>())) {
                String key = i < before.size() ? before.get(i) : "-";
                for (int j = 0; j < now.size() && !key.equals("-"); j++) {
                    if (!taken[j] && now.get(j).equals(key)) {
                        taken[j] = true;
                        kept.add(j);
                        break;
                    }
                }
            }
            solved.put(l.id(), kept);
            steps.computeIfPresent(l.id(), (id, s) -> Math.min(s, Math.max(0, now.size() - 1)));
        }
        keys.put(l.id(), now);
        if (steps.containsKey(l.id()) || solved.containsKey(l.id())) {
            save();   // a lesson never opened waits for its first step: the list at start-up writes nothing
        }
    }

    /** Whether the student has been past the first step of the lesson or solved any of its exercises. */
    public boolean started(String lesson) {
        return step(lesson) > 0 || solvedCount(lesson) > 0;
    }

    /** A lesson's progress as it was before {@link #forget}, to give back with {@link #restore}. */
    public record Forgotten(String lesson, Integer step, TreeSet<Integer> solved) {
    }

    /**
     * Starts a lesson afresh (a teacher before a class, a student on a shared computer): from its first step, no
     * exercise solved. Returns what it was, for an undo.
     */
    public Forgotten forget(String lesson) throws IOException {
        Forgotten was = new Forgotten(lesson, steps.remove(lesson), solved.remove(lesson));
        save();
        return was;
    }

    /** Gives back the progress {@link #forget} took, as it was. */
    public void restore(Forgotten was) throws IOException {
        if (was.step() != null) {
            steps.put(was.lesson(), was.step());
        }
        if (was.solved() != null) {
            solved.put(was.lesson(), was.solved());
        }
        save();
    }

    public void reached(String lesson, int step) throws IOException {
        steps.put(lesson, step);
        save();
    }

    public void solve(String lesson, int step) throws IOException {
        solved.computeIfAbsent(lesson, k -> new TreeSet<>()).add(step);
        save();
    }

    private void save() throws IOException {
        if (file == null) {
            return;
        }
        StringBuilder sb = new StringBuilder("# LSTM Lab: lessons progress\n");
        for (Map.Entry<String, Integer> e : steps.entrySet()) {
            sb.append(e.getKey()).append(".step=").append(e.getValue()).append('\n');
        }
        for (Map.Entry<String, TreeSet<Integer>> e : solved.entrySet()) {
            sb.append(e.getKey()).append(".solved=");
            sb.append(String.join(",", e.getValue().stream().map(String::valueOf).toList())).append('\n');
        }
        for (Map.Entry<String, List<String>> e : keys.entrySet()) {
            sb.append(e.getKey()).append(".keys=").append(String.join(",", e.getValue())).append('\n');
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        AtomicFiles.writeBytes(file, sb.toString().getBytes(StandardCharsets.UTF_8));
    }
}
