package org.lstmlab.ui.learn;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;

import org.lstmlab.engine.io.AtomicFiles;

/**
 * A student's progress, per lesson: the step reached and the exercises solved (by step index). Kept in a small
 * properties file in the user's home ({@code ~/.lstmlab/lessons-progress.properties}), written atomically so that a
 * crash never leaves half a file; an unreadable file counts as no progress.
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
        Files.createDirectories(file.toAbsolutePath().getParent());
        AtomicFiles.writeBytes(file, sb.toString().getBytes(StandardCharsets.UTF_8));
    }
}
