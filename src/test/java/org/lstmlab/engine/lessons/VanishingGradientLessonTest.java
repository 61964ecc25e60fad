package org.lstmlab.engine.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.session.Comparison;
import org.lstmlab.engine.tasks.Task;
import org.lstmlab.engine.tasks.Tasks;
import org.lstmlab.engine.train.TrainingConfig;

/**
 * The lesson {@code vanishing-gradient} says it trains with the Compare tab's settings, only for fewer epochs; and
 * the numbers its text quotes about a run (sizes, accuracy per epoch, the cell path's factor) are the run's.
 */
class VanishingGradientLessonTest {
    @Test
    void theLessonsComparisonIsTheCompareTabsExceptForItsEpochs() throws Exception {
        Lesson lesson = Lessons.load("vanishing-gradient");
        List<Action.Train> runs = new ArrayList<>();
        for (Step s : lesson.steps()) {
            s.actions().stream().filter(Action.Train.class::isInstance).map(Action.Train.class::cast)
                    .forEach(runs::add);
            if (s.exercise() != null) {
                s.exercise().run().stream().filter(Action.Train.class::isInstance).map(Action.Train.class::cast)
                        .forEach(runs::add);
            }
        }
        assertEquals(1, runs.size(), "one comparison");
        TrainingRuns.Spec spec = runs.get(0).spec();
        Task adding = Tasks.byName("adding");
        Comparison.Settings compare = Comparison.defaults(adding, 1);
        TrainingConfig task = adding.defaults();
        assertEquals(List.of(CellType.RNN_TANH, CellType.LSTM, CellType.GRU), runs.get(0).cells());
        assertEquals(adding.name(), spec.task());
        assertTrue(compare.lengths().contains(spec.steps()), "a length the Compare tab trains");
        assertEquals(adding.defaultHidden(), spec.hidden());
        assertEquals(compare.samples(), spec.trainSize());
        assertEquals(compare.seed(), spec.seed());
        assertEquals(task.learningRate(), spec.learningRate());
        assertEquals(task.clipNorm(), spec.clip());
        assertEquals(task.batchSize(), spec.batch());
        assertEquals(task.optimizer(), spec.config().optimizer());
        assertEquals(task.flavour(), spec.config().flavour());
        assertEquals(task.init(), spec.config().init());
        assertTrue(spec.epochs() < compare.epochs(), "fewer epochs than the Compare tab");
        assertTrue(spec.gradient());
    }

    /**
     * A step that discusses the trained runs (its text quotes their numbers) shows one of them in the debugger:
     * before, step 3 discussed them beside the untrained RNN that step 1 had set up.
     */
    @Test
    void everyStepThatQuotesTheTrainedRunsOpensOne() throws Exception {
        Lesson lesson = Lessons.load("vanishing-gradient");
        int quoting = 0;
        for (int k = 0; k < lesson.steps().size(); k++) {
            Step s = lesson.steps().get(k);
            if (!s.text().en().contains("{{v_") || s.exercise() != null && !s.exercise().run().isEmpty()) {
                continue;  // no run's numbers, or the step that makes the runs (its student predicts first)
            }
            quoting++;
            assertTrue(s.text().zh().contains("{{v_"), "step " + (k + 1) + " quotes the runs in Chinese too");
            List<String> opened = s.actions().stream().filter(Action.OpenTrained.class::isInstance)
                    .map(a -> ((Action.OpenTrained) a).name()).toList();
            assertEquals(1, opened.size(), "step " + (k + 1) + " opens a trained run: " + s.actions());
            assertTrue(opened.get(0).startsWith("v_"), "one of the comparison's: " + opened);
            assertTrue(s.actions().stream().anyMatch(a -> a instanceof Action.Mode m
                    && m.direction() == org.lstmlab.engine.trace.Direction.BACKWARD), "in backward mode");
            assertTrue(s.highlight() != null, "and points at its gradient");
        }
        assertEquals(4, quoting, "steps 3 to 6 discuss the trained runs");
    }

    @Test
    void theRunsNumbersAreItsOwn() {
        int steps = 12;
        TrainingRuns.Run run = TrainingRuns.run("r", CellType.LSTM, new TrainingRuns.Spec("adding", steps, 6, 2, 96,
                64, 32, "adam", 0.01, 1.0, 3, "keras", 1.0, 0, true, 16, null, "batch-first", "lengths"));
        var n = run.numbers();
        assertEquals(96.0, n.get("r_train_size"));
        assertEquals(64.0, n.get("r_validation_size"));
        assertEquals(2.0, n.get("r_epochs"));
        assertEquals(32.0, n.get("r_batch"));
        assertEquals(6.0, n.get("r_hidden"));
        assertEquals(n.get("r_accuracy"), n.get("r_accuracy_e2"), "the last epoch's accuracy is the verdict");
        for (int e = 0; e <= 2; e++) {
            double path = n.get("r_cpath_e" + e);
            // the log of a product of gates in (0, 1) is negative, and by Jensen's inequality at most (T − 1) times the
            // log of the best unit's mean gate
            assertTrue(path < 0 && path <= (steps - 1) * Math.log10(n.get("r_fmax_e" + e)) + 1e-12,
                    "epoch " + e + ": " + path + " against fmax " + n.get("r_fmax_e" + e));
            assertTrue(n.get("r_accuracy_e" + e) >= 0 && n.get("r_accuracy_e" + e) <= 1);
        }
    }
}
