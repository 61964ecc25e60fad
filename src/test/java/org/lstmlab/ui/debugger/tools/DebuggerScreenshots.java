package org.lstmlab.ui.debugger.tools;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.ui.common.I18n;
import org.lstmlab.ui.MainWindow;
import org.lstmlab.ui.common.Resources;
import org.lstmlab.ui.common.Screenshots;
import org.lstmlab.ui.debugger.DebuggerViewModel;
import org.lstmlab.ui.debugger.SetupForm;
import org.lstmlab.ui.debugger.WeightPreset;

/**
 * Drives the debugger through the newcomer's path of issue 3 and saves a screenshot of each state into a folder
 * (docs/images by default): LSTM stepping through t = 1, the jump to t = 5, a breakpoint hit, backward mode with the
 * gradient plot, an RNN beside the LSTM, the GRU and a hand-built latch. Run it under Xvfb (see docs/debugger.md).
 * A second argument {@code zh} takes them in the Chinese window, named {@code zh-debugger-….png}, for docs/zh.
 */
public final class DebuggerScreenshots {
    private static MainWindow window;
    private static Scene scene;
    private static DebuggerViewModel vm;
    private static String prefix = "";

    private DebuggerScreenshots() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/images");
        Locale language = args.length > 1 && args[1].startsWith("zh") ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
        prefix = language == Locale.ENGLISH ? "" : "zh-";
        org.lstmlab.ui.common.Repaint.beforeToolkit();  // as the app does
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        fx(() -> {
            window = MainWindow.create(I18n.bundle(language));
            scene = new Scene(window.root(), 1400, 900);
            scene.getStylesheets().add(Resources.url("theme.css").toExternalForm());
            Stage stage = new Stage();
            stage.setTitle("LSTM Lab");
            stage.setScene(scene);
            stage.show();
            vm = window.debugger().viewModel();
            return null;
        });
        settle();
        for (int k = 0; k < 4; k++) {
            fx(() -> {
                vm.stepper().stepInto();
                return null;
            });
        }
        Thread.sleep(170);  // mid-animation: the dots run along the cell-state wires
        shot(out, "debugger-lstm-step.png");
        fx(() -> vm.stepper().jumpTo("5"));
        settle();
        shot(out, "debugger-jump-t5.png");
        fx(() -> {
            vm.stepper().addBreakpoint("f[0] < 0.2");
            vm.addWatch("c[0]");
            vm.addWatch("o * tanh(c)");
            vm.stepper().continueRun();
            javafx.scene.control.TitledPane setup =
                    (javafx.scene.control.TitledPane) window.root().lookup("#setupPane");
            setup.setAnimated(false);  // folded at once: a loaded machine caught it half folded
            setup.setExpanded(false);
            return null;
        });
        settle();
        shot(out, "debugger-breakpoint.png");
        fx(() -> {
            vm.form().text(SetupForm.STEPS).set("60");
            vm.setupCommands().applySetup();
            return null;
        });
        settle();
        fx(() -> {
            window.root().lookup("#backwardToggle").getProperties();
            ((javafx.scene.control.ToggleButton) window.root().lookup("#backwardToggle")).fire();
            vm.beside().add(CellType.RNN_TANH);
            return null;
        });
        settle();
        fx(() -> {
            vm.stepper().jumpTo("20");  // the gradients come out of the veil from t = 60 back to t = 20
            vm.stepper().stepInto();
            vm.stepper().stepInto();
            return null;
        });
        settle();
        shot(out, "debugger-backward.png");
        fx(() -> {
            ((javafx.scene.control.ToggleButton) window.root().lookup("#backwardToggle")).fire();
            vm.stepper().jumpTo("12");
            ((TabPane) window.root().lookup("#viewTabs")).getSelectionModel().select(0);
            return null;
        });
        settle();
        shot(out, "debugger-side-by-side.png");
        fx(() -> {
            vm.beside().remove(CellType.RNN_TANH);
            vm.form().cellProperty().set(CellType.GRU);
            vm.form().text(SetupForm.HIDDEN_SIZE).set("32");
            vm.form().text(SetupForm.LAYERS).set("2");
            vm.setupCommands().applySetup();
            window.debugger().sidePanelShownProperty().set(false);  // the Side panel button: the maps get its room
            return null;
        });
        settle();
        fx(() -> {
            vm.stepper().jumpTo("20");
            vm.stepper().stepInto();
            vm.stepper().stepInto();
            vm.unitProperty().set(7);
            return null;
        });
        settle();
        shot(out, "debugger-gru-stacked.png");
        fx(() -> {
            ((TabPane) window.root().lookup("#viewTabs")).getSelectionModel().select(1);
            vm.stepper().stepInto();
            return null;
        });
        settle();
        shot(out, "debugger-gru-vectors.png");
        fx(() -> {
            ((TabPane) window.root().lookup("#viewTabs")).getSelectionModel().select(0);
            window.debugger().sidePanelShownProperty().set(true);
            return null;
        });
        fx(() -> {
            vm.form().cellProperty().set(CellType.LSTM);
            vm.form().weightsProperty().set(WeightPreset.LATCH);
            vm.form().text(SetupForm.STEPS).set("40");
            vm.setupCommands().applySetup();
            return null;
        });
        settle();
        fx(() -> {
            vm.stepper().jumpTo("30");
            vm.unitProperty().set(0);
            for (int k = 0; k < 4; k++) {
                vm.stepper().stepInto();
            }
            return null;
        });
        settle();
        shot(out, "debugger-latch.png");
        fx(() -> {
            vm.form().weightsProperty().set(WeightPreset.RANDOM_TORCH);
            vm.form().text(SetupForm.STEPS).set("1000");
            vm.form().text(SetupForm.HIDDEN_SIZE).set("256");
            vm.setupCommands().applySetup();
            return null;
        });
        // until the bar has visibly moved (the forward pass done), while the trace still runs
        for (int k = 0; k < 400 && fx(() -> vm.busyProperty().get() && vm.progressProperty().get() < 0.4); k++) {
            Thread.sleep(10);
        }
        shot(out, "debugger-long-tracing.png");
        settle();
        fx(() -> {
            vm.stepper().jumpTo("400");
            vm.unitProperty().set(100);
            return null;
        });
        settle();
        shot(out, "debugger-long-h256.png");
        storyAndRefusal(out);
        fx(() -> {
            window.shutdown();
            Platform.exit();
            return null;
        });
    }

    /**
     * A sentiment review opened as from the Train tab (an untrained LSTM: the story, the pre-activation line), a GRU
     * refused for it, and the same window at 1024 × 768 with the weight editor open.
     */
    private static void storyAndRefusal(Path out) throws Exception {
        fx(() -> {
            org.lstmlab.engine.data.Dataset data = new org.lstmlab.engine.tasks.SentimentTask().generate(0, 5);
            org.lstmlab.engine.data.Sample review = data.validation().get(3);
            org.lstmlab.engine.nn.Batch batch = org.lstmlab.engine.data.Batches.toBatch(java.util.List.of(review),
                    data.head(), data.outputSize());
            org.lstmlab.engine.nn.SequenceModel model = new org.lstmlab.engine.nn.SequenceModel(
                    new org.lstmlab.engine.nn.ModelSpec(CellType.LSTM, data.inputSize(), 8, 1, data.outputSize(),
                            data.head(), data.loss()));
            org.lstmlab.engine.nn.Initializers.initialize(model, org.lstmlab.engine.nn.Initializers.Scheme.KERAS, 1);
            // titled as the Train tab titles a sample it opens
            window.debuggerLauncher().openModel(model, batch.input(), batch, 0,
                    () -> prefix.isEmpty() ? "Sentiment (English), untrained, validation sample 3"
                            : "情感分类（英文），未训练，验证样本 3", data.vocabulary());
            return null;
        });
        settle();
        fx(() -> {
            vm.moves().jumpTo(Math.min(4, vm.trace().steps()));
            vm.moves().goToEquation(1);
            vm.moves().followUnit(2);
            return null;
        });
        settle();
        shot(out, "debugger-story.png");
        fx(() -> {
            javafx.scene.control.TitledPane setup =
                    (javafx.scene.control.TitledPane) window.root().lookup("#setupPane");
            setup.setAnimated(false);
            setup.setExpanded(true);
            return vm.setupCommands().chooseCell(CellType.GRU);
        });
        settle();
        shot(out, "debugger-refused.png");
        fx(() -> {
            scene.getWindow().setWidth(1024);
            scene.getWindow().setHeight(768);
            vm.stepper().speedPositionProperty().set(0.3);
            javafx.scene.control.TitledPane setup =
                    (javafx.scene.control.TitledPane) window.root().lookup("#setupPane");
            javafx.scene.control.TitledPane edit = (javafx.scene.control.TitledPane) window.root().lookup("#editPane");
            setup.setAnimated(false);
            edit.setAnimated(false);
            setup.setExpanded(false);
            edit.setExpanded(true);
            for (String folded : new String[] {"#breakpointPane", "#watchPane"}) {  // the editor's fields show
                javafx.scene.control.TitledPane pane =
                        (javafx.scene.control.TitledPane) window.root().lookup(folded);
                pane.setAnimated(false);
                pane.setExpanded(false);
            }
            return null;
        });
        settle();
        shot(out, "debugger-1024x768.png");
    }

    private static void settle() throws Exception {
        for (int k = 0; k < 200 && (vm == null || vm.busyProperty().get() || vm.trace() == null
                || vm.stepper().runningProperty().get()); k++) {
            Thread.sleep(50);
        }
        Thread.sleep(700);
    }

    private static void shot(Path dir, String name) throws Exception {
        fx(() -> {
            Screenshots.save(scene, dir.resolve(prefix + name));
            return null;
        });
        System.out.println("saved " + dir.resolve(name));
    }

    private static <T> T fx(Callable<T> action) throws Exception {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Exception> error = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                result.set(action.call());
            } catch (Exception e) {
                error.set(e);
            } finally {
                done.countDown();
            }
        });
        done.await(30, TimeUnit.SECONDS);
        if (error.get() != null) {
            throw error.get();
        }
        return result.get();
    }
}
