package org.lstmlab.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TabPane;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.trace.Direction;
import org.lstmlab.ui.common.Palette;
import org.lstmlab.ui.debugger.DebuggerViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The squashed-cell lesson's third step, answered, beside the debugger at 1024 × 768, in Chinese (the longer cell
 * names' lines are the wider ones): the real LSTM and the squashed cell beside it are drawn whole in the diagram
 * pane with numbers at least 10 px high, the gradient plot draws both cells' ‖δc_t‖ and its legend stays inside the
 * pane. Before, both diagrams
 * were cut off on the right, the legend ran off the pane, and the plot had no line at all: at T = 50 the real
 * cell's c reached 34, tanh(34) is 1 in double precision, so its δc was 0 at every step, its δh was non-zero at the
 * last step alone (a point, drawn as nothing), and the plot showed no δc of a cell beside.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class LessonBesideUiTest {
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = TestWindows.show(stage, Locale.SIMPLIFIED_CHINESE, 1024, 768);
    }

    @AfterEach
    void stop() throws Exception {
        TestWindows.close(window);
    }

    private static Bounds inScene(Node n) {
        return n.localToScene(n.getLayoutBounds());
    }

    /** How many pixels of {@code image} in the rectangle are within {@code d} of {@code colour} (RGB distance). */
    private static int pixels(WritableImage image, int x0, int y0, int x1, int y1, Color colour, double d) {
        PixelReader px = image.getPixelReader();
        int n = 0;
        for (int x = Math.max(0, x0); x < Math.min(x1, (int) image.getWidth()); x++) {
            for (int y = Math.max(0, y0); y < Math.min(y1, (int) image.getHeight()); y++) {
                Color c = px.getColor(x, y);
                double dr = c.getRed() - colour.getRed();
                double dg = c.getGreen() - colour.getGreen();
                double db = c.getBlue() - colour.getBlue();
                if (Math.sqrt(dr * dr + dg * dg + db * db) < d) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void theThirdStepAnsweredShowsBothCellsWholeAndBothCellPathsInThePlot(FxRobot robot) {
        var learn = window.learnView().viewModel();
        LessonAt.open(robot, window, "squashed-cell", 2);
        robot.clickOn("#showMe");
        UiWait.until("the step's work done", () -> !learn.busyProperty().get());   // then answer, as a student
        robot.interact(() -> learn.choose(2));
        DebuggerViewModel debugger = window.debugger().viewModel();
        UiWait.until("the real LSTM backward, the squashed cell beside it", () -> debugger.trace() != null
                && debugger.cursor() != null && debugger.cursor().direction() == Direction.BACKWARD
                && !debugger.busyProperty().get() && debugger.companions().size() == 1
                && debugger.companions().get(0).cell() == CellType.LSTM_SQUASHED_CELL
                && debugger.companions().get(0).resultProperty().get() != null);

        ScrollPane diagrams = robot.lookup("#diagramScroll").queryAs(ScrollPane.class);
        UiWait.until("both diagrams and their titles inside the pane's width", () -> UiWait.onFx(() -> {
            double edge = inScene(diagrams.lookup(".viewport")).getMaxX();
            var drawn = robot.lookup("#diagramScroll .cell-diagram").queryAll();
            var titles = robot.lookup("#diagramScroll .companion-title").queryAll();
            return drawn.size() == 2 && titles.size() == 2
                    && drawn.stream().allMatch(n -> inScene(n).getMaxX() <= edge + 0.5)
                    && titles.stream().allMatch(n -> inScene(n).getMaxX() <= edge + 0.5);
        }), () -> UiWait.onFx(() -> "diagrams end at " + robot.lookup("#diagramScroll .cell-diagram").queryAll()
                .stream().map(n -> inScene(n).getMaxX()).toList() + ", the pane at "
                + inScene(diagrams.lookup(".viewport")).getMaxX()));

        // the diagrams shrink to the pane, but their numbers stay at least 10 px high on the screen (they were 6.6)
        UiWait.until("every number of both diagrams at least 10 px high", () -> UiWait.onFx(() -> {
            var numbers = robot.lookup("#diagramScroll .node-value").queryAll().stream()
                    .filter(n -> !((javafx.scene.text.Text) n).getText().isEmpty()).toList();
            return numbers.size() >= 8 && numbers.stream().allMatch(n -> Measure.screenFontSize(n) >= 10 - 0.01);
        }), () -> UiWait.onFx(() -> "the numbers' sizes on the screen: " + robot.lookup("#diagramScroll .node-value")
                .queryAll().stream().filter(n -> !((javafx.scene.text.Text) n).getText().isEmpty())
                .map(n -> Math.round(Measure.screenFontSize(n) * 10) / 10.0).toList()));

        // and their titles at least 12 px (the squashed cell's long name was 9 px), still inside the pane
        UiWait.until("both titles at least 12 px high and inside the pane", () -> UiWait.onFx(() -> {
            double edge = inScene(diagrams.lookup(".viewport")).getMaxX();
            var titles = robot.lookup("#diagramScroll .companion-title").queryAll();
            return titles.size() == 2 && titles.stream().allMatch(n -> Measure.screenFontSize(n) >= 12 - 0.01
                    && inScene(n.lookup(".text")).getMaxX() <= edge + 0.5);
        }), () -> UiWait.onFx(() -> "the titles' sizes on the screen: " + robot.lookup("#diagramScroll "
                + ".companion-title").queryAll().stream().map(n -> Math.round(Measure.screenFontSize(n) * 10) / 10.0)
                .toList()));

        TabPane views = robot.lookup("#viewTabs").queryAs(TabPane.class);
        UiWait.until("the Gradients tab in front", () -> views.getSelectionModel().getSelectedIndex() == 2);
        Canvas canvas = (Canvas) robot.lookup("#gradient-plot").queryAs(javafx.scene.layout.Pane.class)
                .getChildren().get(0);
        Color realCell = Palette.of(Palette.Role.CELL);
        Color besideCell = Palette.ofCell(CellType.LSTM_SQUASHED_CELL).interpolate(Color.WHITE, 0.4);
        UiWait.until("both cell paths drawn, the legend inside the plot", () -> UiWait.onFx(() -> {
            WritableImage image = canvas.snapshot(null, null);
            int w = (int) image.getWidth();
            int h = (int) image.getHeight();
            // the plot's frame runs from x = 56 to w - 10; the legend's two samples are 18 px lines 2 px thick
            boolean lines = pixels(image, 57, 0, w - 11, h, realCell, 0.12) > 150
                    && pixels(image, 57, 0, w - 11, h, besideCell, 0.12) > 150;
            boolean noTextRightOfThePlot = pixels(image, w - 8, 0, w, h / 2, Color.gray(0.15), 0.35) == 0;
            return lines && noTextRightOfThePlot;
        }), () -> UiWait.onFx(() -> {
            WritableImage image = canvas.snapshot(null, null);
            int w = (int) image.getWidth();
            int h = (int) image.getHeight();
            return "the real cell's colour in " + pixels(image, 57, 0, w - 11, h, realCell, 0.12)
                    + " pixels, the squashed cell's in " + pixels(image, 57, 0, w - 11, h, besideCell, 0.12)
                    + ", text in " + pixels(image, w - 8, 0, w, h / 2, Color.gray(0.15), 0.35) + " right of the plot";
        }));
        assertTrue(UiWait.onFx(() -> canvas.getWidth()) < 260, "the plot is as narrow as beside a lesson");
    }
}
