package org.lstmlab.ui.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.ResourceBundle;

import javafx.scene.control.TextArea;
import javafx.scene.paint.Color;
import org.lstmlab.engine.session.EpochReport;
import org.lstmlab.ui.common.I18n;
import org.lstmlab.ui.common.Palette;
import org.lstmlab.ui.common.PngSaving;

/**
 * The Train tab's charts: the loss, the verdict's measure per epoch, the gradient norm per timestep, the weights'
 * and gradients' histograms, the sampled text and the free-running sine. The view hands it every snapshot and
 * metric chart; once per frame it draws the newest, the snapshot charts at most every {@link #CHART_NANOS}.
 */
final class TrainingCharts {
    /** Charts are redrawn at most this often; the status line follows every snapshot. */
    static final long CHART_NANOS = 250_000_000L;
    private static final Color TRAIN = Palette.of(Palette.Role.OUTPUT);
    private static final Color VALIDATION = Palette.of(Palette.Role.FORGET);
    private static final List<Color> LAYERS = List.of(Palette.of(Palette.Role.OUTPUT), Palette.of(Palette.Role.INPUT),
            Palette.of(Palette.Role.CANDIDATE), Palette.of(Palette.Role.RESET));
    private static final Color SOLVED = Palette.of(Palette.Role.INPUT);
    private static final Color CHANCE = Palette.of(Palette.Role.NEUTRAL);

    private final ResourceBundle resources;
    private final PlotView lossChart;
    private final PlotView accuracyChart;
    private final PlotView gradChart;
    private final PlotView freeRunPlot;
    private final HistogramView weightsHistogram;
    private final HistogramView gradientsHistogram;
    private final TextArea sampleArea;
    /** Whether the plot below the charts shows one-step forecasts (a random walk), not the sine running free. */
    private boolean forecasts;
    private TrainingSnapshot pendingDraw;
    private MetricChart pendingMetrics;
    private long lastDraw;

    /** Labels the charts in the bundle's language and lets each be saved as a PNG. */
    TrainingCharts(ResourceBundle resources, PlotView lossChart, PlotView accuracyChart, PlotView gradChart,
                   PlotView freeRunPlot, HistogramView weightsHistogram, HistogramView gradientsHistogram,
                   TextArea sampleArea) {
        this.resources = resources;
        this.lossChart = lossChart;
        this.accuracyChart = accuracyChart;
        this.gradChart = gradChart;
        this.freeRunPlot = freeRunPlot;
        this.weightsHistogram = weightsHistogram;
        this.gradientsHistogram = gradientsHistogram;
        this.sampleArea = sampleArea;
        lossChart.setTitle(resources.getString("training.chart.loss"));
        lossChart.setXLabel(resources.getString("training.chart.step"));
        accuracyChart.setTitle(resources.getString("training.chart.accuracy"));
        accuracyChart.setXLabel(resources.getString("training.chart.epoch"));
        gradChart.setTitle(resources.getString("training.chart.gradNorm"));
        gradChart.setXLabel(resources.getString("training.chart.t"));
        gradChart.setScale(PlotScale.LOGARITHMIC);
        gradChart.setWholeX(true);
        accuracyChart.setWholeX(true);
        plotForecasts(false);
        String nonFinite = resources.getString("training.chart.nonFinite");
        weightsHistogram.setNonFiniteFormat(nonFinite);
        gradientsHistogram.setNonFiniteFormat(nonFinite);
        showEmptyHistograms();
        PngSaving.install(lossChart, resources, "loss");
        PngSaving.install(accuracyChart, resources, "accuracy");
        PngSaving.install(gradChart, resources, "gradient-norm");
        PngSaving.install(freeRunPlot, resources, "free-run");
        PngSaving.install(weightsHistogram, resources, "weights");
        PngSaving.install(gradientsHistogram, resources, "gradients");
    }

    /** A new snapshot to draw on a coming frame; null (no run) clears the charts now. */
    void offer(TrainingSnapshot s) {
        if (s == null) {
            clear();
        }
        pendingDraw = s;
    }

    /** A new metric chart to draw on the next frame. */
    void offer(MetricChart m) {
        pendingMetrics = m;
    }

    void setLossScale(PlotScale scale) {
        lossChart.setScale(scale);
    }

    /** Once per frame: draws what has arrived, the snapshot only if the last one was long enough ago or it ends. */
    void frame(long now) {
        TrainingSnapshot s = pendingDraw;
        if (s != null && (now - lastDraw > CHART_NANOS || s.state().isOver())) {
            pendingDraw = null;
            lastDraw = now;
            draw(s);
        }
        MetricChart m = pendingMetrics;
        if (m != null) {
            pendingMetrics = null;
            drawMetric(m);
        }
    }

