package org.lstmlab.engine.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.engine.io.CheckpointFile;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.tasks.Task;
import org.lstmlab.engine.tasks.TaskScore;
import org.lstmlab.engine.tasks.Tasks;
import org.lstmlab.engine.train.StepResult;

/** The one epoch loop from plain Java: as a lesson or a test drives it. */
class TrainingSessionTest {
    @TempDir Path dir;

    private static TrainingSession.Builder small(String task) {
        return TrainingSession.builder(Tasks.byName(task)).cell(CellType.GRU).hidden(8).seqLen(10).trainLimit(320)
                .configure(c -> c.epochs(3).batchSize(32).threads(2).shards(2));
    }

    @Test
    void taskCellConfigAndEpochsGiveAReportPerEpoch() {
        List<String> seen = new ArrayList<>();
        try (TrainingSession s = small("adding").build()) {
            List<EpochReport> reports = s.run(new SessionObserver() {
                @Override
                public void onStep(TrainingSession session, StepResult step) {
                    seen.add("step");
                }

                @Override
                public void onEpoch(TrainingSession session, EpochReport report) {
                    seen.add("epoch " + report.epoch());
                }
            });
            assertEquals(3, reports.size());
            assertEquals(30, seen.stream().filter("step"::equals).count(), "10 batches of 32 per epoch");
            assertEquals("epoch 1", seen.get(10));
            assertEquals(List.of(1, 2, 3), reports.stream().map(EpochReport::epoch).toList());
            assertEquals(30, reports.get(2).steps());
            TaskScore v = reports.get(2).score();
            assertEquals(TaskScore.Metric.ACCURACY, v.metric());
            assertEquals(0.9, v.threshold());
            assertEquals(TaskScore.Baseline.CONSTANT, v.baseline());
            assertEquals(v.accuracy(), reports.get(2).valAccuracy());
            assertEquals(s.evaluate(s.data().validation()).loss(), reports.get(2).valLoss(),
                    "the report's loss is the model's loss on the validation set after the epoch");
            assertEquals(2, s.model().spec().inputSize(), "sizes from the data");
            assertEquals(CellType.GRU, s.record().cell());
            assertEquals(320, s.data().train().size());
        }
    }

    @Test
    void stopEndsTheRunAtTheNextStepBoundary() {
        try (TrainingSession s = small("adding").build()) {
            List<EpochReport> reports = s.run(new SessionObserver() {
                @Override
                public void onStep(TrainingSession session, StepResult step) {
                    if (session.steps() == 13) {
                        session.stop();
                    }
                }
            });
            assertEquals(13, s.steps());
            assertEquals(1, reports.size());
            assertEquals(1, s.epoch());
            assertEquals(3, s.batchIndex());
        }
    }

    @Test
    void aSnapshotResumesBitIdentically() throws Exception {
        List<double[]> straight;
        List<EpochReport> straightReports;
        try (TrainingSession s = small("adding").build()) {
            straightReports = s.run(SessionObserver.NONE);
            straight = s.model().weightValues();
        }
        Path ckpt = dir.resolve("run.safetensors");
        try (TrainingSession first = small("adding").build()) {
            for (int i = 0; i < 17; i++) {
                first.step();
            }
            first.snapshot().saveCheckpoint(ckpt);
        }
        CheckpointFile.Loaded c = CheckpointFile.load(ckpt);
        RunRecord record = RunRecord.fromMap(c.run(), c.model().spec());
        assertEquals(small("adding").record(), record, "the checkpoint records what the run is made of");
        Task task = record.openTask();
        try (TrainingSession second = TrainingSession.builder(task).seqLen(record.seqLen())
                .trainLimit(record.trainLimit()).resume(c).build()) {
            assertEquals(17, second.steps());
            List<EpochReport> rest = second.run(SessionObserver.NONE);
            assertEquals(straightReports.get(2).valLoss(), rest.get(rest.size() - 1).valLoss());
            List<double[]> resumed = second.model().weightValues();
            for (int k = 0; k < straight.size(); k++) {
                assertArrayEquals(straight.get(k), resumed.get(k), "parameter " + k);
            }
        }
    }

