package org.lstmlab.ui.compare;

import java.util.Map;
import java.util.ResourceBundle;

import javafx.animation.AnimationTimer;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.chart.Axis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.session.Comparison;
import org.lstmlab.engine.tasks.CharLmTask;
import org.lstmlab.engine.tasks.Task;
import org.lstmlab.ui.common.Converters;
import org.lstmlab.ui.common.LeavingWindow;
import org.lstmlab.ui.common.Palette;
import org.lstmlab.ui.common.PngSaving;
import org.lstmlab.ui.common.SpinnerBinding;
import org.lstmlab.ui.common.TaskTexts;

/** The Compare tab: a form, Compare and Stop, and accuracy against sequence length, one line per cell. */
public final class CompareView {
    @FXML private Parent root;
    @FXML private ComboBox<Task> taskBox;
    @FXML private Button dataButton;
    @FXML private Label lengthsLabel;
    @FXML private TextField lengthsField;
    @FXML private javafx.scene.layout.FlowPane dataRow;
    @FXML private Label columnsLabel;
    @FXML private TextField columnsField;
    @FXML private Label targetLabel;
    @FXML private TextField targetField;
    @FXML private Label windowLabel;
    @FXML private javafx.scene.control.CheckBox classesBox;
    @FXML private Spinner<Integer> windowSpinner;
    @FXML private Label horizonLabel;
    @FXML private Spinner<Integer> horizonSpinner;
    @FXML private Label horizonNote;
    @FXML private ComboBox<String> encodingBox;
    @FXML private Label dataMessage;
    @FXML private Label dataDetails;
    @FXML private Label fileVerdict;
    @FXML private Spinner<Integer> epochsSpinner;
    @FXML private Spinner<Integer> samplesSpinner;
    @FXML private ComboBox<Comparison.Sizing> sizingBox;
    @FXML private Button startButton;
    @FXML private Button stopButton;
    @FXML private Label statusLabel;
    @FXML private LineChart<Number, Number> chart;
    @FXML private Label coincideNote;
    @FXML private Label costNote;
    @FXML private javafx.scene.layout.VBox checkupBox;
    @FXML private ComboBox<Comparison.Point> failedBox;
    @FXML private Label checkupText;
    @FXML private Button trainChosenButton;
    @FXML private javafx.scene.control.Hyperlink checkupLesson;
    @FXML private ResourceBundle resources;

