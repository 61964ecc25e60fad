package org.lstmlab.engine.tasks;

import java.util.List;

import org.lstmlab.engine.data.CsvSeries;
import org.lstmlab.engine.data.Dataset;
import org.lstmlab.engine.data.Sample;
import org.lstmlab.engine.loss.Loss;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.nn.HeadMode;
import org.lstmlab.engine.nn.ModelSpec;
import org.lstmlab.engine.train.Evaluation;
import org.lstmlab.engine.train.TrainingConfig;

/**
 * The user's own CSV time series as a task: forecast the target columns {@code horizon} rows after each window.
 * The data is what was loaded (the seed changes only the weights and the shuffling).
 *
 * <p>Solved when the model beats the naive forecast: its validation MSE is below that of repeating each target's
 * last value in the window ("persistence"), or below predicting the mean when a target is not among the inputs.
 * Accuracy is the fraction of validation forecasts within 0.1 standard deviations.
 */
public final class SeriesTask implements Task {
    private final CsvSeries.Loaded loaded;

    public SeriesTask(CsvSeries.Loaded loaded) {
        this.loaded = loaded;
    }

    public CsvSeries.Loaded loaded() {
        return loaded;
    }

    @Override
    public TaskProfile profile() {
        int steps = loaded.dataset().train().get(0).steps();
        return new TaskProfile("csv",
                "Forecast " + String.join(", ", loaded.targetColumns()) + " of " + loaded.dataset().name()
                        + " from windows of " + String.join(", ", loaded.inputColumns()),
                "validation MSE below the naive forecast's (the last value, or the mean)",
                32, steps, steps, steps);
    }

    @Override
    public List<Object> descriptionArgs() {
        return List.of(String.join(", ", loaded.targetColumns()), loaded.dataset().name(),
                String.join(", ", loaded.inputColumns()));
    }

    @Override
    public Dataset generate(int steps, long seed) {
        return loaded.dataset();
    }

    @Override
    public ModelSpec model(Dataset data, CellType cell, int hidden, int layers) {
        return new ModelSpec(cell, data.inputSize(), hidden, layers, data.outputSize(), HeadMode.LAST,
                Loss.MEAN_SQUARED_ERROR);
    }

    @Override
    public TrainingConfig defaults() {
        return TrainingConfig.kerasDefaults().withEpochs(20).withLearningRate(3e-3).withClipNorm(1.0);
    }

    /** MSE of the naive forecast on the samples (standardised units). */
    public double naiveMse(List<Sample> samples) {
        List<String> in = loaded.inputColumns();
        List<String> out = loaded.targetColumns();
        int d = in.size();
        double sum = 0;
        int n = 0;
        for (Sample s : samples) {
            for (int k = 0; k < out.size(); k++) {
                int col = in.indexOf(out.get(k));
                double guess = col >= 0 ? s.x()[(s.steps() - 1) * d + col] : 0.0;
                double e = guess - s.target()[k];
                sum += e * e;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    @Override
    public TaskScore score(Evaluation evaluation) {
        double accuracy = Scoring.withinTolerance(evaluation, 0.1);
        return new TaskScore(accuracy, evaluation.loss() < naiveMse(evaluation.samples()));
    }
}
