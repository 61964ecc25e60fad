package org.lstmlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.lstmlab.engine.io.JsonParser;
import org.lstmlab.engine.io.JsonValue;
import org.lstmlab.engine.session.Comparison;
import org.lstmlab.engine.session.LearningProgress;
import org.lstmlab.engine.tasks.CharLmTask;
import org.lstmlab.engine.tasks.Tasks;
import org.lstmlab.ui.common.I18n;
import org.lstmlab.ui.compare.CompareRuns;
import org.lstmlab.ui.compare.CompareViewModel;
import picocli.CommandLine;

/** {@code compare} runs what the Compare tab runs, with the tab's defaults, and prints one JSON line per model. */
class CompareCommandTest {
    private static Comparison.Settings parsed(String... args) {
        CompareCommand c = new CompareCommand();
        new CommandLine(c).parseArgs(args);
        return c.settings();
    }

    @Test
    void theDefaultsAreTheTabsDefaults() {
        CompareViewModel tab = new CompareViewModel(I18n.bundle(Locale.ENGLISH));
        assertEquals(tab.settings(), parsed());
        assertEquals(List.of(10, 25, 50, 100), parsed().lengths());
        tab.taskProperty().set(Tasks.byName("temporal-order"));
        assertEquals(tab.settings(), parsed("--task", "temporal-order"));
    }

    @Test
    void itPrintsOneLinePerCellAndLengthWithTheNumbersTheTabPlots() throws Exception {
        CliTestSupport.Result r = CliTestSupport.run("compare", "--task", "keras-example", "--lengths", "4,8",
                "--epochs", "2", "--samples", "200");
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = r.out().strip().lines().toList();
        assertEquals(6, lines.size(), r.out());

        CompareViewModel tab = new CompareViewModel(I18n.bundle(Locale.ENGLISH));
        tab.taskProperty().set(Tasks.byName("keras-example"));
        tab.lengthsProperty().set("4, 8");
        tab.epochsProperty().set(2);
        tab.samplesProperty().set(200);
        List<Comparison.Point> points = CompareRuns.run(tab);
        assertEquals(6, points.size());
        for (int i = 0; i < 6; i++) {
            JsonValue.Obj o = (JsonValue.Obj) JsonParser.parse(lines.get(i));
            Comparison.Point p = points.get(i);
            List<String> keys = new java.util.ArrayList<>(List.of("cell", "seq_len", "val_accuracy", "solved",
                    "seconds", "units", "parameters", "best_epoch", "threshold", "chance", "warnings"));
            if (!p.solved() && !p.halted()) {
                keys.add("progress");
                assertEquals(new JsonValue.Str(LearningProgress.kind(p.epochs()).id()), o.members().get("progress"),
                        "the same word as the tab's sentence: " + lines.get(i));
            }
            assertEquals(keys, List.copyOf(o.members().keySet()));
            assertEquals(new JsonValue.Str(p.cell().displayName()), o.members().get("cell"));
            assertEquals(p.seqLen(), ((JsonValue.Num) o.members().get("seq_len")).longValueExact());
            assertEquals(p.parameters(), ((JsonValue.Num) o.members().get("parameters")).longValueExact());
            assertEquals(p.units(), ((JsonValue.Num) o.members().get("units")).longValueExact());
            assertEquals(p.accuracy(), ((JsonValue.Num) o.members().get("val_accuracy")).doubleValue(),
                    "the same number, bit for bit: " + lines.get(i));
            assertEquals(new JsonValue.Bool(p.solved()), o.members().get("solved"));
            assertEquals(0.95, ((JsonValue.Num) o.members().get("threshold")).doubleValue());
            assertEquals(p.signs().stream().map(f -> new JsonValue.Str(f.sign().name().toLowerCase(Locale.ROOT)))
                    .toList(), ((JsonValue.Arr) o.members().get("warnings")).elements(), lines.get(i));
        }
        assertTrue(lines.get(0).startsWith("{\"cell\": \"SimpleRNN\", \"seq_len\": 4, \"val_accuracy\": "),
                lines.get(0));
    }

    @Test
    void badOptionsAreRefusedByName() {
        CliTestSupport.Result r = CliTestSupport.run("compare", "--lengths", "5,50");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--lengths must be from 10 to 200, got 5"), r.err());
        r = CliTestSupport.run("compare", "--task", "sine");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--task sine cannot be compared across lengths"), r.err());
        r = CliTestSupport.run("compare", "--task", "charlm", "--lengths", "16,32");   // a text: one length
        assertEquals(2, r.exitCode());
        assertEquals("lstm-lab: charlm is compared at one sequence length, epoch by epoch: give one length from 4 "
                + "to 200, not 2 lengths", r.err().strip());
        r = CliTestSupport.run("compare", "--epochs", "0");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--epochs must be from 1 to 1000, got 0"), r.err());
        r = CliTestSupport.run("compare", "--samples", "5");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--samples must be from 10 to"), r.err());
        assertEquals("", r.out());
        r = CliTestSupport.run("compare", "--task", "counting", "--samples", "5000");
        assertEquals(2, r.exitCode());
        assertEquals("lstm-lab: --samples: counting has 3000 training sequences: training samples per model must be "
                + "from 10 to 3000, got 5000", r.err().strip());
        assertEquals("", r.out());
    }

