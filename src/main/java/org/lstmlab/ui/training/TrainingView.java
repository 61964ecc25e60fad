package org.lstmlab.ui.training;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.FileChooser;
import org.lstmlab.engine.math.Precision;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.session.EpochReport;
import org.lstmlab.engine.optim.OptimizerKind;
import org.lstmlab.engine.tasks.Task;
import org.lstmlab.ui.common.Converters;
import org.lstmlab.ui.common.I18n;
import org.lstmlab.ui.common.LeavingWindow;
import org.lstmlab.ui.common.Palette;
import org.lstmlab.ui.common.PngSaving;
import org.lstmlab.ui.common.SpinnerBinding;
import org.lstmlab.ui.common.TaskTexts;

/**
 * The Train tab's view: binds the form and the controls to {@link TrainingViewModel}, polls it once per frame
 * with an AnimationTimer and redraws the charts when a new snapshot arrives. No logic of its own.
 */
public final class TrainingView {
    @FXML private Parent root;
    @FXML private VBox builder;
    @FXML private ComboBox<Task> taskBox;
    @FXML private Button dataButton;
    @FXML private Label columnsLabel;
    @FXML private Label targetLabel;
    @FXML private Label encodingLabel;
    @FXML private TextField columnsField;
    @FXML private TextField targetField;
    @FXML private ComboBox<String> encodingBox;
    @FXML private Label stepsLabel;
    @FXML private Spinner<Integer> stepsSpinner;
    @FXML private Label horizonLabel;
    @FXML private Spinner<Integer> horizonSpinner;
    @FXML private Label criterionLabel;
    @FXML private ComboBox<CellType> cellBox;
    @FXML private Spinner<Integer> unitsSpinner;
    @FXML private Spinner<Integer> layersSpinner;
    @FXML private Label headLabel;
    @FXML private ComboBox<OptimizerKind> optimizerBox;
    @FXML private CheckBox torchBox;
    @FXML private TextField lrField;
    @FXML private Spinner<Integer> batchSpinner;
    @FXML private Spinner<Integer> epochsSpinner;
    @FXML private ComboBox<Double> splitBox;
    @FXML private TextField clipField;
    @FXML private TextField seedField;
    @FXML private Spinner<Integer> threadsSpinner;
    @FXML private ComboBox<Precision> precisionBox;
    @FXML private Button startButton;
    @FXML private Button pauseButton;
    @FXML private Button resumeButton;
    @FXML private Button stepButton;
    @FXML private Button stopButton;
    @FXML private Button restartButton;
    @FXML private Button debugButton;
    @FXML private MenuItem saveModelItem;
    @FXML private MenuItem saveRunItem;
    @FXML private ProgressBar progressBar;
    @FXML private Label statusLabel;
    @FXML private Label messageLabel;
    @FXML private Label verdictLabel;
    @FXML private javafx.scene.control.Hyperlink detailsLink;
    @FXML private TextArea detailsArea;
    @FXML private ComboBox<PlotScale> lossScaleBox;
    @FXML private PlotView lossChart;
    @FXML private PlotView accuracyChart;
    @FXML private PlotView gradChart;
    @FXML private PlotView freeRunPlot;
    @FXML private HistogramView weightsHistogram;
    @FXML private HistogramView gradientsHistogram;
    @FXML private VBox sampleBox;
    @FXML private Slider temperatureSlider;
    @FXML private TextArea sampleArea;
    @FXML private TextArea kerasArea;
    @FXML private TextArea torchArea;
    @FXML private ResourceBundle resources;

