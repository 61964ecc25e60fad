package org.lstmlab.ui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import javafx.scene.chart.NumberAxis;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
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
 * The Compare tab on the sample text (docs/data/jabberwocky.txt): the text chosen, its length in characters and its
 * encoding show (no columns, target or horizon), every cell trains to the end on the same windows, and the chart
 * shows each one's validation cross-entropy per epoch beside the character frequencies' and the solved threshold,
 * with the verdict under it.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class CompareTextUiTest {
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

    private static boolean shown(Node n) {
        return n.isVisible() && n.isManaged();
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyCellTrainsOnTheTextAndTheChartShowsTheCharacterFrequencies(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> view.viewModel().chooseDataFile(Path.of("docs/data/jabberwocky.txt"))).get();
        UiWait.until("the text to be read", () -> robot.lookup("#compareDataRow").query().isVisible());
        String news = robot.lookup("#compareDataMessage").queryAs(Label.class).getText();
        assertTrue(news.startsWith("jabberwocky.txt (read as UTF-8, detected")
                && news.endsWith("Predict the next character of a text (jabberwocky.txt), then sample new text "
                + "from the model"), news);
        assertTrue(UiWait.onFx(() -> !shown(robot.lookup("#lengthsField").query())), "one length: the field's");
        for (String csvOnly : List.of("#compareColumns", "#compareTarget", "#compareClasses", "#compareHorizonLabel",
                "#compareHorizon", "#compareHorizonNote")) {
            assertTrue(UiWait.onFx(() -> !shown(robot.lookup(csvOnly).query())), csvOnly + ": a text has none");
        }
        assertTrue(UiWait.onFx(() -> shown(robot.lookup("#compareEncoding").query())), "a text has an encoding");
        assertEquals("Sequence length", robot.lookup("#compareWindowLabel").queryAs(Label.class).getText());
        Spinner<Integer> length = robot.lookup("#compareWindow").queryAs(Spinner.class);
        assertEquals(32, length.getValue(), "the character model's default length");
        WaitForAsyncUtils.asyncFx(() -> length.getValueFactory().setValue(500)).get();
        assertEquals(200, UiWait.onFx(length::getValue), "the character model's longest length");
        WaitForAsyncUtils.asyncFx(() -> {
            length.getValueFactory().setValue(16);
            view.viewModel().epochsProperty().set(2);
            view.viewModel().samplesProperty().set(100);
        }).get();
        robot.clickOn("#compareStart");
        UiWait.until("the comparison to finish",
                () -> robot.lookup("#compareStatus").queryAs(Label.class).getText().startsWith("Done"));
        assertEquals("Done: 3 models trained", robot.lookup("#compareStatus").queryAs(Label.class).getText());
        assertEquals(List.of(16), view.viewModel().settings().lengths(), "compared at the length chosen");
        LineChart<Number, Number> chart = robot.lookup(".chart").queryAs(LineChart.class);
        assertEquals("Validation cross-entropy after each epoch, every model on the same windows of the text",
                chart.getTitle());
        assertEquals("nats per character", chart.getYAxis().getLabel(), "the title says it is the cross-entropy");
        assertEquals("epoch", chart.getXAxis().getLabel());
        NumberAxis y = (NumberAxis) chart.getYAxis();
        double highest = view.viewModel().snapshotProperty().get().points().stream()
                .flatMap(p -> p.epochs().stream()).mapToDouble(r -> r.score().value()).max().orElseThrow();
        assertTrue(y.getLowerBound() == 0 && y.getUpperBound() >= 1.05 * highest, "a loss, not an accuracy from 0 "
                + "to 1, its highest point drawn whole: " + highest + " under " + y.getUpperBound());
        assertEquals(5, chart.getData().size(), "three cells, the solved threshold and the character frequencies");
        for (int c = 0; c < 3; c++) {
            var series = chart.getData().get(c);
            assertEquals(List.of("SimpleRNN", "GRU", "LSTM").get(c), series.getName());
            assertEquals(2, series.getData().size(), "one point per epoch: " + series.getName());
        }
        var best = view.viewModel().snapshotProperty().get().points().get(0).best().score();
        var solved = chart.getData().get(3);
        assertTrue(solved.getName().startsWith("solved below "), solved.getName());
        assertEquals(List.of(best.threshold(), best.threshold()), solved.getData().stream()
                .map(d -> d.getYValue().doubleValue()).toList());
        var frequencies = chart.getData().get(4);
        assertTrue(frequencies.getName().startsWith("character frequencies alone: "), frequencies.getName());
        assertEquals(List.of(best.baselineValue(), best.baselineValue()), frequencies.getData().stream()
                .map(d -> d.getYValue().doubleValue()).toList());
        Label verdict = robot.lookup("#compareVerdict").queryAs(Label.class);
        assertTrue(verdict.isVisible());
        assertTrue(verdict.getText().startsWith("Best validation cross-entropy (nats per character): SimpleRNN ")
                && verdict.getText().contains("character frequencies alone get "), verdict.getText());
    }
}
