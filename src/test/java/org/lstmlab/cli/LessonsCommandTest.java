package org.lstmlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.engine.io.JsonParser;
import org.lstmlab.engine.io.JsonValue;
import org.lstmlab.engine.lessons.Lessons;

/**
 * {@code lessons} and {@code lessons --verify}: the build replays every built-in lesson (every action, number and
 * answer key against the engine), so a lesson that goes stale fails {@code mvn verify}.
 */
class LessonsCommandTest {

    @Test
    void everyBuiltInLessonPassesTheVerifier() {
        CliTestSupport.Result r = CliTestSupport.run("lessons", "--verify");
        int n = Lessons.ids().size();
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().strip().endsWith(n + " passed, 0 failed"), r.out());
        for (String id : Lessons.ids()) {
            assertTrue(r.out().contains("PASS " + id + " "), id + " in " + r.out());
        }
    }

    @Test
    void theListIsOneJsonLinePerLessonWithBothTitles() throws Exception {
        CliTestSupport.Result r = CliTestSupport.run("lessons");
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = r.out().strip().lines().toList();
        assertEquals(Lessons.ids().size(), lines.size());
        for (int i = 0; i < lines.size(); i++) {
            JsonValue.Obj o = (JsonValue.Obj) JsonParser.parse(lines.get(i));
            assertEquals(new JsonValue.Str(Lessons.ids().get(i)), o.members().get("id"));
            JsonValue.Obj title = (JsonValue.Obj) o.members().get("title");
            assertTrue(((JsonValue.Str) title.members().get("en")).value().length() > 3);
            assertTrue(((JsonValue.Str) title.members().get("zh")).value().codePoints()
                    .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN));
            assertTrue(((JsonValue.Num) o.members().get("exercises")).longValueExact() >= 1);
            assertTrue(((JsonValue.Num) o.members().get("steps")).longValueExact() >= 2);
        }
    }

    /**
     * The teacher's lesson the guides point to (docs/examples) passes the verifier, so the example a teacher starts
     * from cannot go stale; both guides link it.
     */
    @Test
    void theGuidesExampleLessonPassesTheVerifier() throws IOException {
        String example = "docs/examples/gru-update-gate.yaml";
        CliTestSupport.Result r = CliTestSupport.run("lessons", "--verify", example);
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().startsWith("PASS gru-update-gate (4 steps, 2 exercises"), r.out());
        assertTrue(Files.readString(Path.of("docs/lessons.md")).contains("(examples/gru-update-gate.yaml)"));
        assertTrue(Files.readString(Path.of("docs/zh/lessons.md")).contains("(../examples/gru-update-gate.yaml)"));
    }

    @Test
    void aMalformedTeacherFileIsNamedWithItsLineAndFieldAndExits2(@TempDir Path dir) throws IOException {
        Path good = dir.resolve("good.yaml");
        Files.writeString(good, """
                id: tiny
                title: {en: Tiny, zh: 小}
                steps:
                  - text: {en: "The forget gate is {{f1:.3f}}.", zh: "遗忘门是 {{f1:.3f}}。"}
                    actions:
                      - setup: {cell: lstm, weights: latch, steps: 4}
                    values:
                      f1: {expr: "f[0]", t: 1}
                    exercise:
                      type: numeric
                      prompt: {en: "f at t = 1?", zh: "t = 1 时的 f？"}
                      answer: "f[0]"
                      t: 1
                      tolerance: 0.01
                      hints: [{en: "A sigmoid of 20.", zh: "20 的 sigmoid。"}]
                      explanation: {en: "It is {{f1}}.", zh: "它是 {{f1}}。"}
                """, StandardCharsets.UTF_8);
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, """
                id: bad
                title: {en: Bad, zh: 坏}
                steps:
                  - text: {en: "x", zh: "x"}
                    actions:
                      - setup: {cell: lstm, weights: latch}
                      - jump: soon
                """, StandardCharsets.UTF_8);
        CliTestSupport.Result r = CliTestSupport.run("lessons", "--verify", good.toString(), bad.toString());
        assertEquals(2, r.exitCode(), "a malformed file is exit code 2, as --help says: " + r.out() + r.err());
        assertTrue(r.err().contains("bad.yaml:7: steps[0].actions[1].jump: expected a whole number, got 'soon'"),
                r.err());
        assertTrue(r.out().contains("PASS tiny"), r.out());
        assertTrue(r.out().strip().endsWith("1 passed, 1 failed"), r.out());

        CliTestSupport.Result list = CliTestSupport.run("lessons", bad.toString());
        assertEquals(2, list.exitCode());
        CliTestSupport.Result alone = CliTestSupport.run("lessons", "--verify", bad.toString());
        assertEquals(2, alone.exitCode(), alone.out() + alone.err());
        assertEquals(1, alone.err().lines().count(), "one line naming the file: " + alone.err());
        assertTrue(alone.err().contains("bad.yaml:7"), alone.err());
        String help = CliTestSupport.run("lessons", "--help").out().replaceAll("\\s+", " ");
        assertTrue(help.contains("exit code 1 if a well-formed lesson failed"), help);
        assertTrue(help.contains("a malformed file is reported with its line and field and makes the exit code 2, "
                + "with or without --verify"), help);
    }

    /** The example lesson of docs/lessons.md is a working lesson. */
    @Test
    void theTeachersGuideExamplePasses(@TempDir Path dir) throws IOException {
        for (String doc : List.of("docs/lessons.md", "docs/zh/lessons.md")) {
            String md = Files.readString(Path.of(doc), StandardCharsets.UTF_8);
            int a = md.indexOf("```yaml\n") + "```yaml\n".length();
            Path f = dir.resolve("example.yaml");
            Files.writeString(f, md.substring(a, md.indexOf("```", a)), StandardCharsets.UTF_8);
            CliTestSupport.Result r = CliTestSupport.run("lessons", "--verify", f.toString());
            assertEquals(0, r.exitCode(), doc + ": " + r.out() + r.err());
            assertTrue(r.out().contains("PASS latch-demo"), r.out());
        }
    }

    @Test
    void aWrongKeyFailsTheVerifier(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("stale.yaml");
        Files.writeString(f, """
                id: stale
                title: {en: Stale, zh: 过时}
                steps:
                  - text: {en: "The latch's forget gate.", zh: "锁存器的遗忘门。"}
                    actions:
                      - setup: {cell: lstm, weights: latch, steps: 4}
                    values:
                      f1: {expr: "f[0]", t: 1}
                    checks:
                      - "f1 < 0.5"
                    exercise:
                      type: choice
                      prompt: {en: "Is f near 1?", zh: "f 接近 1 吗？"}
                      choices: [{en: "no", zh: "不"}, {en: "yes", zh: "是"}]
                      correct: 1
                      check: "f1 < 0.5"
                      hints: [{en: "Look.", zh: "看。"}]
                      explanation: {en: "It is {{f1}}.", zh: "它是 {{f1}}。"}
                """, StandardCharsets.UTF_8);
        CliTestSupport.Result r = CliTestSupport.run("lessons", "--verify", f.toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.out().contains("FAIL stale"), r.out());
        assertTrue(r.out().contains("stale.yaml:10: the claim 'f1 < 0.5' does not hold"), r.out());
        assertTrue(r.out().contains("disagrees with the engine"), r.out());
    }

    /** {@code --show} prints a wrong choice's feedback with its numbers, a prediction's after its run. */
    @Test
    void showPrintsEachWrongChoicesFeedback() throws Exception {
        Path f = Path.of(LessonsCommandTest.class.getResource("/lessons/wrong-choice.yaml").toURI());
        CliTestSupport.Result en = CliTestSupport.run("lessons", "--show", f.toString());
        assertEquals(0, en.exitCode(), en.err());
        assertTrue(en.out().contains("  hint: Look.\n  not 1: It keeps 1.00 of c.\n  => It is 1.00."),
                en.out());
        CliTestSupport.Result zh = CliTestSupport.run("lessons", "--show", "--lang", "zh", f.toString());
        assertTrue(zh.out().contains("  not 1: 它保留 c 的 1.00。\n  => 它是 1.00。"), zh.out());
        assertEquals(0, CliTestSupport.run("lessons", "--verify", f.toString()).exitCode());
    }

    /**
     * A teacher who gives a lesson's id where a file is expected is told how to reach the bundled lesson, not only
     * that there is no such file; a name that is neither stays "no such file".
     */
    @Test
    void aLessonIdGivenAsAFileNamesTheOptionThatShowsIt() {
        CliTestSupport.Result show = CliTestSupport.run("lessons", "--show", "forget-gate");
        assertEquals(2, show.exitCode(), show.out() + show.err());
        assertTrue(show.err().contains("forget-gate: no such file; to show the bundled lesson forget-gate, use "
                + "--show --lesson forget-gate"), show.err());
        CliTestSupport.Result verify = CliTestSupport.run("lessons", "--verify", "forget-gate");
        assertEquals(2, verify.exitCode(), verify.out() + verify.err());
        assertTrue(verify.err().contains("forget-gate: no such file; to verify the bundled lesson forget-gate, use "
                + "--verify --lesson forget-gate"), verify.err());
        CliTestSupport.Result other = CliTestSupport.run("lessons", "--show", "no-such-lesson");
        assertEquals(2, other.exitCode());
        assertTrue(other.err().contains("no-such-lesson: no such file") && !other.err().contains("bundled"),
                other.err());
    }

    /** {@code --show} ends a lesson with the works it cites, numbered, as its file writes them, in either language. */
    @Test
    void showEndsWithTheLessonsSources() {
        for (String lang : new String[] {"en", "zh"}) {
            CliTestSupport.Result r = CliTestSupport.run("lessons", "--show", "--lang", lang,
                    "--lesson", "forget-gate");
            assertEquals(0, r.exitCode(), r.err());
            assertTrue(r.out().replace("\r\n", "\n").strip().endsWith("""
                    ## Sources
                    1. F. A. Gers, J. Schmidhuber and F. Cummins. Learning to forget: continual prediction with LSTM. \
                    Neural Computation 12(10):2451–2471, 2000.
                    2. R. Jozefowicz, W. Zaremba and I. Sutskever. An empirical exploration of recurrent network \
                    architectures. ICML 2015.
                    3. S. Hochreiter and J. Schmidhuber. Long short-term memory. Neural Computation 9(8):1735–1780, \
                    1997."""), r.out());
        }
    }
}
