package org.lstmlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No line of the Java sources (src/main/java and src/test/java) is longer than {@value #MAX} characters. Characters
 * are Unicode code points, not bytes nor UTF-16 units: a Chinese character counts one. The failure names each long
 * line as {@code file:line: length characters}.
 */
class SourceLinesTest {
    static final int MAX = 120;

    private static final List<Path> ROOTS = List.of(Path.of("src", "main", "java"), Path.of("src", "test", "java"));

    @Test
    void noLineIsLongerThan120Characters() throws IOException {
        Scan scan = scan(ROOTS);
        assertTrue(scan.files().contains("src/test/java/org/lstmlab/SourceLinesTest.java"),
                "the scan reads the sources from the project folder, this file included: " + scan.files().size()
                        + " files read");
        List<String> found = new ArrayList<>();
        scan.longLines().values().forEach(found::addAll);
        assertEquals(List.of(), found, "lines longer than " + MAX + " characters, to rewrap:\n"
                + String.join("\n", found));
    }

    @Test
    void charactersAreCountedNotBytes(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("Wide.java");
        Files.writeString(file, "// " + "记".repeat(MAX - 3) + "\n// " + "x".repeat(MAX - 2) + "\r\n"
                + "// " + "𝛔".repeat(MAX - 3) + "\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("notes.txt"), "x".repeat(MAX + 1), StandardCharsets.UTF_8);
        Scan scan = scan(List.of(dir));
        String name = dir.relativize(file).toString();
        assertEquals(Set.of(name), Set.copyOf(scan.files()), "only .java files are read");
        assertEquals(Map.of(name, List.of(name + ":2: " + (MAX + 1) + " characters")), scan.longLines(),
                "120 Chinese characters (360 bytes) and 120 characters outside the BMP fit; 121 ASCII ones do not");
    }

    /** The .java files read, and the long lines of each file that has some, by path with '/' between names. */
    private record Scan(List<String> files, Map<String, List<String>> longLines) {
    }

    /**
     * Reads every .java file under {@code roots}. A relative root keeps its path in the names (so {@link #ROOTS} give
     * paths from the project folder); an absolute one is left out of them.
     */
    private static Scan scan(List<Path> roots) throws IOException {
        List<String> files = new ArrayList<>();
        Map<String, List<String>> longLines = new TreeMap<>();
        for (Path root : roots) {
            List<Path> sources;
            try (Stream<Path> walk = Files.walk(root)) {
                sources = walk.filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p)).sorted().toList();
            }
            for (Path p : sources) {
                String name = (root.isAbsolute() ? root.relativize(p) : p).toString().replace(File.separatorChar, '/');
                files.add(name);
                List<String> lines = Files.readAllLines(p, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i);
                    int length = line.codePointCount(0, line.length());
                    if (length > MAX) {
                        longLines.computeIfAbsent(name, k -> new ArrayList<>())
                                .add(name + ":" + (i + 1) + ": " + length + " characters");
                    }
                }
            }
        }
        return new Scan(files, longLines);
    }
}
