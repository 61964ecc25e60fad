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
import org.lstmlab.engine.tasks.Tasks;
import org.lstmlab.ui.common.I18n;
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
        tab.start();
        org.lstmlab.testing.Await.until("the tab's comparison to end", () -> {
            tab.pulse();
            return tab.snapshotProperty().get().done();
        }, () -> tab.snapshotProperty().get().points().size() + " points");
        tab.pulse();
        List<Comparison.Point> points = tab.snapshotProperty().get().points();
        assertEquals(6, points.size());
        for (int i = 0; i < 6; i++) {
            JsonValue.Obj o = (JsonValue.Obj) JsonParser.parse(lines.get(i));
            Comparison.Point p = points.get(i);
            List<String> keys = new java.util.ArrayList<>(List.of("cell", "seq_len", "val_accuracy", "solved",
                    "seconds", "parameters", "best_epoch", "threshold", "chance", "warnings"));
            if (!p.solved() && !p.halted()) {
                keys.add("progress");
                assertEquals(new JsonValue.Str(LearningProgress.kind(p.epochs()).id()), o.members().get("progress"),
                        "the same word as the tab's sentence: " + lines.get(i));
            }
            assertEquals(keys, List.copyOf(o.members().keySet()));
            assertEquals(new JsonValue.Str(p.cell().displayName()), o.members().get("cell"));
            assertEquals(p.seqLen(), ((JsonValue.Num) o.members().get("seq_len")).longValueExact());
            assertEquals(p.parameters(), ((JsonValue.Num) o.members().get("parameters")).longValueExact());
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
}