    private static final javafx.css.PseudoClass ERROR = javafx.css.PseudoClass.getPseudoClass("error");
    private TrainingViewModel vm;
    private static final Color TRAIN = Palette.of(Palette.Role.OUTPUT);
    private static final Color VALIDATION = Palette.of(Palette.Role.FORGET);
    private static final List<Color> LAYERS = List.of(Palette.of(Palette.Role.OUTPUT), Palette.of(Palette.Role.INPUT),
            Palette.of(Palette.Role.CANDIDATE), Palette.of(Palette.Role.RESET));
    private static final Color SOLVED = Palette.of(Palette.Role.INPUT);
    private static final Color CHANCE = Palette.of(Palette.Role.NEUTRAL);
    /** Charts are redrawn at most this often; the status line follows every snapshot. */
    static final long CHART_NANOS = 250_000_000L;
    private TrainingSnapshot pendingDraw;
    private MetricChart pendingMetrics;
    private long lastDraw;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            vm.pulse();
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
    };

    /**
     * Keeps {@code existing} instead of making a new view model. The main window rebuilds its views when the
     * language changes, and the run, the form and the charts carry on. Call before the FXML loader initializes
     * this view.
     */
    public void reuse(TrainingViewModel existing) {
        vm = existing;
    }

    @FXML
    private void initialize() {
        Palette.install(root);
        boolean fresh = vm == null;
        if (fresh) {
            vm = new TrainingViewModel(resources, Platform::runLater);
        }
        TrainingForm f = vm.form();
        taskBox.setItems(vm.tasks());
        taskBox.setConverter(Converters.display(t -> TaskTexts.title(resources, t)));
        taskBox.getSelectionModel().select(f.task.get());
        taskBox.setTooltip(new javafx.scene.control.Tooltip());
        taskBox.getTooltip().textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> f.task.get() == null ? "" : TaskTexts.description(resources, f.task.get()), f.task));
        taskBox.setOnAction(e -> {
            Task t = taskBox.getValue();
            if (t != null && t != f.task.get()) {
                vm.chooseTask(t);
            }
        });
        f.task.addListener((o, a, b) -> showTask(b));
        vm.fieldsProperty().addListener((o, a, b) -> showFields(b));
        f.task.addListener((o, a, b) -> showFields(vm.fieldsProperty().get()));   // a new task brings its length
        f.steps.addListener((o, a, b) -> followSteps(b.intValue()));
        showFields(vm.fieldsProperty().get());
        columnsField.textProperty().bindBidirectional(f.columns);
        targetField.textProperty().bindBidirectional(f.target);
        encodingBox.setItems(FXCollections.observableArrayList("", "UTF-8", "UTF-16LE", "UTF-16BE", "GBK",
                "GB18030"));
        encodingBox.setConverter(Converters.display(s -> s.isEmpty() ? resources.getString("training.data.encoding.auto") : s));
        encodingBox.valueProperty().bindBidirectional(f.encoding);
        SpinnerBinding.bind(horizonSpinner, 1, org.lstmlab.engine.tasks.UserData.MAX_HORIZON, f.horizon);
        criterionLabel.textProperty().bind(vm.criterionProperty());
        cellBox.setItems(FXCollections.observableArrayList(TrainingForm.CELLS));
        cellBox.setConverter(Converters.display(c -> resources.getString(TrainingForm.cellLabelKey(c))));
        cellBox.valueProperty().bindBidirectional(f.cell);
        SpinnerBinding.bind(unitsSpinner, 1, 512, f.units);
        SpinnerBinding.bind(layersSpinner, 1, 4, f.layers);
        headLabel.textProperty().bind(vm.headProperty());
        optimizerBox.setItems(FXCollections.observableArrayList(TrainingForm.OPTIMIZERS));
        optimizerBox.setConverter(Converters.display(OptimizerKind::id));
        optimizerBox.valueProperty().bindBidirectional(f.optimizer);
        torchBox.selectedProperty().bindBidirectional(f.torchFlavour);
        lrField.textProperty().bindBidirectional(f.learningRate);
        SpinnerBinding.bind(batchSpinner, 1, 1024, f.batchSize);
        SpinnerBinding.bind(epochsSpinner, 1, 1000, f.epochs);
        splitBox.setItems(FXCollections.observableArrayList(Double.NaN, 0.1, 0.2, 0.3));
        splitBox.setConverter(Converters.display(d -> d.isNaN() ? resources.getString("training.valSplit.task")
                : Math.round(d * 100) + " %"));
        splitBox.setValue(f.validationSplit.get());
        splitBox.valueProperty().addListener((o, a, b) -> f.validationSplit.set(b == null ? Double.NaN : b));
        f.validationSplit.addListener((o, a, b) -> splitBox.setValue(b.doubleValue()));
        clipField.textProperty().bindBidirectional(f.clipNorm);
        seedField.textProperty().bindBidirectional(f.seed);
        SpinnerBinding.bind(threadsSpinner, 1, 64, f.threads);
        precisionBox.setItems(FXCollections.observableArrayList(Precision.values()));
        precisionBox.setConverter(Converters.display(p -> resources.getString("training.precision." + p.id())));
        precisionBox.valueProperty().bindBidirectional(f.precision);
        builder.disableProperty().bind(vm.idleProperty().not());

        startButton.disableProperty().bind(vm.idleProperty().not());
        pauseButton.disableProperty().bind(vm.canPauseProperty().not());
        resumeButton.disableProperty().bind(vm.canResumeProperty().not());
        stepButton.disableProperty().bind(vm.canStopProperty().not());
        stopButton.disableProperty().bind(vm.canStopProperty().not());
        restartButton.disableProperty().bind(vm.stateProperty().isNull());
        debugButton.disableProperty().bind(vm.hasModelProperty().not());
        saveModelItem.disableProperty().bind(vm.hasModelProperty().not());
        saveRunItem.disableProperty().bind(vm.hasModelProperty().not());
        progressBar.progressProperty().bind(vm.progressProperty());
        statusLabel.textProperty().bind(vm.statusProperty());
        messageLabel.textProperty().bind(vm.messageProperty());
        messageLabel.pseudoClassStateChanged(ERROR, vm.messageIsErrorProperty().get());
        vm.messageIsErrorProperty().addListener((o, was, now) -> messageLabel.pseudoClassStateChanged(ERROR, now));
        verdictLabel.textProperty().bind(vm.verdictProperty());
        detailsArea.textProperty().bind(vm.detailsProperty());
        show(false, detailsArea);
        detailsLink.visibleProperty().bind(vm.detailsProperty().isNotEmpty());
        detailsLink.managedProperty().bind(detailsLink.visibleProperty());
        vm.detailsProperty().addListener((o, a, b) -> {
            show(false, detailsArea);
            detailsLink.setText(resources.getString("training.problems.show"));
        });
        lossScaleBox.setItems(FXCollections.observableArrayList(PlotScale.values()));
        lossScaleBox.setConverter(Converters.display(p -> p == null ? ""
                : resources.getString("training.lossScale." + p.name().toLowerCase(java.util.Locale.ROOT))));
        lossScaleBox.valueProperty().addListener((o, a, b) -> lossChart.setScale(b));
        lossScaleBox.setValue(PlotScale.AUTOMATIC);
        vm.metricChartProperty().addListener((o, a, b) -> pendingMetrics = b);
        kerasArea.textProperty().bind(vm.kerasCodeProperty());
        torchArea.textProperty().bind(vm.torchCodeProperty());
        temperatureSlider.valueProperty().bindBidirectional(vm.temperatureProperty());

        lossChart.setTitle(resources.getString("training.chart.loss"));
        lossChart.setXLabel(resources.getString("training.chart.step"));
        accuracyChart.setTitle(resources.getString("training.chart.accuracy"));
        accuracyChart.setXLabel(resources.getString("training.chart.epoch"));
        gradChart.setTitle(resources.getString("training.chart.gradNorm"));
        gradChart.setXLabel(resources.getString("training.chart.t"));
        gradChart.setScale(PlotScale.LOGARITHMIC);
        gradChart.setWholeX(true);
        accuracyChart.setWholeX(true);
        vm.snapshotProperty().addListener((o, a, s) -> {
            if (s == null) {
                clearCharts();
            }
            pendingDraw = s;
        });
        sampleBox.setVisible(false);
        sampleBox.setManaged(false);
        freeRunPlot.setVisible(false);
        freeRunPlot.setManaged(false);
        freeRunPlot.setTitle(resources.getString("training.chart.freeRun"));
        freeRunPlot.setXLabel(resources.getString("training.chart.freeRun.x"));
        String nonFinite = resources.getString("training.chart.nonFinite");
        weightsHistogram.setNonFiniteFormat(nonFinite);
        gradientsHistogram.setNonFiniteFormat(nonFinite);
        weightsHistogram.show(Histogram.EMPTY, resources.getString("training.chart.weights"));
        gradientsHistogram.show(Histogram.EMPTY, resources.getString("training.chart.gradients"));
        PngSaving.install(lossChart, resources, "loss");
        PngSaving.install(accuracyChart, resources, "accuracy");
        PngSaving.install(gradChart, resources, "gradient-norm");
        PngSaving.install(freeRunPlot, resources, "free-run");
        PngSaving.install(weightsHistogram, resources, "weights");
        PngSaving.install(gradientsHistogram, resources, "gradients");
        if (!fresh) {
            showTask(f.task.get());
            pendingDraw = vm.snapshotProperty().get();
            pendingMetrics = vm.metricChartProperty().get();
        }
        timer.start();
        LeavingWindow.whenLeft(root, this::shutdown);
    }

    /** Shows the task in the box and the panels that belong to it (sampled text, the free-running sine). */
    private void showTask(Task b) {
        if (b != null && !taskBox.getItems().contains(b)) {
            taskBox.getItems().add(b);
        }
        taskBox.getSelectionModel().select(b);
        sampleBox.setVisible(b != null && b.name().equals("charlm"));
        sampleBox.setManaged(sampleBox.isVisible());
        freeRunPlot.setVisible(b != null && b.name().equals("sine"));
        freeRunPlot.setManaged(freeRunPlot.isVisible());
    }

    /**
     * Shows the data fields that apply and hides the others: columns, target and horizon for a CSV file (edited
     * after choosing one; Start reads it again), the encoding for any file of the user's, the length where it can
     * be chosen (a CSV file's window).
     */
    private void showFields(FieldsShown s) {
        show(s.csv(), columnsLabel, columnsField, targetLabel, targetField, horizonLabel, horizonSpinner);
        show(s.encoding(), encodingLabel, encodingBox);
        show(s.steps(), stepsLabel, stepsSpinner);
        stepsLabel.setText(resources.getString(s.stepsKey()));
        if (s.steps()) {
            TrainingForm f = vm.form();
            SpinnerValueFactory.IntegerSpinnerValueFactory factory = new SpinnerValueFactory.IntegerSpinnerValueFactory(
                    s.stepsMin(), s.stepsMax(), Math.max(s.stepsMin(), Math.min(s.stepsMax(), f.steps.get())));
            stepsSpinner.setValueFactory(factory);
            factory.valueProperty().addListener((o, a, b) -> f.steps.set(b));
        }
    }

    /** The length field follows the form when the view model changes it (a task's default, a test, a tour). */
    private void followSteps(int value) {
        if (stepsSpinner.getValueFactory() instanceof SpinnerValueFactory.IntegerSpinnerValueFactory factory
                && value >= factory.getMin() && value <= factory.getMax() && factory.getValue() != value) {
            factory.setValue(value);
        }
    }

    private static void show(boolean visible, javafx.scene.Node... nodes) {
        for (javafx.scene.Node n : nodes) {
            n.setVisible(visible);
            n.setManaged(visible);
        }
    }

    private void clearCharts() {
        for (PlotView p : List.of(lossChart, accuracyChart, gradChart, freeRunPlot)) {
            p.clear();
        }
        weightsHistogram.show(Histogram.EMPTY, resources.getString("training.chart.weights"));
        gradientsHistogram.show(Histogram.EMPTY, resources.getString("training.chart.gradients"));
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
        if (s.freeRun().length > 0) {
            double[] k = ChartData.oneBased(s.freeRun().length);
            freeRunPlot.show(List.of(
                    new PlotView.Series(resources.getString("training.chart.freeRun.truth"), k, s.freeRunTruth(),
                            Palette.of(Palette.Role.NEUTRAL), false),
                    new PlotView.Series(resources.getString("training.chart.freeRun.model"), k, s.freeRun(), TRAIN,
                            false)));
        }
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
            refs.add(new PlotView.Reference(m.thresholdLabel(), m.threshold(), SOLVED));
        }
        if (Double.isFinite(m.baseline())) {
            refs.add(new PlotView.Reference(m.baselineLabel(), m.baseline(), CHANCE));
        }
        accuracyChart.show(List.of(new PlotView.Series("", m.epochs(), m.values(), VALIDATION, true)), refs);
    }

    public Parent root() {
        return root;
    }

    public TrainingViewModel viewModel() {
        return vm;
    }

    /** Stops the frame timer; the view model carries on (the main window is rebuilding its views). */
    public void detach() {
        timer.stop();
    }

    /** Stops the run and the frame timer (the window is closing). */
    public void shutdown() {
        timer.stop();
        vm.shutdown();
    }

    @FXML
    private void onDetails() {
        boolean open = !detailsArea.isVisible();
        show(open, detailsArea);
        detailsLink.setText(resources.getString(open ? "training.problems.hide" : "training.problems.show"));
    }

    @FXML
    private void onStart() {
        vm.start();
    }

    @FXML
    private void onPause() {
        vm.pause();
    }

    @FXML
    private void onResume() {
        vm.resume();
    }

    @FXML
    private void onStep() {
        vm.step();
    }

    @FXML
    private void onStop() {
        vm.stop();
    }

    @FXML
    private void onRestart() {
        vm.restart();
    }

    @FXML
    private void onOpenInDebugger() {
        vm.openInDebugger();
    }

    @FXML
    private void onOpenData() {
        FileChooser chooser = new FileChooser();
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter(resources.getString("training.files.data"), "*.csv", "*.txt"),
                new FileChooser.ExtensionFilter(resources.getString("training.files.all"), "*"));
        File file = chooser.showOpenDialog(root.getScene().getWindow());
        if (file != null) {
            vm.chooseDataFile(file.toPath());
        }
    }

    @FXML
    private void onSaveModel() {
        Path p = choose(true, "model.safetensors");
        if (p != null) {
            vm.saveModel(p);
        }
    }

    @FXML
    private void onSaveCheckpoint() {
        Path p = choose(true, "run.safetensors");
        if (p != null) {
            vm.saveCheckpoint(p);
        }
    }

    @FXML
    private void onOpenModel() {
        Path p = choose(false, null);
        if (p != null) {
            vm.openModel(p);
        }
    }

    @FXML
    private void onOpenCheckpoint() {
        Path p = choose(false, null);
        if (p != null) {
            vm.openCheckpoint(p);
        }
    }

    private Path choose(boolean save, String name) {
        FileChooser chooser = new FileChooser();
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(resources.getString("training.files.model"),
                "*.safetensors"));
        if (name != null) {
            chooser.setInitialFileName(name);
        }
        File f = save ? chooser.showSaveDialog(root.getScene().getWindow())
                : chooser.showOpenDialog(root.getScene().getWindow());
        return f == null ? null : f.toPath();
    }
}
