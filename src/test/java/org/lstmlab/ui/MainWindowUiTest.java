package org.lstmlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.lstmlab.ui.common.I18n;

@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class MainWindowUiTest {
    private MainWindow window;

    /** Stops the window's timers and workers, so that it can be collected. */
    @AfterEach
    void closeWindow() throws Exception {
        org.testfx.util.WaitForAsyncUtils.asyncFx(window::shutdown).get();
    }

    @Start
    void start(Stage stage) {
        window = MainWindow.create(I18n.bundle(Locale.ENGLISH));
        stage.setScene(new Scene(window.root(), 1000, 700));
        stage.show();
    }

    @Test
    void hasTheFourTabsInOrder(FxRobot robot) {
        TabPane tabs = robot.lookup(".tab-pane").queryAs(TabPane.class);
        assertEquals(4, tabs.getTabs().size());
        assertEquals("Learn", tabs.getTabs().get(3).getText());
        assertEquals("Debugger", tabs.getTabs().get(0).getText());
        assertEquals("Train", tabs.getTabs().get(1).getText());
        assertEquals("Compare", tabs.getTabs().get(2).getText());
    }

    @Test
    void clickingATabSelectsIt(FxRobot robot) {
        robot.clickOn("Train");
        TabPane tabs = robot.lookup(".tab-pane").queryAs(TabPane.class);
        assertEquals("Train", tabs.getSelectionModel().getSelectedItem().getText());
        robot.clickOn("Compare");
        assertEquals("Compare", tabs.getSelectionModel().getSelectedItem().getText());
        assertTrue(robot.lookup(".status-bar").tryQuery().isPresent());
    }

    private static Region region(FxRobot robot, String query) {
        Node n = robot.lookup(query).query();
        assertNotNull(n, query);
        return (Region) n;
    }

    /**
     * The large panes a debugger step repaints inside have one background fill each. JavaFX's software pipeline
     * (virtual machines, remote desktops) paints a background of two or more fills from a cached image stretched over
     * the whole pane, at every repaint of anything inside it; modena gives split panes, scroll panes and lists two (an
     * edge colour under an inset fill), which cost more than the rest of a step. Where modena shows an edge, a
     * one-pixel border of the same colour draws it now.
     */
    @Test
    void theRepaintedPanesHaveOneFillAndTheirEdgesAreBorders(FxRobot robot) throws Exception {
        UiWait.until("the debugger is shown", () -> window.debugger().viewModel().trace() != null);
        List<String> edged = List.of(".main-window > .split-pane", ".debugger > .split-pane", "#watchList",
                "#breakpointList");
        List<String> inner = List.of("#bottomSplit", "#equationArea", "#equationPane", "#diagramScroll");
        UiWait.onFx(() -> {
            for (String q : edged) {
                Region r = region(robot, q);
                assertEquals(1, r.getBackground().getFills().size(), q + ": one fill");
                assertNotNull(r.getBorder(), q + ": its edge is a border");
                assertEquals(1, r.getBorder().getStrokes().size(), q);
                var stroke = r.getBorder().getStrokes().get(0);
                assertEquals(1, stroke.getWidths().getTop(), q + ": one pixel wide");
                Color edge = (Color) stroke.getTopStroke();
                Color fill = (Color) r.getBackground().getFills().get(0).getFill();
                assertTrue(edge.getBrightness() < fill.getBrightness(), q + ": the edge is darker than the pane");
                assertEquals(1, r.snappedTopInset(), q + ": the content sits inside the edge, as before");
            }
            for (String q : inner) {
                Region r = region(robot, q);
                assertEquals(1, r.getBackground().getFills().size(), q + ": one fill");
                assertTrue(r.getBackground().getFills().get(0).getFill().isOpaque(), q + ": opaque");
            }
            return null;
        });
    }
}
