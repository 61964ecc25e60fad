package org.lstmlab.engine.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every citation outside the lessons' reference lists is right too: in the docs (en and zh), the READMEs, the
 * bundles (hover explanations, task descriptions, the About box), the lesson files and the sources' comments. An
 * author named with a year must have published a cited work that year (LessonReferencesTest's table); a journal or
 * conference named with a volume or a year must match a cited work's; and a reference list naming a known work's
 * title must give that work's venue as published.
 */
class CitationsTest {
    /** Each venue the app cites, with the "volume(issue):pages, year" or the year of every work cited there. */
    private static final Map<String, Set<String>> VENUES = Map.of(
            "Neural Computation", Set.of("9(8):1735–1780, 1997", "12(10):2451–2471, 2000"),
            "IEEE Transactions on Neural Networks", Set.of("5(2):157–166, 1994", "12(6):1333–1340, 2001"),
            "Proceedings of the IEEE", Set.of("78(10):1550–1560, 1990"),
            "Cognitive Science", Set.of("14(2):179–211, 1990"),
            "International Journal of Forecasting", Set.of("22(4):679–688, 2006"),
            "ICML", Set.of("2013", "2015", "2016"), "ICLR", Set.of("2015"), "EMNLP", Set.of("2014"),
            "ACL", Set.of("2018"), "NIPS", Set.of("2014"));

    @Test
    void authorsAreCitedWithTheirYears() throws IOException {
        assertNoneWrong(LessonReferencesTest::wrongYears, 100, "citations");
    }

    @Test
    void venuesAreCitedWithTheirVolumesAndYears() throws IOException {
        assertNoneWrong(CitationsTest::wrongVenues, 50, "venues");
    }

    /** One check over one file's text: adds what is wrong, returns how many citations it read. */
    private interface Check {
        int run(String text, String where, List<String> wrong);
    }

    private static void assertNoneWrong(Check check, int atLeast, String what) throws IOException {
        List<String> wrong = new ArrayList<>();
        int found = 0;
        for (Path f : files()) {
            found += check.run(read(f), f.toString(), wrong);
        }
        assertEquals(List.of(), wrong);
        assertTrue(found >= atLeast, what + " found: " + found);
    }

    @Test
    void referenceListsGiveAKnownWorksVenue() throws IOException {
        List<String> wrong = new ArrayList<>();
        int found = 0;
        for (Path f : files()) {
            String text = read(f).replace("*", "").replaceAll("\\s*\\n\\s*", " ");
            for (Map.Entry<String, List<String>> work : LessonReferencesTest.WORKS.entrySet()) {
                String title = work.getKey();
                String venue = work.getValue().get(1);
                for (int i = text.indexOf(title + "."); i >= 0; i = text.indexOf(title + ".", i + 1)) {
                    found++;
                    String after = text.substring(i, Math.min(text.length(), i + title.length() + 160));
                    if (!after.contains(venue)) {
                        wrong.add(f + ": '" + title + "' should say '" + venue + "': " + after);
                    }
                }
            }
        }
        assertEquals(List.of(), wrong);
        assertTrue(found >= 40, "references found: " + found);
    }

    /** The checks catch the mistakes the tutorials make. */
    @Test
    void knownWrongCitationsAreCaught() {
        for (String bad : List.of("Neural Computation 1998", "Neural Computation* 9(8):1735–1780, 1998",
                "Neural Computation 12(10):2451–2471, 1997", "ICML 2014",
                "IEEE Transactions on Neural Networks 5(2):157–166, 1997")) {
            List<String> wrong = new ArrayList<>();
            assertEquals(1, wrongVenues(bad, "test", wrong), bad);
            assertEquals(1, wrong.size(), bad);
        }
        for (String bad : List.of("Hochreiter 2000", "Hochreiter & Schmidhuber (1995)", "Gers et al. 1999",
                "Cho 等人（2015）", "Pascanu, Mikolov & Bengio 2012", "Elman (1991)")) {
            List<String> wrong = new ArrayList<>();
            LessonReferencesTest.wrongYears(bad, "test", wrong);
            assertEquals(1, wrong.size(), bad);
        }
        List<String> right = new ArrayList<>();
        LessonReferencesTest.wrongYears("Hochreiter 与 Schmidhuber 于 1997 年提出（技术报告 1995 年）", "test", right);
        wrongVenues("Neural Computation* 9(8):1735–1780, 1997; ICML 2013", "test", right);
        assertEquals(List.of(), right);
    }

    static int wrongVenues(String text, String where, List<String> wrong) {
        int found = 0;
        for (Map.Entry<String, Set<String>> v : VENUES.entrySet()) {
            Matcher m = Pattern.compile("\\b" + Pattern.quote(v.getKey()) + "\\b\\*?\\s*"
                    + "(\\d+\\(\\d+\\):\\d+[–-]\\d+)?,?\\s*((?:19|20)\\d\\d)?").matcher(text);
            while (m.find()) {
                if (m.group(1) == null && m.group(2) == null) {
                    continue;
                }
                found++;
                String volume = m.group(1);
                String year = m.group(2);
                if (v.getValue().stream().noneMatch(allowed -> matches(allowed, volume, year))) {
                    wrong.add(where + ": " + m.group());
                }
            }
        }
        return found;
    }

    private static boolean matches(String allowed, String volume, String year) {
        int comma = allowed.lastIndexOf(", ");
        String allowedVolume = comma < 0 ? null : allowed.substring(0, comma);
        String allowedYear = comma < 0 ? allowed : allowed.substring(comma + 2);
        return (volume == null || volume.equals(allowedVolume)) && (year == null || year.equals(allowedYear));
    }

    private static List<Path> files() throws IOException {
        List<Path> out = new ArrayList<>(List.of(Path.of("README.md"), Path.of("README.zh-CN.md")));
        for (String dir : List.of("docs", "docs/zh", "docs/examples", "resources/org/lstmlab/i18n",
                "resources/org/lstmlab/lessons")) {
            try (Stream<Path> s = Files.list(Path.of(dir))) {
                s.filter(p -> p.toString().matches(".*\\.(md|yaml|properties)")).sorted().forEach(out::add);
            }
        }
        try (Stream<Path> s = Files.walk(Path.of("src", "main", "java"))) {
            s.filter(p -> p.toString().endsWith(".java")).sorted().forEach(out::add);
        }
        return out;
    }

    private static String read(Path f) throws IOException {
        return Files.readString(f, StandardCharsets.UTF_8).replace("&amp;", "&");
    }
}