    @Test
    void sameTakesUnitsOrParametersAndNothingElse() {
        assertEquals(Comparison.Sizing.UNITS, parsed().sizing(), "as before without it");
        assertEquals(Comparison.Sizing.UNITS, parsed("--same", "units").sizing());
        assertEquals(Comparison.Sizing.PARAMETERS, parsed("--same", "parameters").sizing());
        for (String bad : List.of("weights", "Parameters", "")) {
            CliTestSupport.Result r = CliTestSupport.run("compare", "--same", bad);
            assertEquals(2, r.exitCode(), r.err());
            assertEquals("lstm-lab: --same must be units or parameters, got '" + bad + "'", r.err().strip());
            assertEquals("", r.out());
        }
    }

    @Test
    void withTheSameParametersEachLineSaysTheUnitsItsCellWasGiven() throws Exception {
        CliTestSupport.Result r = CliTestSupport.run("compare", "--task", "adding", "--lengths", "10", "--epochs",
                "1", "--samples", "100", "--threads", "1", "--same", "parameters");
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = r.out().strip().lines().toList();
        assertEquals(3, lines.size(), r.out());
        List<String> cells = new java.util.ArrayList<>();
        List<Long> units = new java.util.ArrayList<>();
        List<Long> parameters = new java.util.ArrayList<>();
        for (String line : lines) {
            JsonValue.Obj o = (JsonValue.Obj) JsonParser.parse(line);
            cells.add(((JsonValue.Str) o.members().get("cell")).value());
            units.add(((JsonValue.Num) o.members().get("units")).longValueExact());
            parameters.add(((JsonValue.Num) o.members().get("parameters")).longValueExact());
        }
        assertEquals(List.of("SimpleRNN", "GRU", "LSTM"), cells);
        assertEquals(List.of(66L, 37L, 32L), units, "the LSTM's 32, the others matched to its parameters");
        assertEquals(List.of(4687L, 4589L, 4641L), parameters);
    }

    /** A short comparison on a bundled text: its JSON lines, the text named in each. */
    private static List<JsonValue.Obj> onText(String text) throws Exception {
        CliTestSupport.Result r = CliTestSupport.run("compare", "--task", "charlm", "--text", text, "--lengths", "16",
                "--epochs", "1", "--samples", "100", "--threads", "1");
        assertEquals(0, r.exitCode(), r.err());
        List<JsonValue.Obj> lines = new java.util.ArrayList<>();
        for (String line : r.out().strip().lines().toList()) {
            JsonValue.Obj o = (JsonValue.Obj) JsonParser.parse(line);
            assertEquals(new JsonValue.Str(text), o.members().get("text"), line);
            lines.add(o);
        }
        assertEquals(3, lines.size(), r.out());
        return lines;
    }

    private static double number(JsonValue.Obj o, String key) {
        return ((JsonValue.Num) o.members().get(key)).doubleValue();
    }

    @Test
    void theBundledPoemIsComparedOnThePoemAsTheTabComparesIt() throws Exception {
        CompareViewModel tab = new CompareViewModel(I18n.bundle(Locale.ENGLISH));
        tab.taskProperty().set(CharLmTask.bundled("jabberwocky"));
        assertEquals(tab.settings(), parsed("--task", "charlm", "--text", "jabberwocky"));
        assertEquals(CharLmTask.bundled("sonnets"), parsed("--task", "charlm", "--text", "sonnets").task());

        List<JsonValue.Obj> poem = onText("jabberwocky");
        List<JsonValue.Obj> sonnets = onText("sonnets");
        Comparison.Settings s = parsed("--task", "charlm", "--text", "jabberwocky", "--lengths", "16", "--epochs",
                "1", "--samples", "100", "--threads", "1");
        List<Comparison.Point> points = new Comparison(s).run(new Comparison.Listener() { });
        assertEquals(3, points.size());
        for (int i = 0; i < 3; i++) {
            JsonValue.Obj o = poem.get(i);
            assertEquals(new JsonValue.Str(points.get(i).cell().displayName()), o.members().get("cell"));
            assertEquals(points.get(i).value(), number(o, "val_cross_entropy"), "the poem's, bit for bit: " + o);
            assertEquals(points.get(i).best().score().baselineValue(), number(o, "chance"));
            assertTrue(number(o, "chance") != number(sonnets.get(i), "chance"), "the poem's characters, not the "
                    + "sonnets': " + o + " " + sonnets.get(i));
            assertTrue(number(o, "val_cross_entropy") != number(sonnets.get(i), "val_cross_entropy"), o.toString());
        }
    }

    @Test
    void anUnknownTextIsRefusedWithTheBundledOnes() {
        CliTestSupport.Result r = CliTestSupport.run("compare", "--task", "charlm", "--text", "limericks");
        assertEquals(2, r.exitCode());
        assertEquals("lstm-lab: --text: 'limericks' is not a bundled text: choose sonnets or jabberwocky",
                r.err().strip());
        assertEquals("", r.out());
    }
}
