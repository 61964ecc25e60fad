package org.lstmlab.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory.IntegerSpinnerValueFactory;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lstmlab.ui.MainWindow;
import org.lstmlab.ui.UiWait;
import org.lstmlab.ui.common.Settings;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What a student types into the Train tab's number boxes and then presses Enter or Tab on: nothing that is not a
 * whole number (empty, letters, 1e309, NaN, Chinese numerals, a pasted "5 0") throws on the FX thread or empties
 * the box; the value that held comes back. Full-width digits count, and a number beyond the range is clamped.
 * Before, each such text threw a NumberFormatException on the FX thread, and an empty length box a
 * NullPointerException.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class OddSpinnerTextUiTest {
    private final List<Throwable> thrown = new CopyOnWriteArrayList<>();
    private MainWindow window;
    private Thread.UncaughtExceptionHandler before;

    @Start
    void start(Stage stage) {
        before = Thread.currentThread().getUncaughtExceptionHandler();
        Thread.currentThread().setUncaughtExceptionHandler((t, e) -> thrown.add(e));
        window = MainWindow.create(Locale.ENGLISH, Settings.inMemory());
        stage.setScene(new Scene(window.root(), 1024, 768));
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            Thread.currentThread().setUncaughtExceptionHandler(before);
            window.shutdown();
        }).get();
    }

    /** The Train tab's spinner: the Compare tab has an epochs spinner of the same id. */
    @SuppressWarnings("unchecked")
    private static Spinner<Integer> spinner(FxRobot robot, String id) {
        return robot.from(robot.lookup(".training-view").queryAs(Node.class)).lookup(id).queryAs(Spinner.class);
    }

    private Integer type(FxRobot robot, String id, String text, KeyCode key) {
        Spinner<Integer> spinner = spinner(robot, id);
        robot.interact(() -> {
            spinner.requestFocus();
            spinner.getEditor().setText(text);
        });
        UiWait.until(id + " focused", spinner::isFocused);
        robot.push(key);
        WaitForAsyncUtils.waitForFxEvents();
        return UiWait.onFx(() -> {
            assertEquals(String.valueOf(spinner.getValue()), spinner.getEditor().getText(),
                    id + " after '" + text + "' and " + key + ": the box shows the value that holds");
            return spinner.getValue();
        });
    }

    @Test
    void oddTextPutsTheValueBack(FxRobot robot) {
        robot.clickOn("#trainTab");
        for (String id : List.of("#stepsSpinner", "#epochsSpinner")) {
            for (KeyCode key : List.of(KeyCode.ENTER, KeyCode.TAB)) {
                int held = type(robot, id, "12", key);
                assertEquals(12, held, id);
                for (String odd : List.of("", "abc", "1e309", "NaN", "五十", " 5 0 ", "3.5")) {
                    assertEquals(held, type(robot, id, odd, key), id + " after '" + odd + "' and " + key);
                }
                assertEquals(50, type(robot, id, "５０", key), id + ": full-width digits");
                int least = UiWait.onFx(() -> ((IntegerSpinnerValueFactory) spinner(robot, id).getValueFactory())
                        .getMin());
                assertEquals(least, type(robot, id, "-99999999999", key), id + ": clamped to the least");
                assertEquals(List.of(), thrown, id + ": thrown on the FX thread");
            }
        }
    }
}
