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

    /**
     * On noise around a level the naive forecast is the training mean, for every window as for the set: a window
     * forecast at the mean is no better than it (before, one nearer the mean than to the last value passed as better
     * than naive), and its title names that forecast and both errors.
     */
    @Test
    void onNoiseAWindowForecastAtTheMeanIsWorseThanTheMeanNamedInItsTitle() throws Exception {
        java.util.Random random = new java.util.Random(3);
        StringBuilder csv = new StringBuilder("日期,成交量\n");
        for (int r = 0; r < 200; r++) {
            csv.append("2024-01-").append(r).append(',').append(Math.rint(120_000 + 15_000 * random.nextGaussian()))
                    .append('\n');
        }
        Path f = dir.resolve("成交量.csv");
        Files.writeString(f, csv);
        SeriesTask task = new SeriesTask(CsvSeries.load(f, new CsvSeries.Options(List.of(), List.of(), 4, 1, 0.2,
                null)));
        List<Sample> val = task.generate(4, 42).validation();
        int atMean = -1;   // a window nearer the mean (0) than to its last value, which the last value would pass
        for (int i = 0; i < val.size() && atMean < 0; i++) {
            double y = val.get(i).target()[0];
            double last = val.get(i).x()[val.get(i).steps() - 1];
            atMean = i > 0 && Math.abs(y) < Math.abs(y - last) ? i : -1;
        }
        List<double[]> p = new ArrayList<>();
        for (Sample s : val) {
            p.add(s.target().clone());
        }
        p.set(atMean, new double[] {0});
        double y = val.get(atMean).target()[0];
        Evaluation e = new Evaluation(y * y / val.size(), val, p);
        assertEquals(atMean, DebuggerHandOff.firstMiss(task, e), "the first window forecast at the mean");
        org.lstmlab.engine.tasks.TaskScore miss = DebuggerHandOff.ofOne(task, e, atMean);
        assertEquals(org.lstmlab.engine.tasks.TaskScore.Baseline.MEAN, miss.baseline());
        assertEquals(y * y, miss.value(), 1e-12);
        assertEquals(y * y, miss.baselineValue(), 1e-12, "the mean's error on the window");
        String mse = org.lstmlab.engine.text.PlainNumbers.pair(y * y, y * y, AxisTicks::number)[0];
        assertEquals("MSE " + mse + ", always the training mean " + mse,
                DebuggerOpening.worse(org.lstmlab.ui.common.I18n.bundle(java.util.Locale.ENGLISH), miss));
        assertEquals("均方误差 " + mse + "，总是预测训练集均值为 " + mse,
                DebuggerOpening.worse(org.lstmlab.ui.common.I18n.bundle(java.util.Locale.SIMPLIFIED_CHINESE), miss));
        assertEquals("", DebuggerOpening.worse(org.lstmlab.ui.common.I18n.bundle(java.util.Locale.ENGLISH), null));
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
