package org.lstmlab.engine.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.lstmlab.engine.data.Batches;
import org.lstmlab.engine.data.Dataset;
import org.lstmlab.engine.data.Sample;
import org.lstmlab.engine.nn.Batch;
import org.lstmlab.engine.nn.HeadMode;

/** The padded sine: stretches of several lengths, zeros after each, the wave's next value as the target. */
class PaddedSineTaskTest {
    @Test
    void stretchesOfSeveralLengthsAreZeroPaddedToOne() {
        Dataset d = new PaddedSineTask().generate(28, 3);
        assertEquals(HeadMode.LAST, d.head());
        int shortest = 28;
        int longest = 0;
        for (Sample s : d.train()) {
            assertEquals(28, s.steps());
            shortest = Math.min(shortest, s.length());
            longest = Math.max(longest, s.length());
            double[] x = s.x();
            for (int t = s.length(); t < 28; t++) {
                assertEquals(0.0, x[t], "padding at step " + t);
            }
            double sin = x[0];   // x_t = sin(t/4 + φ): φ from x_0 and x_1, then the wave one step after the end
            double cos = (x[1] - sin * Math.cos(0.25)) / Math.sin(0.25);
            double l = s.length() / SineTask.PERIOD_SCALE;
            assertEquals(Math.sin(l) * cos + Math.cos(l) * sin, s.target()[0], 1e-9);
        }
        assertEquals(5, shortest);
        assertEquals(28, longest);
        assertTrue(d.train().stream().anyMatch(Sample::isPadded));
    }

    @Test
    void aBatchCarriesTheLengths() {
        List<Sample> four = new PaddedSineTask().generate(20, 5).train().subList(0, 4);
        Batch b = Batches.toBatch(four, HeadMode.LAST, 1);
        for (int s = 0; s < 4; s++) {
            assertEquals(four.get(s).length(), b.lengths()[s]);
        }
        Batch again = Batches.toBatch(four, 0, 4, HeadMode.LAST, 1, b);
        assertTrue(again == b, "a padded batch of the same shape is refilled in place");
        Batch full = Batches.toBatch(new SineTask().generate(20, 5).train().subList(0, 4), HeadMode.EVERY_STEP, 1);
        assertEquals(null, full.lengths());
    }

    /** Shards split a padded batch with its lengths: the same run on 1 thread and on 3 ends with the same weights. */
    @Test
    void shardsCarryTheLengths() {
        List<List<double[]>> weights = new java.util.ArrayList<>();
        for (int threads : new int[] {1, 3}) {
            try (org.lstmlab.engine.session.TrainingSession s = org.lstmlab.engine.session.TrainingSession
                    .builder(new PaddedSineTask()).seqLen(20).hidden(6)
                    .configure(c -> c.epochs(1).batchSize(24).threads(threads).shards(3)).trainLimit(240)
                    .validationLimit(48).build()) {
                s.run(new org.lstmlab.engine.session.SessionObserver() {
                });
                weights.add(s.model().weightValues());
            }
        }
        for (int k = 0; k < weights.get(0).size(); k++) {
            org.junit.jupiter.api.Assertions.assertArrayEquals(weights.get(0).get(k), weights.get(1).get(k));
        }
    }

    /** The debugger opens a padded sequence without its padding: the head gives the same prediction there. */
    @Test
    void withoutItsPaddingASequencePredictsTheSame() {
        Sample padded = new PaddedSineTask().generate(28, 9).validation().stream().filter(Sample::isPadded)
                .findFirst().orElseThrow();
        Sample real = padded.unpadded();
        assertEquals(padded.length(), real.steps());
        assertTrue(!real.isPadded() && real.unpadded() == real);
        org.lstmlab.engine.nn.SequenceModel m = new org.lstmlab.engine.nn.SequenceModel(new PaddedSineTask()
                .model(new PaddedSineTask().generate(28, 9), org.lstmlab.engine.nn.CellType.GRU, 5, 2));
        org.lstmlab.engine.nn.Initializers.initialize(m, org.lstmlab.engine.nn.Initializers.Scheme.KERAS, 4);
        double lossPadded = m.forward(Batches.toBatch(List.of(padded), HeadMode.LAST, 1));
        double[] p = m.predictions();
        assertEquals(lossPadded, m.forward(Batches.toBatch(List.of(real), HeadMode.LAST, 1)));
        org.junit.jupiter.api.Assertions.assertArrayEquals(p, m.predictions());
    }

    @Test
    void theNaiveForecastRepeatsTheLastRealValue() {
        PaddedSineTask task = new PaddedSineTask();
        List<Sample> val = task.generate(28, 7).validation();
        List<double[]> perfect = val.stream().map(s -> s.target().clone()).toList();
        TaskScore score = task.score(new org.lstmlab.engine.train.Evaluation(0, val, perfect));
        assertTrue(score.solved());
        assertEquals(0.0, score.value());
        assertTrue(score.baselineValue() > 0.02 && score.baselineValue() < 0.04, "" + score.baselineValue());
    }
}
