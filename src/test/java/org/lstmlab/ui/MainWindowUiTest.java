package org.lstmlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;

import javafx.scene.Scene;
import javafx.scene.control.TabPane;
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
}
