package org.lstmlab.engine.tasks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.lstmlab.engine.data.Dataset;
import org.lstmlab.engine.data.Sample;
import org.lstmlab.engine.data.Batches;
import org.lstmlab.engine.loss.Loss;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.nn.HeadMode;
import org.lstmlab.engine.nn.Initializers;
import org.lstmlab.engine.nn.SequenceModel;

class RandomWalkTaskTest {
    private final RandomWalkTask task = new RandomWalkTask();

    @Test
    void registeredForTheCommandLineTheTrainTabAndLessons() {
        assertSame(RandomWalkTask.class, Tasks.byName("random-walk").getClass());
        assertEquals(TaskScore.Metric.MSE, task.metric());
        assertEquals(new SineTask().profile().defaultSteps(), task.defaultSteps(), "laid out as the sine");
        Dataset d = task.generate(0, 1);
        assertEquals(HeadMode.EVERY_STEP, d.head());
        assertEquals(Loss.MEAN_SQUARED_ERROR, d.loss());
        assertEquals(RandomWalkTask.TRAIN_SIZE, d.train().size());
        assertEquals(RandomWalkTask.VALIDATION_SIZE, d.validation().size());
    }

    @Test
    void eachTargetIsTheNextValueOfTheSameWalk() {
        for (Sample s : task.generate(25, 3).train()) {
            assertEquals(25, s.steps());
            for (int t = 0; t + 1 < s.steps(); t++) {
                assertEquals(s.x()[t + 1], s.target()[t], 0.0);
            }
        }
    }

    @Test
    void aSeedGivesTheSameWalksAndAnotherSeedOthers() {
        Dataset a = task.generate(30, 11);
        Dataset b = task.generate(30, 11);
        Dataset c = task.generate(30, 12);
        for (int i = 0; i < a.train().size(); i += 97) {
            assertArrayEquals(a.train().get(i).x(), b.train().get(i).x(), 0.0);
            assertArrayEquals(a.train().get(i).target(), b.train().get(i).target(), 0.0);
        }
        assertArrayEquals(a.validation().get(5).x(), b.validation().get(5).x(), 0.0);
        assertNotEquals(a.train().get(0).x()[0], c.train().get(0).x()[0]);
    }

    /**
     * The steps are independent draws from N(0, σ²): their mean is 0, their variance σ², and one step says nothing
     * about the next (lag-one correlation 0). Over 2,000 walks of 40 steps: 80,000 steps.
     */
    @Test
    void theStepsAreIndependentGaussianOfStandardDeviationSigma() {
        double sum = 0;
        double sq = 0;
        double lag = 0;
        double fourth = 0;
        int n = 0;
        int pairs = 0;
        for (Sample s : task.generate(40, 5).train()) {
            double previous = Double.NaN;
            for (int t = 0; t < s.steps(); t++) {
                double d = s.target()[t] - s.x()[t];
                sum += d;
                sq += d * d;
                fourth += d * d * d * d;
                n++;
                if (!Double.isNaN(previous)) {
                    lag += d * previous;
                    pairs++;
                }
                previous = d;
            }
        }
        double var = RandomWalkTask.STEP * RandomWalkTask.STEP;
        assertEquals(80_000, n);
        assertEquals(0, sum / n, 3 * RandomWalkTask.STEP / Math.sqrt(n), "mean step");
        assertEquals(var, sq / n, 0.02 * var, "the step's variance is σ² (1.5 % is 3 standard errors here)");
        assertEquals(0, lag / pairs / var, 0.015, "lag-one correlation");
        assertEquals(3, fourth / n / (var * var), 0.1, "a normal distribution's kurtosis is 3");
    }

    /**
     * The naive forecast's error is the step itself, so its MSE is σ² (in the walk's own units: the task does not
     * rescale). The task scores it so, and does not count it as solved; the oracle that knows the next value is.
     */
    @Test
    void repeatingTheLastValueHasAnMseOfSigmaSquaredAndDoesNotSolveIt() {
        Dataset d = task.generate(0, 2);
        TaskScore naive = task.score(Predictors.evaluate(d.validation(), 0, s -> s.x().clone()));
        assertEquals(TaskScore.Baseline.LAST_VALUE, naive.baseline());
        assertEquals(naive.baselineValue(), naive.value(), 1e-15, "the baseline is exactly that forecast's MSE");
        double var = RandomWalkTask.STEP * RandomWalkTask.STEP;
        // 200 walks x 40 steps: the mean of 8,000 squared normals has a relative standard error of sqrt(2/8000)
        assertEquals(var, naive.baselineValue(), 0.05 * var);
        assertFalse(naive.solved(), "persistence is the best forecast, but not a model that beats it");
        assertEquals(RandomWalkTask.SKILL * naive.baselineValue(), naive.threshold(), 1e-15);
        assertTrue(Double.isNaN(naive.accuracy()), "a regression has no accuracy");
        TaskScore oracle = task.score(Predictors.evaluate(d.validation(), 0, s -> s.target().clone()));
        assertTrue(oracle.solved());
        assertEquals(0.0, oracle.value());
    }

    /**
     * Any forecast that moves away from the last value adds its own error to the step's: pulled halfway back to
     * the level 0, or pushed on by the last step (momentum), it does worse than repeating the last value.
     */
    @Test
    void forecastsThatMoveAwayFromTheLastValueDoWorse() {
        List<Sample> val = task.generate(0, 4).validation();
        double naive = task.score(Predictors.evaluate(val, 0, s -> s.x().clone())).value();
        double shrunk = task.score(Predictors.evaluate(val, 0, s -> {
            double[] p = s.x().clone();
            for (int t = 0; t < p.length; t++) {
                p[t] *= 0.5;
            }
            return p;
        })).value();
        double momentum = task.score(Predictors.evaluate(val, 0, s -> {
            double[] p = s.x().clone();
            for (int t = 1; t < p.length; t++) {
                p[t] = s.x()[t] + (s.x()[t] - s.x()[t - 1]);
            }
            return p;
        })).value();
        assertTrue(shrunk > 2 * naive, shrunk + " against " + naive);
        // momentum's error is the difference of two independent steps: variance 2σ² (the first step repeats)
        assertEquals(2 * naive, momentum, 0.15 * naive);
    }

    /** The Train tab's plot of the forecasts is what training and scoring see: the whole window's forward pass. */
    @Test
    void theOneStepForecastsAreTheModelsPredictionsOnTheWindow() {
        Dataset d = task.generate(30, 6);
        SequenceModel m = new SequenceModel(task.model(d, CellType.LSTM, 6, 1));
        Initializers.initialize(m, Initializers.Scheme.KERAS, 2);
        Sample window = d.validation().get(0);
        m.forward(Batches.toBatch(List.of(window), d.head(), d.outputSize()));
        double[] whole = m.predictions().clone();
        double[] stepped = RandomWalkTask.oneStepForecasts(m, window.x());
        assertEquals(30, whole.length);
        assertArrayEquals(whole, stepped, 1e-12);
    }
}
