package org.lstmlab.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import javafx.application.Platform;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.lstmlab.ui.common.I18n;
import org.lstmlab.ui.UiWait;
import org.lstmlab.ui.common.Resources;

/** The Train tab clicked through headless: the controls many times over, the debugger hand-off, the watchdog. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class TrainingUiTest {
    private TrainingView view;

    @Start
    void start(Stage stage) throws IOException {
        FXMLLoader loader = new FXMLLoader(Resources.url("training/TrainingView.fxml"), I18n.bundle(Locale.ENGLISH));
        Parent root = loader.load();
        view = loader.getController();
        Scene scene = new Scene(root, 1260, 780);   // within the headless screen (1280 × 800)
        scene.getStylesheets().add(Resources.url("theme.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void tearDown() throws Exception {
        WaitForAsyncUtils.asyncFx(view::shutdown).get();
        TrainingRun run = view.viewModel().run();
        if (run != null) {
            assertTrue(run.awaitEnd(10_000));
        }
    }

    /** Where the engine computes: the FX thread must never be found there while a run trains. */
    private static final List<String> HEAVY = List.of("org.lstmlab.engine.nn.", "org.lstmlab.engine.math.",
            "org.lstmlab.engine.optim.", "org.lstmlab.engine.train.Trainer",
            "org.lstmlab.engine.session.TrainingSession");

    private String status(FxRobot robot) {
        return robot.lookup("#statusLabel").queryAs(Label.class).getText();
    }

    private RunState state() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> view.viewModel().stateProperty().get()).get();
    }

    private void await(String what, Supplier<Boolean> condition) throws TimeoutException {
        UiWait.until(what, condition::get);
    }

    private boolean isState(RunState s) {
        try {
            return state() == s;
        } catch (Exception e) {
            return false;
        }
    }

    private static long trainingThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("lstmlab-training") && t.isAlive()).count();
    }

    @Test
    void startPauseResumeStopAndRestartManyTimesInARow(FxRobot robot) throws Exception {
        long before = trainingThreads();
        for (int i = 0; i < 8; i++) {
            robot.clickOn("#startButton");
            await("running " + i, () -> isState(RunState.RUNNING));
            robot.clickOn("#pauseButton");
            await("paused " + i, () -> isState(RunState.PAUSED));
            assertTrue(status(robot).startsWith("Paused"), status(robot));
            robot.clickOn("#resumeButton");
            await("resumed " + i, () -> isState(RunState.RUNNING));
            robot.clickOn("#stopButton");
            await("stopped " + i, () -> isState(RunState.STOPPED));
            assertTrue(status(robot).startsWith("Stopped"), status(robot));
        }
        robot.clickOn("#startButton");
        for (int i = 0; i < 12; i++) {
            robot.clickOn("#restartButton");   // cancel and start again, quickly
        }
        await("running after restarts", () -> isState(RunState.RUNNING));
        robot.clickOn("#stepButton");
        await("paused by step", () -> isState(RunState.PAUSED));
        robot.clickOn("#stopButton");
        await("stopped at last", () -> isState(RunState.STOPPED));
        UiWait.until("every cancelled run's worker to end", () -> trainingThreads() <= before);
        assertEquals(before, trainingThreads(), "every cancelled run's worker has ended");
    }

    @Test
    void openInDebuggerOnAPaddedSampleSaysItsLength(FxRobot robot) throws Exception {
        List<String> titles = new CopyOnWriteArrayList<>();
        WaitForAsyncUtils.asyncFx(() -> {
            view.viewModel().setDebuggerLauncher((model, sample, targets, seq, title, names) ->
                    titles.add(title.get() + " | T=" + sample.steps()));
            view.viewModel().chooseTask(org.lstmlab.engine.tasks.Tasks.byName("padded-sine"));
        }).get();
        robot.clickOn("#startButton");
        await("running", () -> isState(RunState.RUNNING));
        robot.clickOn("#debugButton");
        UiWait.until("the debugger link to be called", () -> !titles.isEmpty());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(".*, length (\\d+) of 28 \\| T=(\\d+)")
                .matcher(titles.get(0));
        // the sample picked is most likely padded (lengths 5 … 28); one of all 28 steps says no length
        assertTrue(m.matches() || titles.get(0).endsWith(" | T=28") && !titles.get(0).contains("length"),
                titles.get(0));
        if (m.matches()) {
            assertEquals(m.group(1), m.group(2), "the debugger gets the sample's real steps: " + titles.get(0));
        }
        robot.clickOn("#stopButton");
        await("stopped", () -> isState(RunState.STOPPED));
    }

    @Test
    void openInDebuggerRoundTrip(FxRobot robot) throws Exception {
        List<String> titles = new CopyOnWriteArrayList<>();
        List<Boolean> onFxThread = new CopyOnWriteArrayList<>();
        WaitForAsyncUtils.asyncFx(() -> view.viewModel().setDebuggerLauncher(
                (model, sample, targets, seq, title, names) -> {
                    onFxThread.add(Platform.isFxApplicationThread());
                    titles.add(title.get() + " | T=" + sample.steps() + " D=" + sample.size() + " H="
                            + model.spec().hiddenSize());
                })).get();
        robot.clickOn("#startButton");
        await("running", () -> isState(RunState.RUNNING));
        robot.clickOn("#debugButton");
        UiWait.until("the debugger link to be called", () -> !titles.isEmpty());
        assertTrue(titles.get(0).matches("Adding problem, epoch \\d+, validation sample .*"), titles.get(0));
        assertTrue(titles.get(0).endsWith("| T=50 D=2 H=32"), titles.get(0));
        assertEquals(List.of(true), onFxThread, "the link is called on the FX thread");
        await("paused for the debugger", () -> isState(RunState.PAUSED));
        robot.clickOn("#resumeButton");
        await("resumed after the debugger", () -> isState(RunState.RUNNING));
        robot.clickOn("#stopButton");
        await("stopped", () -> isState(RunState.STOPPED));
    }

    @Test
    void thePrecisionBoxOffersFloat64AndFloat32WithATooltipThatSaysWhatStaysFloat64(FxRobot robot)
            throws Exception {
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<org.lstmlab.engine.math.Precision> box = robot.lookup("#precisionBox")
                .queryAs(javafx.scene.control.ComboBox.class);
        assertEquals("float64 (exact, as PyTorch)", WaitForAsyncUtils.asyncFx(
                () -> box.getConverter().toString(box.getValue())).get());
        String tip = box.getTooltip().getText();
        assertTrue(tip.contains("faster") && tip.contains("stay float64") && tip.contains("debugger"), tip);
        robot.clickOn("#precisionBox");
        robot.clickOn("float32 (faster)");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(org.lstmlab.engine.math.Precision.FLOAT32, WaitForAsyncUtils.asyncFx(
                () -> view.viewModel().form().config().precision()).get());
    }

    @Test
    void enterInAFieldDoesNotStartTraining(FxRobot robot) throws Exception {
        for (String field : List.of("#lrField", "#seedField", "#clipField")) {
            robot.clickOn(field).type(javafx.scene.input.KeyCode.END).type(javafx.scene.input.KeyCode.ENTER);
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(null, state(), "Enter in " + field + " started a run");
        }
        robot.clickOn("#startButton");
        await("running", () -> isState(RunState.RUNNING));
        robot.clickOn("#stopButton");
        await("stopped", () -> isState(RunState.STOPPED));
    }

    /**
     * The FX thread never waits on the engine while training runs at full speed: it answers every heartbeat (a
     * wait of seconds would mean it is blocked), and whenever its stack is sampled it is not inside engine code
     * nor blocked on a lock. How long a heartbeat takes depends on the machine's load, so that is measured by
     * {@code TrainingFxLatencyBenchmark}, not asserted here.
     */
    @Test
    void theFxThreadNeverWaitsOnTheEngineDuringFullSpeedTraining(FxRobot robot) throws Exception {
        Thread fxThread = WaitForAsyncUtils.asyncFx(Thread::currentThread).get();
        robot.clickOn("#startButton");
        await("running", () -> isState(RunState.RUNNING));
        long stepsBefore = WaitForAsyncUtils.asyncFx(() -> view.viewModel().snapshotProperty().get().steps()).get();
        List<String> offences = new ArrayList<>();
        int beats = 0;
        long steps = stepsBefore;
        // sample until training has moved on and the FX thread has answered 20 heartbeats meanwhile: a count of
        // events, not a time (the limit is only the backstop against a hang)
        long backstop = System.nanoTime() + TimeUnit.SECONDS.toNanos(org.lstmlab.testing.Await.LIMIT_SECONDS);
        while (beats < 20 || steps == stepsBefore) {
            assertTrue(System.nanoTime() < backstop, "training moved on within the backstop: " + beats + " beats");
            java.util.concurrent.CountDownLatch ran = new java.util.concurrent.CountDownLatch(1);
            Platform.runLater(ran::countDown);
            for (int k = 0; k < 5 && ran.getCount() > 0; k++) {
                StackTraceElement[] stack = fxThread.getStackTrace();
                java.lang.management.ThreadInfo info = java.lang.management.ManagementFactory.getThreadMXBean()
                        .getThreadInfo(fxThread.getId());
                for (StackTraceElement e : stack) {
                    if (HEAVY.stream().anyMatch(e.getClassName()::startsWith)) {
                        offences.add("training on the FX thread: " + e);
                        break;
                    }
                }
                if (info != null && info.getLockOwnerName() != null && info.getLockOwnerName().startsWith("lstmlab")) {
                    offences.add("waiting for " + info.getLockName() + " held by " + info.getLockOwnerName());
                }
                if (ran.await(2, TimeUnit.MILLISECONDS)) {   // the next sample, or the heartbeat's answer
                    break;
                }
            }
            assertTrue(ran.await(org.lstmlab.testing.Await.LIMIT_SECONDS, TimeUnit.SECONDS),
                    "the FX thread answered a heartbeat");
            beats++;
            steps = WaitForAsyncUtils.asyncFx(() -> view.viewModel().snapshotProperty().get().steps()).get();
        }
        robot.clickOn("#stopButton");
        assertEquals(List.of(), offences, "the FX thread only draws; " + beats + " heartbeats");
    }
}
