package org.lstmlab.ui.compare;

import java.util.EnumMap;
import java.util.Map;
import java.util.ResourceBundle;

import javafx.animation.AnimationTimer;
import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.scene.Parent;
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
import org.lstmlab.ui.common.Palette;
import org.lstmlab.ui.common.SpinnerBinding;

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
    @FXML private ResourceBundle resources;

    private CompareViewModel vm;
    private final Map<CellType, XYChart.Series<Number, Number>> series = new EnumMap<>(CellType.class);
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            vm.pulse();
        }
    };

    @FXML
    private void initialize() {
        Palette.install(root);
        vm = new CompareViewModel(resources);
        taskBox.setItems(vm.tasks());
        taskBox.setConverter(Converters.display(Task::name));
        taskBox.valueProperty().bindBidirectional(vm.taskProperty());
        lengthsField.textProperty().bindBidirectional(vm.lengthsProperty());
        SpinnerBinding.bind(epochsSpinner, 1, 100, vm.epochsProperty());
        SpinnerBinding.bind(samplesSpinner, 100, 100_000, 1000, vm.samplesProperty());
        startButton.disableProperty().bind(vm.runningProperty());
        stopButton.disableProperty().bind(vm.runningProperty().not());
        statusLabel.textProperty().bind(vm.statusProperty());
        for (CellType c : Comparison.CELLS) {
            XYChart.Series<Number, Number> s = new XYChart.Series<>();
            s.setName(c.id());
            series.put(c, s);
        }
        chart.setData(FXCollections.observableArrayList(series.values()));
        vm.snapshotProperty().addListener((o, a, s) -> draw(s));
        timer.start();
    }

    private void draw(SweepSnapshot s) {
        for (CellType c : Comparison.CELLS) {
            series.get(c).getData().setAll(s.points().stream().filter(p -> p.cell() == c)
                    .map(p -> new XYChart.Data<Number, Number>(p.seqLen(), p.accuracy())).toList());
        }
    }

    public Parent root() {
        return root;
    }

    public CompareViewModel viewModel() {
        return vm;
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
}