    private void showEmptyHistograms() {
        weightsHistogram.show(Histogram.EMPTY, resources.getString("training.chart.weights"));
        gradientsHistogram.show(Histogram.EMPTY, resources.getString("training.chart.gradients"));
    }

    private void clear() {
        for (PlotView p : List.of(lossChart, accuracyChart, gradChart, freeRunPlot)) {
            p.clear();
        }
        showEmptyHistograms();
        sampleArea.clear();
    }

    /** Redraws the charts from a new snapshot (at most a few times a second). */
    private void draw(TrainingSnapshot s) {
        double[][] h = s.history();
        List<EpochReport> epochs = s.epochMetrics();
        double[] steps = new double[epochs.size()];
        double[] vl = new double[epochs.size()];
        for (int i = 0; i < epochs.size(); i++) {
            steps[i] = (double) epochs.get(i).epoch() * s.batchesPerEpoch();
            vl[i] = epochs.get(i).valLoss();
        }
        lossChart.show(List.of(
                new PlotView.Series(resources.getString("training.chart.loss.train"), h[0], h[1], TRAIN, false),
                new PlotView.Series(resources.getString("training.chart.loss.val"), steps, vl, VALIDATION, true)));
        List<PlotView.Series> grads = new ArrayList<>();
        for (int k = 0; k < s.gradNormPerStep().size(); k++) {
            double[] norms = s.gradNormPerStep().get(k);
            grads.add(new PlotView.Series(I18n.format(resources, "training.chart.gradNorm.layer", k),
                    ChartData.oneBased(norms.length), norms, LAYERS.get(k % LAYERS.size()), false));
        }
        gradChart.show(grads);
        weightsHistogram.show(s.weights(), resources.getString("training.chart.weights"));
        gradientsHistogram.show(s.gradients(), resources.getString("training.chart.gradients"));
        if (!s.sample().isEmpty()) {
            sampleArea.setText(s.sample());
        }
        if (s.freeRun().length > 0 && forecasts) {
            freeRunPlot.show(forecastSeries(s.freeRun(), s.freeRunTruth()));
        } else if (s.freeRun().length > 0) {
            double[] k = ChartData.oneBased(s.freeRun().length);
            freeRunPlot.show(List.of(
                    new PlotView.Series(resources.getString("training.chart.freeRun.truth"), k, s.freeRunTruth(),
                            Palette.of(Palette.Role.NEUTRAL), false),
                    new PlotView.Series(resources.getString("training.chart.freeRun.model"), k, s.freeRun(), TRAIN,
                            false)));
        }
    }

    /**
     * Labels the plot below the charts for one-step forecasts of a random walk ({@code true}) or for the sine
     * running free.
     */
    void plotForecasts(boolean on) {
        forecasts = on;
        freeRunPlot.setTitle(resources.getString(on ? "training.chart.forecast" : "training.chart.freeRun"));
        freeRunPlot.setXLabel(resources.getString(on ? "training.chart.forecast.x" : "training.chart.freeRun.x"));
    }

    /**
     * The tutorials' plot: the walk; repeating the last value, which is the walk one step late (from the second
     * step: the window's first value is not among the targets), as dots; and over them the model's forecast of
     * each next value, drawn at the step it forecasts.
     */
    private List<PlotView.Series> forecastSeries(double[] forecast, double[] truth) {
        double[] k = ChartData.oneBased(truth.length);
        double[] later = Arrays.copyOfRange(k, 1, k.length);
        double[] last = Arrays.copyOf(truth, truth.length - 1);
        return List.of(
                new PlotView.Series(resources.getString("training.chart.forecast.truth"), k, truth,
                        Palette.of(Palette.Role.NEUTRAL), false),
                new PlotView.Series(resources.getString("training.chart.forecast.naive"), later, last, VALIDATION,
                        true),
                new PlotView.Series(resources.getString("training.chart.forecast.model"), k, forecast, TRAIN, false));
    }

    /** The verdict's measure per epoch with its threshold and the naive predictor's value as dashed lines. */
    private void drawMetric(MetricChart m) {
        accuracyChart.setTitle(m.title());
        if (m.unitRange()) {
            accuracyChart.setYRange(0, 1);
            accuracyChart.setScale(PlotScale.LINEAR);
        } else {
            accuracyChart.setYRange(Double.NaN, Double.NaN);
            accuracyChart.setScale(PlotScale.AUTOMATIC);
        }
        List<PlotView.Reference> refs = new ArrayList<>();
        if (Double.isFinite(m.threshold())) {
            refs.add(new PlotView.Reference(m.thresholdLabel(), m.thresholdShort(), m.threshold(), SOLVED));
        }
        if (Double.isFinite(m.baseline())) {
            refs.add(new PlotView.Reference(m.baselineLabel(), m.baseline(), CHANCE));
        }
        accuracyChart.show(List.of(new PlotView.Series("", m.epochs(), m.values(), VALIDATION, true)), refs);
    }
}