    @Test
    void weightsThatAreNotFiniteAreNotSavedAndTheRefusalNamesTheWeightInEitherLanguage() throws Exception {
        Path model = dir.resolve("nan-model.safetensors");
        try (TrainingSession s = small("adding").build()) {
            s.step();
            RunSnapshot snap = s.snapshot();
            org.lstmlab.engine.nn.Param p = snap.model().parameters().get(1);
            p.data()[0] = Double.NaN;
            org.lstmlab.engine.text.Refusal e = assertThrows(org.lstmlab.engine.text.Refusal.class,
                    () -> snap.saveModel(model));
            assertEquals("weight " + p.name() + " is not a finite number; not saved", e.getMessage());
            String zh = e.userMessage().in(java.util.ResourceBundle.getBundle(org.lstmlab.engine.text.Message.BUNDLE,
                    java.util.Locale.SIMPLIFIED_CHINESE));
            assertTrue(zh.startsWith("权重 " + p.name() + " 不是有限数"), zh);
            assertThrows(org.lstmlab.engine.text.Refusal.class, () -> snap.saveCheckpoint(model));
        }
        assertFalse(java.nio.file.Files.exists(model), "nothing was written");
    }

    @Test
    void aValidationLimitScoresTheFirstValidationSamplesAndIsRecorded() throws Exception {
        try (TrainingSession s = small("adding").validationLimit(50).configure(c -> c.epochs(1)).build()) {
            assertEquals(50, s.data().validation().size());
            assertEquals(Tasks.byName("adding").generate(10, 42).validation().get(49).x()[3],
                    s.data().validation().get(49).x()[3], "the first 50, in order");
            EpochReport r = s.run(SessionObserver.NONE).get(0);
            assertEquals(s.evaluate(s.data().validation()).loss(), r.valLoss());
            Path ckpt = dir.resolve("limited.safetensors");
            s.snapshot().saveCheckpoint(ckpt);
            CheckpointFile.Loaded c = CheckpointFile.load(ckpt);
            assertEquals(s.record(), RunRecord.fromMap(c.run(), c.model().spec()));
            assertEquals(50, RunRecord.fromMap(c.run(), c.model().spec()).validationLimit());
        }
        assertThrows(IllegalArgumentException.class, () -> small("adding").validationLimit(-1).build());
    }

    @Test
    void initialWeightsChangeAFreshModelBeforeTheFirstStep() {
        double[] plain;
        try (TrainingSession s = small("adding").build()) {
            plain = s.model().rnn().layer(0).weightHh().data().clone();
        }
        try (TrainingSession s = small("adding").initialWeights(m -> m.rnn().layer(0).weightHh().data()[0] = 7)
                .build()) {
            double[] changed = s.model().rnn().layer(0).weightHh().data();
            assertEquals(7.0, changed[0]);
            assertEquals(plain[1], changed[1]);
        }
    }

    @Test
    void sizesAndLengthsAreCheckedBeforeAnythingIsBuilt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrainingSession.builder(Tasks.byName("reber")).seqLen(20).build());
        assertEquals("reber has no sequence length to choose (its sequences have their own lengths)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> TrainingSession.builder(Tasks.byName("keras-example")).seqLen(1).build());
        assertEquals("keras-example takes sequence lengths from 2 to 200, got 1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> TrainingSession.builder(Tasks.byName("adding")).hidden(5000).build());
        assertTrue(e.getMessage().startsWith("hidden units must be from 1 to 4096"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TrainingSession.builder(Tasks.byName("adding"))
                .hidden(4096).layers(32).configure(c -> c.batchSize(256)).build());
        assertTrue(e.getMessage().contains("needs about") && e.getMessage().contains("maximum heap"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TrainingSession.builder(Tasks.byName("adding"))
                .hidden(4096).configure(c -> c.batchSize(4096)).build());
        assertTrue(e.getMessage().contains("needs buffers of 3,355,443,200 values; Java arrays hold at most"),
                e.getMessage());
    }
}
