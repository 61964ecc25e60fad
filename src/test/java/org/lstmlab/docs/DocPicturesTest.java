package org.lstmlab.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The guides' pictures: every picture a README or a guide under docs/ shows is in the repository, and every file
 * in docs/images is shown by one of them (a picture no guide shows is an old screenshot nobody retakes).
 */
class DocPicturesTest {
    /** {@code ![alt](path)}, anywhere on a line; the path ends at the first space or closing bracket. */
    private static final Pattern PICTURE = Pattern.compile("!\\[([^]]*)]\\(([^)\\s]+)\\)");
    private static final Path IMAGES = Path.of("docs", "images");

    @Test
    void everyPictureAGuideShowsExists() throws IOException {
        List<String> missing = new ArrayList<>();
        for (Shown s : shown()) {
            if (s.path.contains("://")) {
                missing.add(s.where + ": " + s.path + " (a picture from the web: keep it in docs/images)");
            } else if (!Files.isRegularFile(s.file())) {
                missing.add(s.where + ": " + s.path);
            }
        }
        assertEquals(List.of(), missing, "pictures the guides show that are not in the repository");
    }

    @Test
    void everyPictureInDocsImagesIsShown() throws IOException {
        Set<Path> shown = new TreeSet<>();
        shown().forEach(s -> shown.add(s.file()));
        Set<Path> unused = new TreeSet<>();
        try (Stream<Path> files = Files.walk(IMAGES)) {
            files.filter(Files::isRegularFile).filter(p -> !shown.contains(p.toAbsolutePath().normalize()))
                    .forEach(unused::add);
        }
        assertEquals(Set.of(), unused, "files in docs/images that no README or guide shows: show them or delete them");
    }

    @Test
    void everyPictureSaysWhatItShows() throws IOException {
        List<String> bare = shown().stream().filter(s -> s.alt.isBlank()).map(s -> s.where + ": " + s.path).toList();
        assertEquals(List.of(), bare, "a picture's text is read aloud, and shown in the app when the picture is not");
    }

    @Test
    void theCheckSeesTheGuides() throws IOException {
        // the debugger guide alone shows more than ten pictures: a pattern that found none would pass the others
        List<Shown> shown = shown();
        assertFalse(shown.size() < 10, "found only " + shown.size() + " pictures in " + docs());
    }

    /** Every picture of every doc, in order. */
    private static List<Shown> shown() throws IOException {
        List<Shown> all = new ArrayList<>();
        for (Path doc : docs()) {
            all.addAll(pictures(doc));
        }
        return all;
    }

    /** The READMEs at the top and every Markdown file under docs/ (notes included). */
    private static List<Path> docs() throws IOException {
        List<Path> docs = new ArrayList<>();
        try (Stream<Path> top = Files.list(Path.of("."))) {
            top.filter(p -> p.getFileName().toString().matches("README.*\\.md")).sorted().forEach(docs::add);
        }
        try (Stream<Path> under = Files.walk(Path.of("docs"))) {
            under.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        return docs;
    }

    private static List<Shown> pictures(Path doc) throws IOException {
        List<Shown> found = new ArrayList<>();
        List<String> lines = Files.readAllLines(doc, StandardCharsets.UTF_8);
        boolean code = false;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().startsWith("```")) {
                code = !code;
                continue;
            }
            Matcher m = PICTURE.matcher(lines.get(i));
            while (!code && m.find()) {
                found.add(new Shown(doc, doc + ":" + (i + 1), m.group(1), m.group(2)));
            }
        }
        return found;
    }

    /** A picture shown by a doc: where, its alternative text and its path as written (relative to the doc). */
    private record Shown(Path doc, String where, String alt, String path) {
        Path file() {
            Path dir = doc.toAbsolutePath().normalize().getParent();
            return dir.resolve(path).normalize();
        }
    }
}
