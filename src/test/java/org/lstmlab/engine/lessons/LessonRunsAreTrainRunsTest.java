package org.lstmlab.engine.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lstmlab.cli.LstmLabCommand;
import org.lstmlab.engine.io.JsonParser;
import org.lstmlab.engine.io.JsonValue;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.nn.Initializers;
import org.lstmlab.engine.nn.ModelSpec;
import org.lstmlab.engine.nn.SequenceModel;
import org.lstmlab.engine.tasks.Tasks;

/**
 * A lesson trains through the engine's one epoch loop: its run gives the numbers {@code train} prints for the same
 * settings, bit for bit, and its own options (fewer samples, scaled recurrent weights) reach the session.
 */
class LessonRunsAreTrainRunsTest {
    private static TrainingRuns.Spec spec(int trainSize, int validationSize, double recurrentScale) {
        return new TrainingRuns.Spec("keras-example", 10, 8, 2, trainSize, validationSize, 32, "adam", 0.003, 0, 4,
                "keras", recurrentScale, 0, false, 0, null, "batch-first", "lengths");
    }

    @Test
    void aLessonsRunIsTheCommandLinesRun() throws Exception {
        TrainingRuns.Run lesson = TrainingRuns.run("k", CellType.LSTM, spec(0, 0, 1.0));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = LstmLabCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(
                "train", "--task", "keras-example", "--seq-len", "10", "--hidden", "8", "--epochs", "2", "--batch",
                "32", "--lr", "0.003", "--seed", "4", "--threads", "1", "--epoch-json");
        assertEquals(0, code, err.toString());
        List<Double> loss = new ArrayList<>();
        double accuracy = Double.NaN;
        for (String line : out.toString().lines().toList()) {
            if (line.startsWith("{\"epoch\"")) {
                JsonValue.Obj o = (JsonValue.Obj) JsonParser.parse(line);
                loss.add(((JsonValue.Num) o.members().get("val_loss")).doubleValue());
                accuracy = ((JsonValue.Num) o.members().get("val_accuracy")).doubleValue();
            }
        }
        assertEquals(loss, lesson.epochLoss(), "validation loss per epoch");
        assertEquals(accuracy, lesson.numbers().get("k_accuracy"));
        assertEquals(loss.get(1), lesson.numbers().get("k_loss"));
        assertEquals(0.0, lesson.numbers().get("k_diverged"));
    }

    /** A forecast's run quotes its naive forecast: the MSE of repeating the last value, computed here again. */
    @Test
    void aForecastsRunKnowsTheNaiveForecastsMse() {
        TrainingRuns.Spec spec = new TrainingRuns.Spec("random-walk", 20, 8, 1, 200, 50, 32, "adam", 0.01, 1.0, 3,
                "keras", 1.0, 0, false, 0, null, "batch-first", "lengths");
        TrainingRuns.Run run = TrainingRuns.run("w", CellType.LSTM, spec);
        double sum = 0;
        int n = 0;
        for (var s : run.data().validation()) {
            for (int t = 0; t < s.steps(); t++) {
                double e = s.x()[t] - s.target()[t];
                sum += e * e;
                n++;
            }
        }
        assertEquals(50 * 20, n);
        assertEquals(sum / n, run.numbers().get("w_baseline"), 1e-12);
        assertTrue(TrainingRuns.names("w", CellType.LSTM, spec).contains("w_baseline"));
        assertEquals(TrainingRuns.names("w", CellType.LSTM, spec).size(), run.numbers().size(),
                "every number the run defines is named");
    }

    @Test
    void theLessonsLimitsAndScaledWeightsReachTheSession() {
        TrainingRuns.Run run = TrainingRuns.run("s", CellType.RNN_TANH, new TrainingRuns.Spec("keras-example", 10,
                8, 1, 64, 40, 32, "sgd", 1e-9, 0, 4, "keras", 1.5, 0, false, 0, null, "batch-first", "lengths"));
        assertEquals(64, run.data().train().size());
        assertEquals(40, run.data().validation().size());
        SequenceModel fresh = new SequenceModel(new ModelSpec(CellType.RNN_TANH, 1, 8, 1, 1,
                run.model().spec().head(), run.model().spec().loss()));
        Initializers.initialize(fresh, Initializers.Scheme.KERAS, 4);
        double[] initial = fresh.rnn().layer(0).weightHh().data();
        double[] trained = run.model().rnn().layer(0).weightHh().data();   // two SGD steps of 1e-9 barely move it
        for (int i = 0; i < initial.length; i++) {
            assertEquals(1.5 * initial[i], trained[i], 1e-6, "W_hh[" + i + "]");
        }
        assertTrue(Tasks.byName("keras-example").generate(10, 4).validation().size() > 40);
    }

    /**
     * A character model's run on the bundled poem reads the poem (its length, the characters the validation windows
     * come from, its alphabet), and gives each epoch's losses, the best epoch and the model's parameters.
     */
    @Test
    void aRunOnTheBundledPoemGivesEachEpochsLosses() {
        TrainingRuns.Run run = TrainingRuns.run("j", CellType.LSTM, new TrainingRuns.Spec("charlm", 16, 4, 3, 64, 16,
                32, "adam", 0.005, 5, 1, "keras", 1.0, 0, false, 0, "jabberwocky", "batch-first", "lengths"));
        var n = run.numbers();
        assertEquals(890.0, n.get("j_characters"));
        assertEquals(89.0, n.get("j_validation_characters"));
        assertEquals((double) run.data().outputSize(), n.get("j_symbols"));
        assertEquals(16.0, n.get("j_steps"));
        assertEquals((double) run.model().parameters().stream().mapToInt(p -> p.size()).sum(), n.get("j_params"));
        int best = 1;
        for (int e = 1; e <= 3; e++) {
            assertEquals(run.epochLoss().get(e - 1), n.get("j_loss_e" + e));
            assertTrue(n.get("j_train_loss_e" + e) > 0);
            best = run.epochLoss().get(e - 1) < run.epochLoss().get(best - 1) ? e : best;
        }
        assertEquals(n.get("j_train_loss_e3"), n.get("j_train_loss"));
        assertEquals(n.get("j_loss_e3"), n.get("j_loss"));
        assertEquals((double) best, n.get("j_best_epoch"));
        assertEquals(run.epochLoss().get(best - 1), n.get("j_best_loss"));
        assertEquals(TrainingRuns.names("j", CellType.LSTM, new TrainingRuns.Spec("charlm", 16, 4, 3, 64, 16, 32,
                "adam", 0.005, 5, 1, "keras", 1.0, 0, false, 0, "jabberwocky", "batch-first",
                "lengths")).stream().sorted()
                        .toList(),
                n.keySet().stream().sorted().toList(), "the names the reader lets a lesson quote are the run's");
    }
}
