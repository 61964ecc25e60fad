package org.lstmlab.engine.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.engine.data.CsvSeries;
import org.lstmlab.engine.data.Sample;
import org.lstmlab.engine.train.Evaluation;

/**
 * A CSV forecast is judged against the better of two naive forecasts on the validation windows: repeating the
 * target's last value, and always the training part's mean. Trading volumes (noise around a level) are forecast
 * better by their mean, so a model that learned only the mean is not "solved" (the audit's 成交量: val MSE 1.04
 * against repeating the last value's 2.01); a price that moves at random is forecast better by its last value. Both
 * naive errors are computed here again from the file's own numbers.
 */
class SeriesNaiveForecastTest {
    private static final int ROWS = 300;
    private static final int WINDOW = 10;

    @TempDir Path dir;

    private SeriesTask task(String name, double[] v) throws Exception {
        StringBuilder sb = new StringBuilder("成交量\n");
        for (double x : v) {
            sb.append(x).append('\n');
        }
        Path f = dir.resolve(name);
        Files.writeString(f, sb.toString());
        return new SeriesTask(CsvSeries.load(f, new CsvSeries.Options(List.of(), List.of(), WINDOW, 1, 0.2, null)));
    }

    /**
     * The two naive MSEs on the validation windows, from the file's values: the mean is that of the rows the
     * training windows and their targets hold, the errors divided by the standard deviation the task standardised
     * with.
     */
    private static double[] naiveMses(SeriesTask t, double[] v) {
        int train = t.trainSize();
        double mean = 0;
        for (int r = 0; r < train + WINDOW; r++) {
            mean += v[r];
        }
        mean /= train + WINDOW;
        assertEquals(mean, t.scaling().targetMean()[0], 1e-9 * Math.abs(mean), "the training part's mean");
        double sd = t.scaling().targetStd()[0];
        double last = 0;
        double atMean = 0;
        int n = 0;
        for (int r = train + WINDOW; r < v.length; r++) {   // the validation windows' targets
            last += (v[r] - v[r - 1]) * (v[r] - v[r - 1]) / (sd * sd);
            atMean += (v[r] - mean) * (v[r] - mean) / (sd * sd);
            n++;
        }
        assertEquals(t.generate(WINDOW, 0).validation().size(), n);
        return new double[] {last / n, atMean / n};
    }

    /** A model that forecasts the training part's mean for every window (0 in standardised units). */
    private static TaskScore meanOnly(SeriesTask t) {
        List<Sample> val = t.generate(WINDOW, 0).validation();
        double loss = 0;
        for (Sample s : val) {
            loss += s.target()[0] * s.target()[0];
        }
        return t.score(Predictors.evaluate(val, loss / val.size(), s -> new double[] {0}));
    }

    @Test
    void noiseAroundALevelIsJudgedAgainstItsMeanAndAMeanOnlyModelIsNotSolved() throws Exception {
        Random random = new Random(7);
        double[] volume = new double[ROWS];
        for (int r = 0; r < ROWS; r++) {
            volume[r] = Math.rint(120_000 + 15_000 * random.nextGaussian());
        }
        SeriesTask t = task("股价2.csv", volume);
        double[] naive = naiveMses(t, volume);
        assertTrue(naive[1] < 0.7 * naive[0], "the mean beats the last value on noise: " + naive[1] + ", "
                + naive[0]);
        assertEquals(TaskScore.Baseline.MEAN, t.naive());
        TaskScore s = meanOnly(t);
        assertEquals(TaskScore.Baseline.MEAN, s.baseline());
        assertEquals(naive[1], s.baselineValue(), 1e-12);
        assertEquals(naive[1], s.threshold(), 1e-12);
        assertEquals(s.baselineValue(), s.value(), 1e-12, "the model's forecast is the naive one");
        assertFalse(s.solved(), "a model that learned only the mean is not solved");
        assertTrue(s.value() < naive[0], "against repeating the last value it would have been");
        assertEquals("always the training mean", s.baselineName().english());
    }

    @Test
    void aRandomWalkIsJudgedAgainstItsLastValue() throws Exception {
        Random random = new Random(11);
        double[] price = new double[ROWS];
        price[0] = 3000;
        for (int r = 1; r < ROWS; r++) {
            price[r] = price[r - 1] + 30 * random.nextGaussian();
        }
        SeriesTask t = task("股价.csv", price);
        double[] naive = naiveMses(t, price);
        assertTrue(naive[0] < naive[1], "the last value beats the mean on a walk: " + naive[0] + ", " + naive[1]);
        assertEquals(TaskScore.Baseline.LAST_VALUE, t.naive());
        List<Sample> val = t.generate(WINDOW, 0).validation();
        double loss = 0;   // the model's loss as the trainer takes it, of the standardised values
        for (Sample s : val) {
            double e = s.x()[s.steps() - 1] - s.target()[0];
            loss += e * e;
        }
        Evaluation persistence = Predictors.evaluate(val, loss / val.size(), s -> new double[] {s.x()[s.steps() - 1]});
        TaskScore s = t.score(persistence);
        assertEquals(TaskScore.Baseline.LAST_VALUE, s.baseline());
        assertEquals(naive[0], s.baselineValue(), 1e-12);
        assertEquals(s.baselineValue(), s.value(), 1e-12, "the model's forecast is the naive one");
        assertFalse(s.solved());
        assertFalse(meanOnly(t).solved(), "far from it: " + meanOnly(t).value());
        assertEquals("repeating the last value", s.baselineName().english());
    }
}
