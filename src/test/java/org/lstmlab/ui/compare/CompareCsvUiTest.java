package org.lstmlab.ui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import javafx.fxml.FXMLLoader;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lstmlab.ui.UiWait;
import org.lstmlab.ui.common.I18n;
import org.lstmlab.ui.common.Resources;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Compare tab on the sample CSV file (docs/data/activity.csv): the file chosen, its fields show in place of the
 * lengths, every cell trains to the end on the same windows, and the chart shows each one's validation MSE per
 * epoch beside the naive forecast's, with the verdict under it; a class target has no horizon.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class CompareCsvUiTest {
    private CompareView view;

    @Start
    void start(Stage stage) throws IOException {
        FXMLLoader loader = new FXMLLoader(Resources.url("compare/CompareView.fxml"), I18n.bundle(Locale.ENGLISH));
        Parent root = loader.load();
        view = loader.getController();
        Scene scene = new Scene(root, 1024, 768);
        scene.getStylesheets().add(Resources.url("theme.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void tearDown() throws Exception {
        WaitForAsyncUtils.asyncFx(view::shutdown).get();
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyCellTrainsOnTheFileAndTheChartShowsTheNaiveForecast(FxRobot robot) throws Exception {
        assertTrue(!robot.lookup("#compareDataRow").query().isVisible(), "no file yet: the lengths show");
        // what the file chooser of "Use my file…" hands over
        WaitForAsyncUtils.asyncFx(() -> view.viewModel().chooseDataFile(Path.of("docs/data/activity.csv"))).get();
        UiWait.until("the file to be read", () -> robot.lookup("#compareDataRow").query().isVisible());
        assertTrue(!robot.lookup("#lengthsField").query().isVisible(), "the window stands for the lengths");
        String news = robot.lookup("#compareDataMessage").queryAs(Label.class).getText();
        assertTrue(news.startsWith("activity.csv (read as UTF-8, detected; choose another Encoding")
                && news.contains("Forecast acc_z of activity.csv from windows of acc_x, acc_y, acc_z. Note: the "
                + "last column, activity, holds text and is not read; if it names classes, type activity as the"),
                news);
        WaitForAsyncUtils.asyncFx(() -> {
            view.viewModel().epochsProperty().set(2);
            view.viewModel().samplesProperty().set(100);
        }).get();
        robot.clickOn("#compareStart");
        UiWait.until("the comparison to finish",
                () -> robot.lookup("#compareStatus").queryAs(Label.class).getText().startsWith("Done"));
        assertEquals("Done: 3 models trained", robot.lookup("#compareStatus").queryAs(Label.class).getText());
        LineChart<Number, Number> chart = robot.lookup(".chart").queryAs(LineChart.class);
        assertEquals("Validation MSE after each epoch, every model on the same windows of the file", chart.getTitle());
        assertEquals(4, chart.getData().size(), "three cells and the naive forecast");
        for (int c = 0; c < 3; c++) {
            var series = chart.getData().get(c);
            assertEquals(List.of("SimpleRNN", "GRU", "LSTM").get(c), series.getName());
            assertEquals(2, series.getData().size(), "one point per epoch: " + series.getName());
        }
        var naive = chart.getData().get(3);
        assertTrue(naive.getName().startsWith("repeating the last value: "), naive.getName());
        double baseline = view.viewModel().snapshotProperty().get().points().get(0).best().score().baselineValue();
        assertEquals(List.of(baseline, baseline), naive.getData().stream().map(d -> d.getYValue().doubleValue())
                .toList());
        Label verdict = robot.lookup("#compareVerdict").queryAs(Label.class);
        assertTrue(verdict.isVisible());
        assertTrue(verdict.getText().contains("repeating the last value gets "), verdict.getText());
    }

    private static boolean shown(Node n) {
        return n.isVisible() && n.isManaged();
    }

    /**
     * The horizon, as the Train tab's: a spinner while the target is a value to forecast; for a target of classes
     * (its text column read, or "Its numbers are classes" ticked) the row says "none for classes", and the tooltip
     * on the words and on the Horizon label says why.
     */
    @Test
    void aClassTargetSaysItHasNoHorizonAndWhy(FxRobot robot) throws Exception {
        CompareViewModel vm = view.viewModel();
        WaitForAsyncUtils.asyncFx(() -> vm.chooseDataFile(Path.of("docs/data/activity.csv"))).get();
        UiWait.until("the file to be read", () -> robot.lookup("#compareDataRow").query().isVisible());
        Node spinner = robot.lookup("#compareHorizon").query();
        Label note = robot.lookup("#compareHorizonNote").queryAs(Label.class);
        Label horizon = robot.lookup("#compareHorizonLabel").queryAs(Label.class);
        assertTrue(UiWait.onFx(() -> shown(spinner) && !shown(note)), "acc_z is forecast: a horizon");
        assertNull(UiWait.onFx(horizon::getTooltip), "a forecast's horizon needs no excuse");

        CheckBox classes = robot.lookup("#compareClasses").queryAs(CheckBox.class);
        robot.interact(classes::fire);   // "Its numbers are classes" ticked
        UiWait.until("the horizon put away", () -> !shown(spinner) && shown(note));
        assertEquals("none for classes", note.getText());
        assertTrue(note.getTooltip().getText().startsWith("A class target has no horizon"),
                note.getTooltip().getText());
        assertTrue(UiWait.onFx(() -> shown(horizon)), "the row keeps its label");
        assertSame(note.getTooltip(), UiWait.onFx(horizon::getTooltip), "the label says why too");
        robot.interact(classes::fire);
        UiWait.until("the horizon back", () -> shown(spinner) && !shown(note) && horizon.getTooltip() == null);

        // a text target is read as classes, ticked or not: once read, its horizon does not apply either
        WaitForAsyncUtils.asyncFx(() -> {
            vm.data().fields().targetProperty().set("activity");
            vm.chooseDataFile(Path.of("docs/data/activity.csv"));
        }).get();
        UiWait.until("the classes read", () -> !shown(spinner) && shown(note));
        assertTrue(!classes.isSelected(), "not ticked: the text made it classes");
        assertSame(note.getTooltip(), UiWait.onFx(horizon::getTooltip));
    }
}
