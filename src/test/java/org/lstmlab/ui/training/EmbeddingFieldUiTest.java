package org.lstmlab.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Spinner;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lstmlab.engine.tasks.Tasks;
import org.lstmlab.ui.MainWindow;
import org.lstmlab.ui.UiWait;
import org.lstmlab.ui.common.Settings;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Train tab's Embedding box shows for a task of tokens only, and what it holds is the form's size. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class EmbeddingFieldUiTest {
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = MainWindow.create(Locale.ENGLISH, Settings.inMemory());
        stage.setScene(new Scene(window.root(), 1024, 768));
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(window::shutdown).get();
    }

    @Test
    void theBoxShowsForTokensAndSetsTheSize(FxRobot robot) {
        robot.interact(() -> window.selectTab("train"));
        @SuppressWarnings("unchecked")
        Spinner<Integer> box = robot.from(robot.lookup(".training-view").queryAs(Node.class))
                .lookup("#embeddingSpinner").queryAs(Spinner.class);
        TrainingForm form = window.trainingView().viewModel().form();
        robot.interact(() -> form.applyDefaults(Tasks.byName("adding")));
        UiWait.until("hidden for a task of numbers", () -> !box.isVisible());
        robot.interact(() -> form.applyDefaults(Tasks.byName("sentiment")));
        UiWait.until("shown for a task of tokens", box::isVisible);
        robot.interact(() -> box.getValueFactory().setValue(12));
        assertEquals(12, UiWait.onFx(form.embedding::get));
        robot.interact(() -> form.applyDefaults(Tasks.byName("sine")));
        UiWait.until("hidden again", () -> !box.isVisible());
        assertFalse(UiWait.onFx(box::isManaged), "and takes no room");
        assertTrue(UiWait.onFx(() -> form.embedding.get() == 0), "another task starts one-hot");
    }
}
