package org.lstmlab.ui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lstmlab.engine.tasks.Tasks;
import org.lstmlab.ui.UiWait;
import org.lstmlab.ui.common.I18n;
import org.lstmlab.ui.common.Resources;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Compare tab clicked through: a small comparison runs to the end and draws a line per cell. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class CompareUiTest {
    private CompareView view;

    @Start
    void start(Stage stage) throws IOException {
        FXMLLoader loader = new FXMLLoader(Resources.url("compare/CompareView.fxml"), I18n.bundle(Locale.ENGLISH));
        Parent root = loader.load();
        view = loader.getController();
        Scene scene = new Scene(root, 1100, 700);
        scene.getStylesheets().add(Resources.url("theme.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void tearDown() throws Exception {
        WaitForAsyncUtils.asyncFx(view::shutdown).get();
    }

    /** Before any model is trained the two guides already have names: no unnamed blob in the legend. */
    @Test
    void everyLegendEntryHasANameBeforeTheFirstRun(FxRobot robot) {
        List<String> legend = robot.lookup(".chart-legend-item").queryAllAs(Label.class).stream()
                .map(Label::getText).toList();
        assertEquals(List.of("SimpleRNN", "GRU", "LSTM", "solved threshold", "chance level"), legend);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aSmallComparisonRunsToTheEndAndDrawsThreeLines(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            view.viewModel().taskProperty().set(Tasks.byName("keras-example"));
            view.viewModel().samplesProperty().set(200);
            view.viewModel().epochsProperty().set(1);
        }).get();
        robot.clickOn("#lengthsField").push(javafx.scene.input.KeyCode.END).eraseText(40).write("3, 6");
        robot.clickOn("#compareStart");
        UiWait.until("the comparison to finish",
                () -> robot.lookup("#compareStatus").queryAs(Label.class).getText().startsWith("Done"));
        assertEquals("Done: 6 models trained", robot.lookup("#compareStatus").queryAs(Label.class).getText());
        LineChart<Number, Number> chart = robot.lookup(".chart").queryAs(LineChart.class);
        var points = view.viewModel().snapshotProperty().get().points();
        assertEquals(5, chart.getData().size(), "three cells, the solved threshold and the chance level");
        for (int c = 0; c < 3; c++) {
            var series = chart.getData().get(c);
            assertEquals(List.of("SimpleRNN", "GRU", "LSTM").get(c), series.getName());
            assertEquals(2, series.getData().size(), series.getName());
            for (int k = 0; k < 2; k++) {
                var p = points.get(3 * k + c);
                assertEquals(p.seqLen(), series.getData().get(k).getXValue().intValue());
                assertEquals(p.accuracy(), series.getData().get(k).getYValue().doubleValue(), series.getName());
            }
        }
        var solved = chart.getData().get(3);
        assertEquals("solved at \u2265 95\u00a0%", solved.getName());
        assertEquals(List.of(0.95, 0.95), solved.getData().stream().map(d -> d.getYValue().doubleValue()).toList());
        var chance = chart.getData().get(4);
        assertTrue(chance.getName().startsWith("chance, by length: "), chance.getName());
        assertEquals(points.get(0).best().score().baselineValue(), chance.getData().get(0).getYValue().doubleValue());
        Label cost = robot.lookup("#compareCost").queryAs(Label.class);
        assertTrue(cost.isVisible(), "what each cell cost, under the chart");
        for (int c = 0; c < 3; c++) {
            var p = points.get(c);
            String item = List.of("SimpleRNN", "GRU", "LSTM").get(c) + ": " + p.units() + " units, "
                    + String.format(java.util.Locale.ROOT, "%,d", p.parameters()) + " parameters";
            assertTrue(cost.getText().contains(item), item + " in " + cost.getText());
        }
    }

    /**
     * "Same number of parameters" chosen in its box reaches the comparison: the LSTM keeps the task's units, the
     * other cells get the units matched to its parameters, and the line under the chart says each one's.
     */
    @Test
    @SuppressWarnings("unchecked")
    void theSameNumberOfParametersChosenInTheBoxSizesTheCells(FxRobot robot) throws Exception {
        var box = robot.lookup("#compareSizing").queryAs(javafx.scene.control.ComboBox.class);
        assertEquals("Same number of units", box.getConverter().toString(box.getValue()));
        WaitForAsyncUtils.asyncFx(() -> {
            view.viewModel().taskProperty().set(Tasks.byName("keras-example"));
            view.viewModel().samplesProperty().set(200);
            view.viewModel().epochsProperty().set(1);
            view.viewModel().lengthsProperty().set("4");
        }).get();
        robot.clickOn("#compareSizing").clickOn("Same number of parameters");
        assertEquals(org.lstmlab.engine.session.Comparison.Sizing.PARAMETERS,
                view.viewModel().sizingProperty().get());
        robot.clickOn("#compareStart");
        UiWait.until("the comparison to finish",
                () -> robot.lookup("#compareStatus").queryAs(Label.class).getText().startsWith("Done"));
        var points = view.viewModel().snapshotProperty().get().points();
        assertEquals(3, points.size());
        var lstm = points.get(2);
        assertEquals(Tasks.byName("keras-example").defaultHidden(), lstm.units());
        String cost = robot.lookup("#compareCost").queryAs(Label.class).getText();
        for (var p : points) {
            long gap = Math.abs(p.parameters() - lstm.parameters());
            assertTrue(gap * 10 < lstm.parameters(), p + ": within a tenth of the LSTM's parameters");
            assertTrue(cost.contains(p.units() + " units, "), p.units() + " in " + cost);
        }
        assertTrue(points.get(0).units() > lstm.units(), "a simple RNN needs more units for as many parameters");
    }

    /** The samples box goes up to what the chosen task has, and a task with fewer lowers the number in it. */
    @Test
    @SuppressWarnings("unchecked")
    void theSamplesBoxStopsAtTheTasksTrainingSet(FxRobot robot) throws Exception {
        javafx.scene.control.Spinner<Integer> box = robot.lookup("#compareSamples").queryAs(
                javafx.scene.control.Spinner.class);
        var adding = (javafx.scene.control.SpinnerValueFactory.IntegerSpinnerValueFactory) box.getValueFactory();
        assertEquals(12_000, adding.getMax(), "adding has 12,000 training sequences");
        WaitForAsyncUtils.asyncFx(() -> adding.setValue(12_000)).get();
        assertEquals(12_000, view.viewModel().samplesProperty().get());
        WaitForAsyncUtils.asyncFx(() -> view.viewModel().taskProperty().set(Tasks.byName("counting"))).get();
        var counting = (javafx.scene.control.SpinnerValueFactory.IntegerSpinnerValueFactory) box.getValueFactory();
        assertEquals(3000, counting.getMax());
        assertEquals(3000, box.getValue());
        assertEquals(3000, view.viewModel().samplesProperty().get());
        WaitForAsyncUtils.asyncFx(() -> box.increment(5)).get();
        assertEquals(3000, view.viewModel().samplesProperty().get());
    }
}
