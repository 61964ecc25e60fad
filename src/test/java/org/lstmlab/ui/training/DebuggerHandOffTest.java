package org.lstmlab.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.engine.data.CsvSeries;
import org.lstmlab.engine.data.Dataset;
import org.lstmlab.engine.data.Sample;
import org.lstmlab.engine.tasks.SeriesTask;
import org.lstmlab.engine.train.Evaluation;

/**
 * "Open in debugger" on a CSV series picks the first validation window the model forecasts no better than the naive
 * forecast, by that window's own error: a window forecast exactly is not "predicted wrong" because the whole
 * validation set's loss is large.
 */
class DebuggerHandOffTest {
    @TempDir Path dir;

    @Test
    void aForecastIsJudgedByItsOwnError() throws Exception {
        StringBuilder csv = new StringBuilder("日期,收盘价\n");
        for (int r = 0; r < 60; r++) {
            csv.append("2024-01-").append(r).append(',').append(3000 + 40 * Math.sin(r * 0.7) + 3 * r).append('\n');
        }
        Path f = dir.resolve("价格.csv");
        Files.writeString(f, csv);
        SeriesTask task = new SeriesTask(CsvSeries.load(f, new CsvSeries.Options(List.of(), List.of(), 4, 1, 0.2,
                null)));
        Dataset data = task.generate(4, 42);
        List<Sample> val = data.validation();
        List<double[]> exact = new ArrayList<>();
        for (Sample s : val) {
            exact.add(s.target().clone());
        }
        List<double[]> secondOff = new ArrayList<>(exact);
        secondOff.set(1, new double[] {val.get(1).target()[0] + 100});
        // the set's loss, 100² / n, is far above any one window's naive error
        double loss = 100.0 * 100.0 / val.size();
        assertEquals(1, DebuggerHandOff.firstMiss(task, new Evaluation(loss, val, secondOff)),
                "the window forecast 100 standard deviations off, not the first, forecast exactly");
        assertEquals(-1, DebuggerHandOff.firstMiss(task, new Evaluation(loss, val, exact)), "every one exact");
    }

    @Test
    void aPaddedSampleIsTitledWithItsLengthOfTSteps() {
        Sample padded = new org.lstmlab.engine.tasks.PaddedSineTask().generate(28, 3).validation().stream()
                .filter(Sample::isPadded).findFirst().orElseThrow();
        DebuggerHandOff h = new DebuggerHandOff(null, null, 0, null, null, 1, null, padded.length(),
                padded.steps());
        String en = h.titled(org.lstmlab.ui.common.I18n.bundle(java.util.Locale.ENGLISH), "Padded sine");
        assertEquals("Padded sine, length " + padded.length() + " of 28", en);
        String zh = h.titled(org.lstmlab.ui.common.I18n.bundle(java.util.Locale.SIMPLIFIED_CHINESE), "填充的正弦");
        assertEquals("填充的正弦，长度 " + padded.length() + "（共 28 步）", zh);
        DebuggerHandOff whole = new DebuggerHandOff(null, null, 0, null, null, 1, null, 28, 28);
        assertEquals("Sine", whole.titled(org.lstmlab.ui.common.I18n.bundle(java.util.Locale.ENGLISH), "Sine"),
                "a sample that is not padded says no length");
    }
}
