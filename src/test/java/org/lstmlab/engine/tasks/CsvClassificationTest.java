package org.lstmlab.engine.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.engine.data.ClassRows;
import org.lstmlab.engine.data.Sample;
import org.lstmlab.engine.data.TargetKind;
import org.lstmlab.engine.io.SeriesScaling;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.session.EpochReport;
import org.lstmlab.engine.session.SessionObserver;
import org.lstmlab.engine.session.TrainingSession;
import org.lstmlab.engine.train.Evaluation;

/**
 * A student's activity file, each row's label a fixed function of the last two rows' readings: an LSTM trained on
 * windows of it names the activity far better than always answering the most frequent one, and its verdict is an
 * accuracy beside that answer's, counted here independently.
 */
class CsvClassificationTest {
    @TempDir Path dir;

    @Test
    void anLstmBeatsAlwaysTheMajorityClassClearly() throws Exception {
        Path f = dir.resolve("activity.csv");
        Files.writeString(f, ClassRows.csv(1000, 11));
        UserData.Request r = new UserData.Request(f, false, List.of(), List.of("activity"), 4, 1, 0.2, null,
                TargetKind.AUTO);
        SeriesTask task = (SeriesTask) UserData.read(r).task();
        assertEquals("task.csvclass", task.messageKey());
        assertEquals(TaskScore.Metric.ACCURACY, task.metric());
        SeriesScaling scaling = task.scaling();
        assertEquals(List.of("running", "sitting", "walking"), scaling.classes());
        try (TrainingSession s = TrainingSession.builder(task).cell(CellType.LSTM).hidden(16)
                .configure(c -> c.epochs(12).learningRate(1e-2).batchSize(32).threads(2)).build()) {
            s.run(new SessionObserver() {
            });
            EpochReport last = s.lastEpoch();
            TaskScore v = last.score();
            Evaluation e = s.evaluate(s.data().validation());
            // the counts, independently: argmax against the label, and the training part's most frequent class
            long[] trainCounts = new long[3];
            for (Sample x : s.data().train()) {
                trainCounts[x.classes()[0]]++;
            }
            int majority = trainCounts[1] >= trainCounts[0] && trainCounts[1] >= trainCounts[2] ? 1
                    : trainCounts[0] >= trainCounts[2] ? 0 : 2;
            assertEquals("sitting", scaling.classes().get(majority), "sitting is the most frequent");
            long right = 0;
            long naive = 0;
            for (int i = 0; i < e.samples().size(); i++) {
                double[] p = e.predictions().get(i);
                int best = p[0] >= p[1] && p[0] >= p[2] ? 0 : p[1] >= p[2] ? 1 : 2;
                int y = e.samples().get(i).classes()[0];
                right += best == y ? 1 : 0;
                naive += y == majority ? 1 : 0;
            }
            int n = e.samples().size();
            assertEquals((double) right / n, v.accuracy(), 1e-12);
            assertEquals((double) naive / n, v.baselineValue(), 1e-12);
            assertEquals("sitting", v.baselineAnswer());
            assertEquals(TaskScore.Baseline.MAJORITY, v.baseline());
            assertEquals((naive + 1.0) / n, v.threshold(), 1e-12, "one window more right than the naive answer");
            assertTrue(v.baselineValue() > 0.45 && v.baselineValue() < 0.7, "about 57 %: " + v.baselineValue());
            assertTrue(v.accuracy() > v.baselineValue() + 0.2, "clearly better than always 'sitting': "
                    + v.accuracy() + " vs " + v.baselineValue());
            assertTrue(v.solved());
        }
    }
}
