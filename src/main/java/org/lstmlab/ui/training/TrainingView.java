package org.lstmlab.ui.training;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
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
import javafx.stage.FileChooser;
import org.lstmlab.engine.math.Precision;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.optim.OptimizerKind;
import org.lstmlab.engine.session.TrainingSession;
import org.lstmlab.engine.tasks.Task;
import org.lstmlab.ui.common.Converters;
import org.lstmlab.ui.common.LeavingWindow;
import org.lstmlab.ui.common.Palette;
import org.lstmlab.ui.common.Percent;
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
    @FXML private CheckBox classesBox;
    @FXML private ComboBox<String> encodingBox;
    @FXML private Label stepsLabel;
    @FXML private Spinner<Integer> stepsSpinner;
    @FXML private Label horizonLabel;
    @FXML private Spinner<Integer> horizonSpinner;
    @FXML private Label horizonNote;
    @FXML private Label criterionLabel;
    @FXML private ComboBox<CellType> cellBox;
    @FXML private Spinner<Integer> unitsSpinner;
    @FXML private Spinner<Integer> layersSpinner;
    @FXML private Label embeddingLabel;
    @FXML private Spinner<Integer> embeddingSpinner;
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
    @FXML private Button trainMoreButton;
    @FXML private Button debugButton;
    @FXML private MenuItem saveModelItem;
    @FXML private MenuItem saveRunItem;
    @FXML private Button saveCodeButton;
    @FXML private ProgressBar progressBar;
    @FXML private Label statusLabel;
    @FXML private Label messageLabel;
    @FXML private Label verdictLabel;
    @FXML private Label checkupLabel;
    @FXML private javafx.scene.control.Hyperlink checkupLessonLink;
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
    @FXML private javafx.scene.control.TabPane codeTabs;
    @FXML private TextArea torchArea;
    @FXML private ResourceBundle resources;

    private static final javafx.css.PseudoClass ERROR = javafx.css.PseudoClass.getPseudoClass("error");
    private TrainingViewModel vm;
    private TrainingCharts charts;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            vm.pulse();
            charts.frame(now);
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
        taskBox.setConverter(Converters.display(t -> TaskTexts.choice(resources, t)));
        taskBox.getSelectionModel().select(f.task.get());
        taskBox.setTooltip(new javafx.scene.control.Tooltip());
        taskBox.getTooltip().textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> f.task.get() == null ? "" : TaskTexts.about(resources, f.task.get()), f.task));
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
        org.lstmlab.ui.common.Fonts.keepDrawable(columnsField, targetField);
        classesBox.selectedProperty().bindBidirectional(f.classes);
        org.lstmlab.ui.common.EncodingBox.bind(encodingBox, resources, f.encoding);
        SpinnerBinding.bind(horizonSpinner, 1, org.lstmlab.engine.tasks.UserData.MAX_HORIZON, f.horizon);
        criterionLabel.textProperty().bind(vm.criterionProperty());
        cellBox.setItems(FXCollections.observableArrayList(TrainingForm.CELLS));
        cellBox.setConverter(Converters.display(c -> resources.getString(TrainingForm.cellLabelKey(c))));
        cellBox.valueProperty().bindBidirectional(f.cell);
        // the engine's limits, as on the command line: an opened model of any size shows as it is, never clamped
        SpinnerBinding.bind(unitsSpinner, 1, TrainingSession.MAX_HIDDEN, f.units);
        SpinnerBinding.bind(layersSpinner, 1, TrainingSession.MAX_LAYERS, f.layers);
        SpinnerBinding.bind(embeddingSpinner, 0, TrainingSession.MAX_EMBEDDING, f.embedding);
        headLabel.textProperty().bind(vm.headProperty());
        optimizerBox.setItems(FXCollections.observableArrayList(TrainingForm.OPTIMIZERS));
        optimizerBox.setConverter(Converters.display(k -> resources.getString(TrainingForm.optimizerLabelKey(k))));
        optimizerBox.valueProperty().bindBidirectional(f.optimizer);
        torchBox.selectedProperty().bindBidirectional(f.torchFlavour);
        lrField.textProperty().bindBidirectional(f.learningRate);
        SpinnerBinding.bind(batchSpinner, 1, 1024, f.batchSize);
        SpinnerBinding.bind(epochsSpinner, 1, 1000, f.epochs);
        splitBox.setItems(FXCollections.observableArrayList(Double.NaN, 0.1, 0.2, 0.3));
        splitBox.setConverter(Converters.display(d -> d.isNaN() ? resources.getString("training.valSplit.task")
                : Percent.of(d, 0)));
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
        trainMoreButton.textProperty().bind(vm.trainMoreLabel());
        trainMoreButton.disableProperty().bind(vm.canTrainMoreProperty().not());
        debugButton.disableProperty().bind(vm.hasModelProperty().not());
        saveModelItem.disableProperty().bind(vm.hasModelProperty().not());
        saveRunItem.disableProperty().bind(vm.hasModelProperty().not());
        saveCodeButton.disableProperty().bind(vm.canSaveCodeProperty().not());
        progressBar.progressProperty().bind(vm.progressProperty());
        statusLabel.textProperty().bind(vm.statusProperty());
        messageLabel.textProperty().bind(vm.messageProperty());
        messageLabel.pseudoClassStateChanged(ERROR, vm.messageIsErrorProperty().get());
        vm.messageIsErrorProperty().addListener((o, was, now) -> messageLabel.pseudoClassStateChanged(ERROR, now));
        verdictLabel.textProperty().bind(vm.verdictProperty());
        checkupLabel.textProperty().bind(vm.checkup().textProperty());
        checkupLessonLink.textProperty().bind(vm.checkup().lessonTitleProperty());
        collapseWhenEmpty(verdictLabel, messageLabel, checkupLabel, checkupLessonLink);  // no blank lines
        detailsArea.textProperty().bind(vm.detailsProperty());
        show(false, detailsArea);
        detailsLink.visibleProperty().bind(vm.detailsProperty().isNotEmpty());
        detailsLink.managedProperty().bind(detailsLink.visibleProperty());
        vm.detailsProperty().addListener((o, a, b) -> {
            show(false, detailsArea);
            detailsLink.setText(resources.getString("training.problems.show"));
        });
        charts = new TrainingCharts(resources, lossChart, accuracyChart, gradChart, freeRunPlot, weightsHistogram,
                gradientsHistogram, sampleArea);
        lossScaleBox.setItems(FXCollections.observableArrayList(PlotScale.values()));
        lossScaleBox.setConverter(Converters.display(p -> p == null ? ""
                : resources.getString("training.lossScale." + p.name().toLowerCase(java.util.Locale.ROOT))));
        lossScaleBox.valueProperty().addListener((o, a, b) -> charts.setLossScale(b));
        lossScaleBox.setValue(PlotScale.AUTOMATIC);
        vm.metricChartProperty().addListener((o, a, b) -> charts.offer(b));
        kerasArea.textProperty().bind(vm.kerasCodeProperty());
        torchArea.textProperty().bind(vm.torchCodeProperty());
        temperatureSlider.valueProperty().bindBidirectional(vm.temperatureProperty());

        vm.snapshotProperty().addListener((o, a, s) -> charts.offer(s));
        sampleBox.setVisible(false);
        sampleBox.setManaged(false);
        freeRunPlot.setVisible(false);
        freeRunPlot.setManaged(false);
        if (!fresh) {
            showTask(f.task.get());
            charts.offer(vm.snapshotProperty().get());
            charts.offer(vm.metricChartProperty().get());
        }
        timer.start();
        LeavingWindow.whenLeft(root, this::shutdown);
    }

    /**
     * Shows the task in the box and the panels that belong to it (sampled text, the free-running sine, a random
     * walk's forecasts).
     */
    private void showTask(Task b) {
        if (b != null && !taskBox.getItems().contains(b)) {
            taskBox.getItems().add(b);
        }
        taskBox.getSelectionModel().select(b);
        sampleBox.setVisible(b != null && b.name().equals("charlm"));
        sampleBox.setManaged(sampleBox.isVisible());
        boolean forecasts = b != null && b.name().equals("random-walk");
        charts.plotForecasts(forecasts);
        freeRunPlot.setVisible(b != null && b.name().equals("sine") || forecasts);
        freeRunPlot.setManaged(freeRunPlot.isVisible());
    }

    /**
     * Shows the data fields that apply and hides the others: columns, target and horizon for a CSV file (edited
     * after choosing one; Start reads it again; in the horizon's place, for a class target, that it does not apply),
     * the encoding for any file of the user's, the length where it can be chosen (a CSV file's window).
     */
    private void showFields(FieldsShown s) {
        show(s.csv(), columnsLabel, columnsField, targetLabel, targetField, classesBox, horizonLabel);
        show(s.csv() && s.horizon(), horizonSpinner);
        show(s.csv() && !s.horizon(), horizonNote);   // a class target: why there is no horizon, in its tooltip
        horizonLabel.setTooltip(s.horizon() ? null : horizonNote.getTooltip());
        show(s.encoding(), encodingLabel, encodingBox);
        show(s.steps(), stepsLabel, stepsSpinner);
        show(s.embedding(), embeddingLabel, embeddingSpinner);
        stepsLabel.setText(resources.getString(s.stepsKey()));
        if (s.steps()) {
            TrainingForm f = vm.form();
            SpinnerValueFactory.IntegerSpinnerValueFactory factory = new SpinnerValueFactory.IntegerSpinnerValueFactory(
                    s.stepsMin(), s.stepsMax(), Math.max(s.stepsMin(), Math.min(s.stepsMax(), f.steps.get())));
            SpinnerBinding.forgiving(stepsSpinner, factory);
            factory.valueProperty().addListener((o, a, b) -> {
                if (b != null) {
                    f.steps.set(b);
                }
            });
        }
    }

    /** The length field follows the form when the view model changes it (a task's default, a test, a tour). */
    private void followSteps(int value) {
        if (stepsSpinner.getValueFactory() instanceof SpinnerValueFactory.IntegerSpinnerValueFactory factory
                && value >= factory.getMin() && value <= factory.getMax() && factory.getValue() != value) {
            factory.setValue(value);
        }
    }

    private static void collapseWhenEmpty(javafx.scene.control.Labeled... labels) {
        for (javafx.scene.control.Labeled l : labels) {
            l.visibleProperty().bind(l.textProperty().isNotEmpty());
            l.managedProperty().bind(l.visibleProperty());
        }
    }

    private static void show(boolean visible, javafx.scene.Node... nodes) {
        for (javafx.scene.Node n : nodes) {
            n.setVisible(visible);
            n.setManaged(visible);
        }
    }

    public Parent root() {
        return root;
    }

    /**
     * Shows the tab from its top, the form's too: set up from a lesson or the Compare tab, the task and settings just
     * filled in are what the student reads first, and the lesson's text says where to go from there (press Start,
     * read the charts). Beside a lesson at 1024 × 768 the form, the run and the code stand one under the other, and
     * a tab left scrolled down would open on the middle of the run, with nothing to say what was set.
     */
    private void showSettings() {
        if (root instanceof javafx.scene.control.ScrollPane scroll) {
            scroll.setVvalue(scroll.getVmin());
        }
        for (Parent p = builder.getParent(); p != null && p != root; p = p.getParent()) {
            if (p instanceof javafx.scene.control.ScrollPane form) {   // the form's own scroll pane, as columns
                form.setVvalue(form.getVmin());
            }
        }
    }

    /**
     * Scrolls to the part of the tab the view model says to bring into view: the settings (from the top), the
     * charts or the code, each from its top (the code pane is the last part, at the very bottom beside a lesson), the
     * code boxes scrolled to the call that trains.
     */
    public void showPartInView() {
        switch (vm.partInViewProperty().get()) {
            case CHARTS -> scrollTo(lossChart.getParent());
            case CODE -> {
                scrollTo(codeTabs.getParent());
                scrollToLines(kerasArea, vm.kerasFocus());
                scrollToLines(torchArea, vm.torchFocus());
            }
            default -> showSettings();
        }
    }

    /**
     * Scrolls the code box {@code area} so that the lines {@code focus} names are in sight (the call that trains and
     * the comments above it): a code box shows a dozen lines at 1024 × 768, and the call is at the end of the code.
     */
    private static void scrollToLines(TextArea area, CodeFocus focus) {
        area.applyCss();
        area.layout();   // the code may just have been written: its height and the box's are up to date
        if (!(area.lookup(".scroll-pane") instanceof javafx.scene.control.ScrollPane box)) {
            return;   // not drawn yet
        }
        double viewport = box.getViewportBounds().getHeight();
        if (viewport <= 0) {
            return;
        }
        if (!(box.getContent() instanceof javafx.scene.layout.Region code) || focus.lines() == 0) {
            return;
        }
        double padding = code.snappedTopInset();
        double line = (code.getLayoutBounds().getHeight() - padding - code.snappedBottomInset()) / focus.lines();
        area.setScrollTop(focus.scrollTop(line, padding, viewport));
    }

    /** Scrolls the tab so that {@code part}'s top is at the top of the view, or as near as the tab scrolls. */
    private void scrollTo(javafx.scene.Node part) {
        if (root instanceof javafx.scene.control.ScrollPane scroll && scroll.getContent() != null) {
            javafx.scene.Node content = scroll.getContent();
            double y = content.sceneToLocal(part.localToScene(0, 0)).getY();
            double extra = content.getLayoutBounds().getHeight() - scroll.getViewportBounds().getHeight();
            double at = extra > 0 ? Math.max(0, Math.min(1, y / extra)) : 0;
            scroll.setVvalue(scroll.getVmin() + at * (scroll.getVmax() - scroll.getVmin()));
        }
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
    private void onCheckupLesson() {
        vm.checkup().openLesson();
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
    private void onTrainMore() {
        vm.trainMore();
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
        Optional.ofNullable(choose(true, "model.safetensors")).ifPresent(vm::saveModelChosen);
    }

    @FXML
    private void onSaveCheckpoint() {
        Optional.ofNullable(choose(true, "run.safetensors"))
                .ifPresent(p -> vm.saveCheckpoint(org.lstmlab.ui.common.FileNames.withExtension(p, "safetensors")));
    }

    @FXML
    private void onOpenModel() {
        Optional.ofNullable(choose(false, null)).ifPresent(vm::openModel);
    }

    @FXML
    private void onOpenCheckpoint() {
        Optional.ofNullable(choose(false, null)).ifPresent(vm::openCheckpoint);
    }

    /** The code with its data, into a folder (the button's, the File menu's): on a worker, the message says where. */
    @FXML
    public void onSaveCode() {
        Optional.ofNullable(new javafx.stage.DirectoryChooser().showDialog(root.getScene().getWindow()))
                .ifPresent(d -> vm.saveCodeAndData(d.toPath()));
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
