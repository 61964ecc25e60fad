package org.lstmlab.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;

import javafx.scene.chart.LineChart;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Compare tab in a Chinese window of 1024 × 768 at View ▸ Zoom In 150 %: the note under the chart that says
 * which lines lie on each other is read whole (it wraps), not cut after its first line with "…".
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class CompareAtZoomUiTest {
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = TestWindows.show(stage, Locale.SIMPLIFIED_CHINESE, 1024, 768);
    }

    @AfterEach
    void stop() throws Exception {
        TestWindows.close(window);
    }

    @Test
    void theNoteOnCoincidingLinesIsShownWhole(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            window.setZoom(150);
            window.selectTab("compare");
        }).get();
        Label note = robot.lookup("#compareCoincide").queryAs(Label.class);
        // as the tab writes it when three lines meet at two lengths (Coinciding.note)
        WaitForAsyncUtils.asyncFx(() -> {
            note.setText("SimpleRNN 与 GRU 在 T = 20 时准确率相同：两条线在此重叠（GRU 的线较细，画在 SimpleRNN 之上；"
                    + "LSTM 的线最细，画在最上面）。GRU 与 LSTM 在 T = 40 时准确率相同：两条线在此重叠。");
            note.setVisible(true);
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        double[] size = UiWait.onFx(() -> new double[] {note.getHeight(), note.prefHeight(note.getWidth()),
                robot.lookup(".chart").queryAs(LineChart.class).getHeight()});
        assertTrue(size[0] >= size[1] - 0.5, "the note is " + size[0] + " px high, its text needs " + size[1]);
        assertTrue(size[2] > 150, "the chart keeps room to be read: " + size[2] + " px");
    }
}
