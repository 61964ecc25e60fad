package org.lstmlab.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;

import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lstmlab.engine.tasks.Tasks;
import org.lstmlab.ui.common.Settings;
import org.lstmlab.ui.training.TrainingViewModel;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A window taken out of its stage stops its work: a run still training (or a frame timer still running) would keep
 * the whole window, its traces and its datasets alive, and keep a core busy, after the window has gone.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class MainWindowLifecycleUiTest {
    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = MainWindow.create(Locale.ENGLISH, Settings.inMemory());
        stage.setScene(new Scene(window.root(), 1024, 768));
        stage.show();
    }

    @Test
    void aWindowGivenAnotherSceneStopsItsRun() throws Exception {
        TrainingViewModel train = window.trainingView().viewModel();
        WaitForAsyncUtils.asyncFx(() -> {
            train.chooseTask(Tasks.byName("keras-example"));
            train.form().epochsProperty().set(50);
            train.start();
        }).get();
        UiWait.until("the run trains", () -> train.snapshotProperty().get() != null
                && train.snapshotProperty().get().steps() > 0);
        assertTrue(!train.stateProperty().get().isOver(), "50 epochs are still running");
        WaitForAsyncUtils.asyncFx(() -> stage.setScene(new Scene(new Pane(), 200, 100))).get();
        UiWait.until("the run of the window that left its stage stops", () -> {
            train.pulse();
            return train.stateProperty().get().isOver();
        });
    }
}
