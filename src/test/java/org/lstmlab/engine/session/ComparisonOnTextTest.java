package org.lstmlab.engine.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lstmlab.engine.data.Dataset;
import org.lstmlab.engine.data.Sample;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.tasks.CharLmTask;
import org.lstmlab.engine.tasks.Task;
import org.lstmlab.engine.tasks.TaskScore;
import org.lstmlab.engine.tasks.Tasks;
import org.lstmlab.engine.tasks.UserData;

/**
 * A comparison on the user's text (a .txt file, read as {@code train --data} reads it) or a bundled one: at one
 * length (several are refused), every cell trains and validates on the same windows of the same split, drawn with
 * the one seed, and each model's best epoch is that of its lowest validation cross-entropy, judged against the
 * character frequencies' entropy.
 */
class ComparisonOnTextTest {
    private static Task text() throws Exception {
        return UserData.read(UserData.Request.of(Path.of("docs/data/jabberwocky.txt"))).task();
    }

    @Test
    void aTextIsComparedAtOneLengthTheUsersAndTheBundledOnes() throws Exception {
        Task t = text();
        assertTrue(t instanceof CharLmTask c && c.usersText());
        assertTrue(Comparison.ofFile(t) && Comparison.atOneLength(t) && Comparison.comparable(t));
        assertEquals(List.of(CharLmTask.DEFAULT_STEPS), Comparison.defaults(t, 1).lengths());
        assertEquals(t.generate(0, 1).train().size(), Comparison.maxSamples(t), "all its training windows");
        for (String name : CharLmTask.TEXTS) {   // the sonnets, the built-in task charlm, and the poem
            Task bundled = CharLmTask.bundled(name);
            assertFalse(Comparison.ofFile(bundled), name + " is no file");
            assertTrue(Comparison.atOneLength(bundled) && Comparison.comparable(bundled), name);
            Comparison.Settings d = Comparison.defaults(bundled, 1);
            assertEquals(List.of(CharLmTask.DEFAULT_STEPS), d.lengths(), name);
            assertEquals(3000, d.samples(), name + ": all its training windows");
            var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> new Comparison.Settings(bundled, List.of(16, 32), 1, 40, 1, 1));
            assertEquals("charlm is compared at one sequence length, epoch by epoch: give one length from 4 to 200, "
                    + "not 2 lengths", e.getMessage());
        }
        assertTrue(Comparison.comparableTasks().contains(Tasks.byName("charlm")), "compare --task charlm");
        assertFalse(Comparison.atOneLength(Tasks.byName("adding")));
    }

    @Test
    void everyCellSeesTheSameWindowsAndKeepsItsLowestCrossEntropy() throws Exception {
        Task t = text();
        Comparison c = new Comparison(new Comparison.Settings(t, List.of(12), 2, 40, 5, 1));
        List<Dataset> seen = new ArrayList<>();
        for (CellType cell : Comparison.CELLS) {
            try (TrainingSession s = c.session(cell, 12).build()) {
                seen.add(s.data());
            }
        }
        Dataset first = seen.get(0);
        assertEquals(40, first.train().size());
        for (Dataset d : seen) {
            assertEquals(first.train().size(), d.train().size());
            assertEquals(first.validation().size(), d.validation().size());
            for (int i = 0; i < first.train().size(); i++) {
                assertSameWindow(first.train().get(i), d.train().get(i));
            }
            for (int i = 0; i < first.validation().size(); i++) {
                assertSameWindow(first.validation().get(i), d.validation().get(i));
            }
        }
        List<Comparison.Point> points = c.run(new Comparison.Listener() { });
        assertEquals(3, points.size());
        double entropy = points.get(0).best().score().baselineValue();
        assertTrue(entropy > 1 && entropy < Math.log(first.outputSize()), "the characters' entropy: " + entropy);
        for (Comparison.Point p : points) {
            assertEquals(12, p.seqLen());
            TaskScore best = p.best().score();
            assertEquals(TaskScore.Metric.CROSS_ENTROPY, best.metric());
            assertEquals(TaskScore.Baseline.FREQUENCIES, best.baseline());
            assertEquals(entropy, best.baselineValue(), 0.0, p.cell() + ": validated on the same windows");
            double lowest = p.epochs().stream().mapToDouble(r -> r.score().value()).min().orElseThrow();
            assertEquals(lowest, p.value(), 0.0, p.cell() + ": the best epoch is that of the lowest cross-entropy");
        }
    }

    private static void assertSameWindow(Sample a, Sample b) {
        assertArrayEquals(a.tokens(), b.tokens(), "the same characters in");
        assertArrayEquals(a.classes(), b.classes(), "the same next characters to predict");
    }
}
