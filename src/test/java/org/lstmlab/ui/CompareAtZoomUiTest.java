package org.lstmlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Compare tab in a Chinese window of 1024 × 768 at View ▸ Zoom In 150 %: the note under the chart that says
 * which lines lie on each other is read whole (it wraps), not cut after its first line with "…"; the axis titles
 * are whole in both languages (the y axis said "验证集准确率（最佳迭代…" and "validation acc…"); at 200 % the
 * chart keeps the room to be read, legend included, and the tab scrolls (the chart was squeezed to 140 px, its
 * legend gone, its y title "验证集…"; the line under the form wraps). At 150 % the y axis labels 1, its top
 * (before, its last tick, 1.05 and unlabelled, made the axis hide the label of 1).
 */
class CompareAtZoomUiTest extends MainWindowUiBase {
    @Override
    protected Locale language() {
        return Locale.SIMPLIFIED_CHINESE;
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

    private static void axisTitlesAreWhole(LineChart<?, ?> chart, String where) {
        for (var axis : java.util.List.of(chart.getXAxis(), chart.getYAxis())) {
            Label title = UiWait.onFx(() -> (Label) axis.lookup(".axis-label"));
            assertEquals(UiWait.onFx(title::getText), UiWait.onFx(() -> Drawn.text(title)), where);
        }
    }

    @Test
    void theAxisTitlesAreWholeAndTheChartKeepsItsRoomWhenZoomed(FxRobot robot) throws Exception {
        for (Locale language : new Locale[] {Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH}) {
            WaitForAsyncUtils.asyncFx(() -> {
                window.setLanguage(language);
                window.setZoom(150);
                window.selectTab("compare");
            }).get();
            WaitForAsyncUtils.waitForFxEvents();
            axisTitlesAreWhole(robot.lookup(".chart").queryAs(LineChart.class), language + " at 150 %");
        }
        WaitForAsyncUtils.asyncFx(() -> window.setZoom(200)).get();
        WaitForAsyncUtils.waitForFxEvents();
        LineChart<?, ?> chart = robot.lookup(".chart").queryAs(LineChart.class);
        axisTitlesAreWhole(chart, "at 200 %");
        Label status = robot.lookup("#compareStatus").queryAs(Label.class);
        assertEquals(UiWait.onFx(status::getText), UiWait.onFx(() -> Drawn.text(status)), "the line under the form");
        double height = UiWait.onFx(chart::getHeight);
        assertTrue(height >= 240, "the chart is " + height + " px high at 200 %");
        Node legend = UiWait.onFx(() -> chart.lookup(".chart-legend"));
        assertTrue(UiWait.onFx(() -> legend.isVisible() && legend.getLayoutBounds().getHeight() > 10),
                "the legend shows");
        ScrollPane scroll = UiWait.onFx(() -> {
            Node p = chart.getParent();
            while (!(p instanceof ScrollPane)) {
                p = p.getParent();  // none: a NullPointerException, the tab does not scroll
            }
            return (ScrollPane) p;
        });
        robot.interact(() -> scroll.setVvalue(scroll.getVmax()));
        Bounds shown = UiWait.onFx(() -> scroll.localToScene(scroll.getLayoutBounds()));
        Bounds drawn = UiWait.onFx(() -> chart.localToScene(chart.getLayoutBounds()));
        assertTrue(drawn.getMaxY() <= shown.getMaxY() + 1, "scrolled down, the chart is seen to its bottom: "
                + drawn + " in " + shown);
    }

    @Test
    void accuracyOneIsLabelledAt150(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            window.setZoom(150);
            window.selectTab("compare");
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.chart.Axis<?> axis = robot.lookup(".chart").queryAs(LineChart.class).getYAxis();
        // the axis runs to 1.05 (whole markers at 1): its unlabelled last tick hid the label of 1 once ticks got close
        var one = UiWait.onFx(() -> axis.getTickMarks().stream()
                .filter(t -> t.getValue() instanceof Number n && Math.abs(n.doubleValue() - 1) < 1e-6).findFirst()
                .orElseThrow());
        assertTrue(UiWait.onFx(one::isTextVisible), "the tick at 1 has its label");
    }
}
