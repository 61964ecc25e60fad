package org.lstmlab.ui.training;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.ResourceBundle;

import javafx.scene.Node;
import javafx.scene.text.Font;
import org.junit.jupiter.api.Test;
import org.lstmlab.ui.MainWindowUiBase;
import org.lstmlab.ui.UiWait;
import org.lstmlab.ui.common.I18n;
import org.testfx.api.FxRobot;

/**
 * The loss chart's legend names its two lines whole at 1024 × 768, in both languages: a swatch and a name each
 * ({@link PlotView} gives each 24 px besides its text), at the legend's smallest letters, inside the chart's width.
 * In English it read "training (…" and "validatio…" once a run had drawn its lines.
 */
class LossLegendFitsUiTest extends MainWindowUiBase {
    @Test
    void bothNamesFitTheLossChart(FxRobot robot) {
        robot.interact(() -> window.selectTab("train"));
        double w = UiWait.onFx(() -> {
            Node chart = window.root().lookup("#lossChart");
            return chart.getLayoutBounds().getWidth();
        });
        for (Locale language : I18n.LANGUAGES) {
            ResourceBundle b = I18n.bundle(language);
            double legend = UiWait.onFx(() -> 24 + PlotView.width(b.getString("training.chart.loss.train"),
                    Font.font(9)) + 24 + PlotView.width(b.getString("training.chart.loss.val"), Font.font(9)));
            assertTrue(legend <= w - 10, language + ": a legend of " + legend + " px in a chart of " + w + " px");
        }
    }
}
