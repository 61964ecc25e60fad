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
    @FXML private TextField lengthsField;
    @FXML private Spinner<Integer> epochsSpinner;
    @FXML private Spinner<Integer> samplesSpinner;
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
                c.getAddedSubList().stream().filter(t -> CompareViewModel.accuracyTick(t.getValue().doubleValue())
                        .isEmpty()).forEach(t -> t.setTextVisible(false));
            }
        });
        taskBox.setConverter(Converters.display(t -> TaskTexts.title(resources, t)));
        taskBox.valueProperty().bindBidirectional(vm.taskProperty());
        lengthsField.textProperty().bindBidirectional(vm.lengthsProperty());
        SpinnerBinding.bind(epochsSpinner, 1, 100, vm.epochsProperty());
        // the box stops at what the task has; a task with fewer samples gives the box a smaller range
        Runnable[] unbindSamples = {SpinnerBinding.bind(samplesSpinner, 100, vm.maxSamplesProperty().get(), 1000,
                vm.samplesProperty())};
        vm.maxSamplesProperty().addListener((o, a, max) -> {
            unbindSamples[0].run();
            unbindSamples[0] = SpinnerBinding.bind(samplesSpinner, 100, max.intValue(), 1000, vm.samplesProperty());
        });
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
        double[] x = g.lengths();
        solvedLine.getData().clear();
        chanceLine.getData().clear();
        CompareViewModel.GuideNames names = CompareViewModel.guideNames(resources, g);
        solvedLine.setName(names.solved());   // named before the first model too: no blank entry in the legend
        chanceLine.setName(names.chance());
        if (x.length > 0 && Double.isFinite(g.threshold())) {
            solvedLine.getData().add(new XYChart.Data<>(x[0], g.threshold()));
            solvedLine.getData().add(new XYChart.Data<>(x[x.length - 1], g.threshold()));
            for (int i = 0; i < x.length; i++) {
                chanceLine.getData().add(new XYChart.Data<>(x[i], g.chance()[i]));
            }
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
