package org.lstmlab.ui.debugger;

import java.util.Locale;
import java.util.concurrent.Callable;

import javafx.scene.Scene;
import javafx.stage.Stage;
import org.lstmlab.ui.MainWindow;
import org.lstmlab.ui.UiWait;
import org.lstmlab.ui.common.I18n;
import org.lstmlab.ui.common.Resources;
import org.testfx.api.FxRobot;
import org.testfx.service.query.NodeQuery;
import org.testfx.util.WaitForAsyncUtils;

/** The main window as the debugger's UI tests open it, and the helpers they share. */
final class DebuggerWindow {
    private DebuggerWindow() {
    }

    /** Shows the main window (English, the app's theme) at {@code width} × {@code height} in the test's stage. */
    static MainWindow show(Stage stage, double width, double height) {
        MainWindow window = MainWindow.create(I18n.bundle(Locale.ENGLISH));
        Scene scene = new Scene(window.root(), width, height);
        scene.getStylesheets().add(Resources.url("theme.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
        return window;
    }

    /**
     * Waits until the condition (read on the FX thread) holds, then for the FX events it caused; the only limit is
     * {@link UiWait}'s long backstop against a hang, so a loaded machine never fails the test.
     */
    static void waitFor(Callable<Boolean> condition) throws Exception {
        UiWait.until("a debugger condition", condition);
    }

    /**
     * Lookups inside the Debugger tab only: the Train tab reuses ids such as {@code cellBox}, and a bare lookup
     * would find its node first.
     */
    static NodeQuery in(FxRobot robot) {
        return robot.from(robot.lookup(".debugger"));
    }

    /**
     * Folds the set-up away and opens the editor at once (no animation), scrolled to the bottom of the side panel,
     * and waits until the input table shows its cells.
     */
    static void openEditor(FxRobot robot) throws Exception {
        robot.interact(() -> {
            javafx.scene.control.TitledPane setup = in(robot).lookup("#setupPane")
                    .queryAs(javafx.scene.control.TitledPane.class);
            javafx.scene.control.TitledPane edit = in(robot).lookup("#editPane")
                    .queryAs(javafx.scene.control.TitledPane.class);
            setup.setAnimated(false);
            edit.setAnimated(false);
            setup.setExpanded(false);
            edit.setExpanded(true);
        });
        waitFor(() -> in(robot).lookup("#inputTable .table-row-cell .table-cell").nth(1).tryQuery()
                .map(javafx.scene.Node::isVisible).orElse(false));
        robot.interact(() -> in(robot).lookup("#sidePanel").queryAs(javafx.scene.control.ScrollPane.class)
                .setVvalue(1));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * Edits one cell of the input table as a user does (typing, then Enter). The edit is started through the table
     * rather than by a double click, whose timing a loaded machine can break.
     */
    @SuppressWarnings("unchecked")
    static void editInputCell(FxRobot robot, int row, int column, String text) throws Exception {
        javafx.scene.control.TableView<Integer> table = in(robot).lookup("#inputTable")
                .queryAs(javafx.scene.control.TableView.class);
        robot.interact(() -> {
            table.requestFocus();
            table.edit(row, table.getColumns().get(column));
        });
        waitFor(() -> robot.from(table).lookup(".text-field").tryQuery().map(javafx.scene.Node::isFocused)
                .orElse(false));
        robot.write(text).push(javafx.scene.input.KeyCode.ENTER);
    }

    /**
     * Replaces the text of the field {@code id} of the Debugger tab by typing, as a user who selected it all does
     * (the selection is made directly: a double click's timing does not hold on a loaded machine).
     */
    static FxRobot retype(FxRobot robot, String id, String text) throws Exception {
        javafx.scene.control.TextField field = in(robot).lookup(id).queryAs(javafx.scene.control.TextField.class);
        robot.interact(() -> {
            field.requestFocus();
            field.selectAll();
        });
        waitFor(field::isFocused);
        return robot.write(text);
    }
}
