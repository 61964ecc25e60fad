package org.lstmlab.engine.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.lstmlab.engine.io.CheckpointFile;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.nn.Param;
import org.lstmlab.engine.tasks.Tasks;
import org.lstmlab.engine.train.TrainingConfig;

/**
 * Training a finished run for more epochs goes on exactly as a longer run would have: two epochs, then one more,
 * give the weights and the epoch losses of three epochs trained at once, bit for bit, on one shard and on two.
 */
class ContinuedTrainingTest {
    private static TrainingSession.Builder adding(int epochs, int shards) {
        return TrainingSession.builder(Tasks.byName("adding")).cell(CellType.GRU).hidden(8).seqLen(12)
                .trainLimit(192).validationLimit(64)
                .configure(c -> c.epochs(epochs).batchSize(32).threads(shards).shards(shards).learningRate(0.01));
    }

    @Test
    void twoEpochsThenOneMoreAreThreeEpochs() {
        for (int shards : new int[] {1, 2}) {
            List<EpochReport> whole;
            List<Param> wholeWeights;
            try (TrainingSession s = adding(3, shards).build()) {
                whole = s.run(SessionObserver.NONE);
                wholeWeights = s.model().parameters();
                CheckpointFile.Loaded later;
                List<EpochReport> first;
                try (TrainingSession a = adding(2, shards).build()) {
                    first = a.run(SessionObserver.NONE);
                    later = a.snapshot().continuing(1);
                }
                assertEquals(3, later.config().epochs());
                try (TrainingSession b = adding(2, shards).resume(later).build()) {
                    List<EpochReport> more = b.run(SessionObserver.NONE);
                    assertEquals(1, more.size(), "one more epoch");
                    assertEquals(3, more.get(0).epoch(), "numbered on from the first two");
                    assertEquals(whole.get(0).trainLoss(), first.get(0).trainLoss());
                    assertEquals(whole.get(1).trainLoss(), first.get(1).trainLoss());
                    assertEquals(whole.get(2).trainLoss(), more.get(0).trainLoss(), shards + " shards");
                    assertEquals(whole.get(2).valLoss(), more.get(0).valLoss());
                    assertEquals(whole.get(2).steps(), more.get(0).steps(), "steps counted from the run's start");
                    for (int k = 0; k < wholeWeights.size(); k++) {
                        assertArrayEquals(wholeWeights.get(k).data(), b.model().parameters().get(k).data(),
                                wholeWeights.get(k).name());
                    }
                }
            }
        }
    }

    @Test
    void moreEpochsThanARunMayHaveAreRefused() {
        try (TrainingSession a = adding(1, 1).build()) {
            a.run(SessionObserver.NONE);
            RunSnapshot s = a.snapshot();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> s.continuing(TrainingConfig.MAX_EPOCHS));
            assertEquals("cannot train 1000000 more epochs after 1: a run has 1 to 1000000 epochs", e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> s.continuing(0));
        }
    }
}
