package org.lstmlab.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The project stands alone: its docs, sources, resources and READMEs cite no file outside the repository (the
 * design notes and shared folders it was planned from are not shipped with it).
 */
class StandsAloneTest {
    /** Paths of the planning folders that are not part of the repository. */
    private static final Pattern OUTSIDE = Pattern.compile("\\.\\./shared|(?<![\\w.])shared/(golden|design)"
            + "|design/research|anchors-style|anchors-features|tutorial-mistakes\\.md|reliability\\.md"
            + "|performance\\.md");

    @Test
    void noFileCitesAFileOutsideTheRepository() throws IOException {
        List<String> found = new ArrayList<>();
        List<Path> roots = new ArrayList<>(List.of(Path.of("src"), Path.of("docs"), Path.of("resources")));
        try (Stream<Path> top = Files.list(Path.of("."))) {
            top.filter(p -> p.getFileName().toString().startsWith("README")).forEach(roots::add);
        }
        for (Path root : roots) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    if (f.endsWith(Path.of("StandsAloneTest.java"))) {
                        continue;
                    }
                    List<String> lines;
                    try {
                        lines = Files.readAllLines(f, StandardCharsets.UTF_8);
                    } catch (MalformedInputException binary) {
                        continue;   // images, fixtures
                    }
                    for (int i = 0; i < lines.size(); i++) {
                        if (OUTSIDE.matcher(lines.get(i)).find()) {
                            found.add(f + ":" + (i + 1) + ": " + lines.get(i).strip());
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), found, "cite repository files instead (copy what readers need into docs/)");
    }
}