    private CompareViewModel vm;
    /** The value axis is an accuracy's, from 0 to 1 (its headroom unlabelled); else a loss's, every tick labelled. */
    private boolean accuracyAxis = true;
    private final Map<CellType, XYChart.Series<Number, Number>> series = new java.util.LinkedHashMap<>();
    private final XYChart.Series<Number, Number> solvedLine = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> chanceLine = new XYChart.Series<>();
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            vm.pulse();
        }
    };

    /**
     * Keeps {@code existing} instead of making a new view model (the main window rebuilds its views when the
     * language changes). Call before the FXML loader initializes this view.
     */
    public void reuse(CompareViewModel existing) {
        vm = existing;
    }

    @FXML
    private void initialize() {
        Palette.install(root);
        if (vm == null) {
            vm = new CompareViewModel(resources);
        }
        taskBox.setItems(vm.tasks());
        PngSaving.install(chart, resources, "compare");
        // the axis runs to 1.05 so that points at accuracy 1 are drawn whole; it labels only 0 … 1. Its last tick
        // has no label at all: the axis hid the label of 1 when that tick came close (at 150 %)
        var y = (javafx.scene.chart.NumberAxis) chart.getYAxis();
        y.setTickLabelFormatter(Converters.display(n -> CompareViewModel.accuracyTick(n.doubleValue())));
        y.getTickMarks().addListener((ListChangeListener<Axis.TickMark<Number>>) c -> {
            while (c.next()) {
                c.getAddedSubList().stream().filter(t -> accuracyAxis   // an MSE's axis labels every tick
                        && CompareViewModel.accuracyTick(t.getValue().doubleValue())
                        .isEmpty()).forEach(t -> t.setTextVisible(false));
            }
        });
        // as the Train tab's box: the character model once for each bundled text, the text's source in the tooltip
        taskBox.setConverter(Converters.display(t -> TaskTexts.choice(resources, t)));
        taskBox.valueProperty().bindBidirectional(vm.taskProperty());
        taskBox.setTooltip(new javafx.scene.control.Tooltip());
        taskBox.getTooltip().textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() ->
                vm.taskProperty().get() == null ? "" : TaskTexts.about(resources, vm.taskProperty().get()),
                vm.taskProperty()));
        // a text is compared at one length, epoch by epoch: the field takes one
        lengthsLabel.textProperty().bind(javafx.beans.binding.Bindings.when(vm.oneLengthProperty())
                .then(resources.getString("training.steps")).otherwise(resources.getString("compare.lengths")));
        lengthsField.textProperty().bindBidirectional(vm.lengthsProperty());
        SpinnerBinding.bind(epochsSpinner, 1, 100, vm.epochsProperty());
        // the box stops at what the task has; a task with fewer samples gives the box a smaller range
        // a small file may have fewer than 100 training windows: the box then starts lower
        int max0 = vm.maxSamplesProperty().get();
        Runnable[] unbindSamples = {SpinnerBinding.bind(samplesSpinner, Math.min(100, max0), max0, 1000,
                vm.samplesProperty())};
        vm.maxSamplesProperty().addListener((o, a, max) -> {
            unbindSamples[0].run();
            unbindSamples[0] = SpinnerBinding.bind(samplesSpinner, Math.min(100, max.intValue()), max.intValue(), 1000,
                    vm.samplesProperty());
        });
        sizingBox.getItems().setAll(Comparison.Sizing.values());
        sizingBox.setConverter(Converters.display(z -> resources.getString("compare.same." + z.name())));
        sizingBox.valueProperty().bindBidirectional(vm.sizingProperty());
        sizingBox.disableProperty().bind(vm.runningProperty());
        bindData(vm.data());
        startButton.disableProperty().bind(vm.runningProperty());
        stopButton.disableProperty().bind(vm.runningProperty().not());
        statusLabel.textProperty().bind(vm.statusProperty());
        for (CellType c : Comparison.CELLS) {
            XYChart.Series<Number, Number> s = new XYChart.Series<>();
            s.setName(CompareViewModel.cellName(resources, c));
            series.put(c, s);
        }
        var all = FXCollections.observableArrayList(series.values());
        all.add(solvedLine);    // default-color3 in compare.css: dashed, no symbols
        all.add(chanceLine);    // default-color4
        chart.setData(all);
        bindCheckup(vm.checkup());
        vm.snapshotProperty().addListener((o, a, s) -> draw(s));
        draw(vm.snapshotProperty().get());
        timer.start();
        LeavingWindow.whenLeft(root, this::shutdown);
    }

    private static final javafx.css.PseudoClass ERROR = javafx.css.PseudoClass.getPseudoClass("error");

    /** The user's file: the Train tab's fields, shown once a file is chosen in place of the lengths. */
    private void bindData(CompareData d) {
        columnsField.textProperty().bindBidirectional(d.fields().columnsProperty());
        targetField.textProperty().bindBidirectional(d.fields().targetProperty());
        org.lstmlab.ui.common.Fonts.keepDrawable(columnsField, targetField);
        classesBox.selectedProperty().bindBidirectional(d.fields().classesProperty());
        // a text's length in characters has the character model's range, a CSV file's window in rows its own
        Runnable[] unbindWindow = {bindWindow(d)};
        d.textProperty().addListener((o, a, b) -> {
            unbindWindow[0].run();
            unbindWindow[0] = bindWindow(d);
        });
        windowLabel.textProperty().bind(javafx.beans.binding.Bindings.when(d.textProperty())
                .then(resources.getString("training.steps")).otherwise(resources.getString("training.window")));
        SpinnerBinding.bind(horizonSpinner, 1, org.lstmlab.engine.tasks.UserData.MAX_HORIZON,
                d.fields().horizonProperty());
        // a text has no columns, target or horizon: its length and encoding show, as in the Train tab
        var csv = d.textProperty().not();
        for (javafx.scene.Node n : java.util.List.of(columnsLabel, columnsField, targetLabel, targetField, classesBox,
                horizonLabel)) {
            n.visibleProperty().bind(csv);
            n.managedProperty().bind(csv);
        }
        // a class target: the row says the horizon does not apply, and why in its tooltip, as the Train tab's
        horizonSpinner.visibleProperty().bind(vm.horizonAppliesProperty().and(csv));
        horizonNote.visibleProperty().bind(vm.horizonAppliesProperty().not().and(csv));
        horizonSpinner.managedProperty().bind(horizonSpinner.visibleProperty());
        horizonNote.managedProperty().bind(horizonNote.visibleProperty());
        horizonLabel.tooltipProperty().bind(javafx.beans.binding.Bindings.when(vm.horizonAppliesProperty())
                .then((javafx.scene.control.Tooltip) null).otherwise(horizonNote.getTooltip()));
        org.lstmlab.ui.common.EncodingBox.bind(encodingBox, resources, d.fields().encodingProperty());
        dataRow.visibleProperty().bind(d.fileProperty().isNotNull());
        lengthsLabel.visibleProperty().bind(d.fileProperty().isNull());
        lengthsField.visibleProperty().bind(d.fileProperty().isNull());
        dataButton.disableProperty().bind(vm.runningProperty());
        dataMessage.textProperty().bind(d.messageProperty());
        dataMessage.visibleProperty().bind(d.messageProperty().isNotEmpty());
        dataMessage.pseudoClassStateChanged(ERROR, d.errorProperty().get());
        d.errorProperty().addListener((o, was, now) -> dataMessage.pseudoClassStateChanged(ERROR, now));
        dataDetails.textProperty().bind(d.detailsProperty());
        dataDetails.visibleProperty().bind(d.detailsProperty().isNotEmpty());
    }

    private Runnable bindWindow(CompareData d) {
        return d.textProperty().get()
                ? SpinnerBinding.bind(windowSpinner, CharLmTask.MIN_STEPS, CharLmTask.MAX_STEPS, d.windowProperty())
                : SpinnerBinding.bind(windowSpinner, 1, org.lstmlab.engine.tasks.UserData.MAX_WINDOW,
                        d.windowProperty());
    }

    private void bindCheckup(CompareCheckup c) {
        failedBox.setItems(c.failed());
        failedBox.setConverter(Converters.display(c::name));
        failedBox.valueProperty().bindBidirectional(c.chosenProperty());
        checkupBox.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(c.failed()));
        checkupText.textProperty().bind(c.textProperty());
        checkupLesson.textProperty().bind(c.panel().lessonTitleProperty());
        checkupLesson.visibleProperty().bind(c.panel().lessonTitleProperty().isNotEmpty());
        trainChosenButton.visibleProperty().bind(vm.canTrainChosenProperty());
        trainChosenButton.managedProperty().bind(trainChosenButton.visibleProperty());
    }

    private void draw(SweepSnapshot s) {
        var y = (javafx.scene.chart.NumberAxis) chart.getYAxis();
        var x = (javafx.scene.chart.NumberAxis) chart.getXAxis();
        if (vm.comparesEpochs()) {
            drawFile(FileChart.of(resources, s, vm.sweep().settings().task().metric()), x, y);
            return;
        }
        setFileMode(null, x, y);
        x.setAutoRanging(true);
        x.setTickLabelFormatter(new javafx.scene.chart.NumberAxis.DefaultFormatter(x));
        fileVerdict.setVisible(false);
        for (CellType c : Comparison.CELLS) {
            series.get(c).getData().setAll(s.points().stream().filter(p -> p.cell() == c)
                    .map(p -> new XYChart.Data<Number, Number>(p.seqLen(), p.accuracy())).toList());
        }
        String note = Coinciding.note(resources, Coinciding.marks(s.points()));
        coincideNote.setText(note);
        coincideNote.setVisible(!note.isEmpty());
        String cost = CompareCost.text(resources, s.points());
        costNote.setText(cost);
        costNote.setVisible(!cost.isEmpty());
        CompareViewModel.Guides g = CompareViewModel.guides(s);
        double[] lengths = g.lengths();
        solvedLine.getData().clear();
        chanceLine.getData().clear();
        CompareViewModel.GuideNames names = CompareViewModel.guideNames(resources, g);
        solvedLine.setName(names.solved());   // named before the first model too: no blank entry in the legend
        chanceLine.setName(names.chance());
        if (lengths.length > 0 && Double.isFinite(g.threshold())) {
            solvedLine.getData().add(new XYChart.Data<>(lengths[0], g.threshold()));
            solvedLine.getData().add(new XYChart.Data<>(lengths[lengths.length - 1], g.threshold()));
            for (int i = 0; i < lengths.length; i++) {
                chanceLine.getData().add(new XYChart.Data<>(lengths[i], g.chance()[i]));
            }
        }
    }

    /**
     * The user's file: each model's validation metric per epoch and the naive baseline as the dashed line (the
     * chance line's place; the solved line is drawn for a text only: a file of numbers is solved by beating that
     * baseline), the verdict below.
     */
    private void drawFile(FileChart f, javafx.scene.chart.NumberAxis x, javafx.scene.chart.NumberAxis y) {
        setFileMode(f, x, y);
        // whole epochs, the first and last a step in from the edges so that their markers are drawn whole
        int last = Math.max(2, f.lastEpoch());
        x.setAutoRanging(false);
        x.setLowerBound(0);
        x.setUpperBound(last + 1);
        x.setTickUnit(1);
        x.setTickLabelFormatter(Converters.display(n -> n.intValue() < 1 || n.intValue() > last ? ""
                : Integer.toString(n.intValue())));
        for (CellType c : Comparison.CELLS) {
            double[][] xy = f.lines().getOrDefault(c, new double[0][]);
            series.get(c).getData().setAll(java.util.Arrays.stream(xy)
                    .map(p -> new XYChart.Data<Number, Number>(p[0], p[1])).toList());
        }
        chanceLine.setName(f.baselineName());
        chanceLine.getData().clear();
        if (Double.isFinite(f.baseline()) && f.lastEpoch() > 0) {
            chanceLine.getData().add(new XYChart.Data<>(1, f.baseline()));
            chanceLine.getData().add(new XYChart.Data<>(f.lastEpoch(), f.baseline()));
        }
        solvedLine.setName(f.thresholdName());
        solvedLine.getData().clear();
        if (Double.isFinite(f.threshold()) && f.lastEpoch() > 0) {   // a text's: below it, solved
            solvedLine.getData().add(new XYChart.Data<>(1, f.threshold()));
            solvedLine.getData().add(new XYChart.Data<>(f.lastEpoch(), f.threshold()));
        }
        if (!f.accuracy()) {   // a loss: from 0 to a round number above the highest point, whose marker shows whole
            double[] axis = FileChart.valueAxis(f.top());
            y.setAutoRanging(false);
            y.setLowerBound(0);
            y.setUpperBound(axis[0]);
            y.setTickUnit(axis[1]);
        }
        fileVerdict.setText(f.verdict());
        fileVerdict.setVisible(!f.verdict().isEmpty());
        coincideNote.setVisible(false);
        String cost = CompareCost.text(resources, vm.snapshotProperty().get().points());
        costNote.setText(cost);
        costNote.setVisible(!cost.isEmpty());
    }

    /**
     * Epochs across and the file's metric up for a file {@code f}; else (null) lengths across and accuracy from 0
     * to 1.
     */
    private void setFileMode(FileChart f, javafx.scene.chart.NumberAxis x, javafx.scene.chart.NumberAxis y) {
        boolean file = f != null;
        boolean accuracy = !file || f.accuracy();
        boolean text = file && f.metric() == org.lstmlab.engine.tasks.TaskScore.Metric.CROSS_ENTROPY;
        chart.setTitle(resources.getString(!file ? "compare.chart" : accuracy ? "compare.chart.fileAccuracy"
                : text ? "compare.chart.fileCrossEntropy" : "compare.chart.fileMse"));
        x.setLabel(resources.getString(file ? "compare.chart.epoch" : "compare.chart.x"));
        y.setLabel(resources.getString(accuracy ? "compare.chart.y" : text ? "compare.chart.nats"
                : "compare.chart.mse"));
        accuracyAxis = accuracy;
        y.setAutoRanging(!accuracy);
        y.setForceZeroInRange(true);
        if (accuracy) {
            y.setLowerBound(0);
            y.setUpperBound(1.05);
            y.setTickUnit(0.1);
        }
        y.setTickLabelFormatter(accuracy ? Converters.display(n -> CompareViewModel.accuracyTick(n.doubleValue()))
                : new javafx.scene.chart.NumberAxis.DefaultFormatter(y));
        boolean guides = chart.getData().contains(solvedLine);
        if (file && !text && guides) {
            chart.getData().remove(solvedLine);
        } else if ((!file || text) && !guides) {
            chart.getData().add(series.size(), solvedLine);
        }
    }

    public Parent root() {
        return root;
    }

    public CompareViewModel viewModel() {
        return vm;
    }

    /** Stops the frame timer; the view model carries on (the main window is rebuilding its views). */
    public void detach() {
        timer.stop();
    }

    public void shutdown() {
        timer.stop();
        vm.shutdown();
    }

    @FXML
    private void onStart() {
        vm.start();
    }

    @FXML
    private void onOpenData() {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.getExtensionFilters().addAll(
                new javafx.stage.FileChooser.ExtensionFilter(resources.getString("training.files.data"), "*.csv",
                        "*.txt"),
                new javafx.stage.FileChooser.ExtensionFilter(resources.getString("training.files.all"), "*"));
        java.io.File file = chooser.showOpenDialog(root.getScene().getWindow());
        if (file != null) {
            vm.chooseDataFile(file.toPath());
        }
    }

    @FXML
    private void onStop() {
        vm.stop();
    }

    @FXML
    private void onTrainChosen() {
        vm.trainChosen();
    }

    @FXML
    private void onCheckupLesson() {
        vm.checkup().panel().openLesson();
    }
}
