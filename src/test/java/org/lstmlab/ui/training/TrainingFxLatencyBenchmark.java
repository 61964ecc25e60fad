package org.lstmlab.ui.training;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lstmlab.ui.common.I18n;
import org.lstmlab.ui.common.Resources;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A benchmark, not a test: how long the FX thread takes to answer a heartbeat while the Train tab trains at full
 * speed (median, 99th percentile, worst). It depends on the machine and its load, so it prints and asserts
 * nothing. Run it with
 * {@code mvn test -Dtest=TrainingFxLatencyBenchmark -Dlstmlab.bench=true -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("benchmark")
@EnabledIfSystemProperty(named = "lstmlab.bench", matches = "true")
@ExtendWith(ApplicationExtension.class)
class TrainingFxLatencyBenchmark {
    private TrainingView view;

    @Start
    void start(Stage stage) throws IOException {
        FXMLLoader loader = new FXMLLoader(Resources.url("training/TrainingView.fxml"), I18n.bundle(Locale.ENGLISH));
        Parent root = loader.load();
        view = loader.getController();
        stage.setScene(new Scene(root, 1260, 780));
        stage.show();
    }

    @AfterEach
    void tearDown() throws Exception {
        WaitForAsyncUtils.asyncFx(view::shutdown).get();
    }

    @Test
    void heartbeatLatencyWhileTraining(FxRobot robot) throws Exception {
        robot.clickOn("#startButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> view.viewModel().stateProperty().get() == RunState.RUNNING);
        Thread.sleep(1500);   // fonts and the first drawing compile; then measure
        List<Long> micros = new ArrayList<>();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < end) {
            long posted = System.nanoTime();
            CountDownLatch ran = new CountDownLatch(1);
            Platform.runLater(() -> {
                micros.add((System.nanoTime() - posted) / 1000);
                ran.countDown();
            });
            ran.await(30, TimeUnit.SECONDS);
            Thread.sleep(10);
        }
        robot.clickOn("#stopButton");
        Collections.sort(micros);
        System.out.printf(Locale.ROOT, "FX heartbeat while training: %d beats, median %.1f ms, p99 %.1f ms, worst "
                + "%.1f ms%n", micros.size(), micros.get(micros.size() / 2) / 1e3,
                micros.get((int) (micros.size() * 0.99)) / 1e3, micros.get(micros.size() - 1) / 1e3);
    }
}
