package org.lstmlab.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Train tab at 1024 × 768 zoomed to 150 % and 200 %, in both languages: it fits the window's width and scrolls
 * only down (before, its three columns made it scroll sideways too, the code pane and half the charts beyond the
 * edge): the form, the run with its charts and the code stand one under the other, each as wide as the tab, the
 * charts still large enough to read. Stacked, the code pane has the run pane's padding: its heading and its text
 * stood against the window's left edge.
 */
class TrainTabReflowUiTest extends MainWindowUiBase {
    private static final String[] PARTS = {"#taskBox", "#startButton", "#lossChart", "#accuracyChart", "#gradChart",
        "#freeRunPlot", "#kerasArea"};

    @Test
    void zoomedInTheTabScrollsOnlyDown(FxRobot robot) throws Exception {
        List<String> problems = new ArrayList<>();
        for (Locale language : new Locale[] {Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE}) {
            for (int zoom : new int[] {150, 200}) {
                WaitForAsyncUtils.asyncFx(() -> {
                    window.setLanguage(language);
                    window.setZoom(zoom);
                    window.selectTab("train");
                }).get();
                WaitForAsyncUtils.waitForFxEvents();
                String where = language + " at " + zoom + " %: ";
                ScrollPane tab = robot.lookup(".training-scroll").queryAs(ScrollPane.class);
                problems.addAll(UiWait.onFx(() -> {
                    List<String> p = new ArrayList<>();
                    double content = tab.getContent().getLayoutBounds().getWidth();
                    double view = tab.getViewportBounds().getWidth();
                    if (content > view + 0.5) {
                        p.add(where + "the tab is " + content + " px wide in a view of " + view);
                    }
                    double tall = tab.getContent().getLayoutBounds().getHeight();
                    boolean bar = tab.lookupAll(".scroll-bar").stream().anyMatch(b -> b.isVisible()
                            && ((javafx.scene.control.ScrollBar) b).getOrientation() == Orientation.VERTICAL
                            && b.getParent() == tab);
                    if (tall > tab.getViewportBounds().getHeight() + 0.5 && !bar) {
                        p.add(where + "the tab is " + tall + " px high, shown " + tab.getViewportBounds().getHeight()
                                + ", and has no vertical scroll bar");
                    }
                    Bounds shown = tab.localToScene(tab.getLayoutBounds());
                    for (String id : PARTS) {
                        Node n = tab.getContent().lookup(id);
                        Bounds b = n.localToScene(n.getLayoutBounds());
                        if (b.getMinX() < shown.getMinX() - 0.5 || b.getMaxX() > shown.getMaxX() + 0.5) {
                            p.add(where + id + " lies from x = " + b.getMinX() + " to " + b.getMaxX()
                                    + ", the tab from " + shown.getMinX() + " to " + shown.getMaxX());
                        }
                        if (id.endsWith("Chart") && (b.getWidth() < 200 || b.getHeight() < 150)) {
                            p.add(where + id + " is only " + b.getWidth() + " × " + b.getHeight() + " px");
                        }
                    }
                    // the code pane stands as far in from the window's left edge as the run pane's charts
                    Node chart = tab.getContent().lookup("#lossChart");
                    double inset = chart.localToScene(chart.getLayoutBounds()).getMinX();
                    for (Node n : List.of(tab.getContent().lookup(".code-pane .section"),
                            tab.getContent().lookup("#kerasArea"))) {
                        double left = n.localToScene(n.getLayoutBounds()).getMinX();
                        if (left < inset - 0.5) {
                            p.add(where + n + " starts at x = " + left + ", the charts at " + inset);
                        }
                    }
                    double text = codeTextLeft(tab.getContent().lookup("#kerasArea"));
                    if (text < inset + 4) {
                        p.add(where + "the code's text starts at x = " + text + ", the charts at " + inset);
                    }
                    return p;
                }));
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /** Where the code's first line of text starts, in the scene (the window's left edge is 0). */
    private static double codeTextLeft(Node area) {
        return area.lookupAll(".text").stream().filter(t -> t instanceof javafx.scene.text.Text x
                        && !x.getText().isBlank() && x.isVisible())
                .mapToDouble(t -> t.localToScene(t.getLayoutBounds()).getMinX()).min().orElseThrow();
    }
}
