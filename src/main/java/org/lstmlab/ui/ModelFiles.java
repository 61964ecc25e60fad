package org.lstmlab.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;

import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import org.lstmlab.ui.common.FileNames;
import org.lstmlab.ui.common.Fonts;
import org.lstmlab.ui.common.I18n;
import org.lstmlab.ui.common.Resources;
import org.lstmlab.ui.common.WindowZoom;
import org.lstmlab.ui.training.RunState;
import org.lstmlab.ui.training.TrainingViewModel;

/**
 * The File menu's work on the Train tab's model: open (into the debugger when it is showing), save, save as,
 * export, and the question before quitting with an unsaved model. Results go to the status bar.
 */
final class ModelFiles {
    private final MainWindow window;
    private final ModelDocument document = new ModelDocument();

    ModelFiles(MainWindow window) {
        this.window = window;
    }

    ModelDocument document() {
        return document;
    }

    private ResourceBundle i18n() {
        return window.i18n();
    }

    private TrainingViewModel training() {
        return window.training();
    }

    private void say(String text, boolean problem) {
        window.view().say(text, problem);
    }

    /** File ▸ Open Model: in the debugger when the Debugger tab is showing, else on its task in the Train tab. */
    void open(Path file) {
        window.settings().addRecentFile(file);
        MainWindowView view = window.view();
        if (view.selectedTab().equals("debugger")) {
            var debugger = window.debuggerModel();
            debugger.setupCommands().openModelFile(file, debugger.form().weightsProperty().get());
            say(I18n.format(i18n(), "status.openedInDebugger", file.getFileName()), false);
            return;
        }
        document.opening(file);
        training().openModel(file).thenAccept(ok -> {
            if (!ok) {
                document.openFailed();
            }
            say(training().messageProperty().get(), !ok);
            window.view().refreshFileState();
        });
        view.selectTab("train");
    }

    Optional<Path> chooseModelToOpen() {
        FileChooser chooser = modelChooser("file.chooser.open");
        return Optional.ofNullable(chooser.showOpenDialog(window.ownerWindow())).map(File::toPath);
    }

    /**
     * File ▸ Save Model: to the model's file, or as a new file when it has none. Completes on the FX thread, true
     * when the file was written.
     */
    CompletableFuture<Boolean> save() {
        return document.file() == null ? saveAs() : saveTo(document.file());
    }

    /** File ▸ Save Model As. */
    CompletableFuture<Boolean> saveAs() {
        if (!training().hasModelProperty().get()) {
            say(i18n().getString("status.noModel"), true);
            return CompletableFuture.completedFuture(false);
        }
        FileChooser chooser = modelChooser("file.chooser.save");
        chooser.setInitialFileName(document.file() == null ? "model.safetensors"
                : document.file().getFileName().toString());
        File f = chooser.showSaveDialog(window.ownerWindow());
        return f == null ? CompletableFuture.completedFuture(false)
                : saveTo(FileNames.withExtension(f.toPath(), "safetensors"));
    }

    /** Saves the Train tab's model to {@code file}. */
    CompletableFuture<Boolean> saveTo(Path file) {
        if (!training().hasModelProperty().get()) {
            say(i18n().getString("status.noModel"), true);
            return CompletableFuture.completedFuture(false);
        }
        Object run = training().run();
        long steps = trainedSteps();
        document.observe(run, steps);
        return training().saveModel(file).thenApply(ok -> {
            if (ok) {
                // the weights were copied at the first step boundary after the request: when the run is not
                // training, that is where it stands now; while it trains, count only what was there before
                training().pulse();
                RunState state = training().stateProperty().get();
                boolean still = state == RunState.PAUSED || state != null && state.isOver();
                document.saved(run, still ? trainedSteps() : steps, file);
                window.settings().addRecentFile(file);
            }
            say(training().messageProperty().get(), !ok);
            window.view().refreshFileState();
            window.updateTitle();
            return ok;
        });
    }

    /** File ▸ Export ▸ {@code format}: a file, or a folder for a model with its code and check input. */
    void export(ExportFormat format) {
        Path file;
        if (format.folder()) {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle(i18n().getString("file.chooser.exportFolder"));
            File d = chooser.showDialog(window.ownerWindow());
            if (d == null) {
                return;
            }
            file = d.toPath();
        } else {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(i18n().getString("file.chooser.export"));
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(
                    i18n().getString("file.filter.python"), "*." + format.extension()));
            File f = chooser.showSaveDialog(window.ownerWindow());
            if (f == null) {
                return;
            }
            file = FileNames.withExtension(f.toPath(), format.extension());
        }
        format.writer().write(window, file).whenComplete((ok, err) -> Platform.runLater(() -> say(err == null
                ? I18n.format(i18n(), "status.exported", file.getFileName())
                : I18n.format(i18n(), "status.exportFailed", I18n.explain(i18n(), err)), err != null)));
    }

    private FileChooser modelChooser(String titleKey) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(i18n().getString(titleKey));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(i18n().getString("file.filter.model"),
                "*.safetensors"));
        Path last = document.file();
        if (last != null && last.toAbsolutePath().getParent() != null) {
            chooser.setInitialDirectory(last.toAbsolutePath().getParent().toFile());
        }
        return chooser;
    }


    long trainedSteps() {
        var s = training().snapshotProperty().get();
        return s == null ? 0 : s.steps();
    }

    /** Whether quitting now would lose a trained model. */
    boolean hasUnsavedModel() {
        document.observe(training().run(), trainedSteps());
        return document.unsaved(training().hasModelProperty().get(), trainedSteps());
    }

    /**
     * Asks whether to save the trained model before quitting: Save (then {@code quit} once the file is written),
     * Quit Without Saving, or Cancel. Returns whether to quit now.
     */
    boolean confirmQuit(Runnable quit) {
        ButtonType save = new ButtonType(i18n().getString("quit.save"), ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType(i18n().getString("quit.discard"), ButtonBar.ButtonData.NO);
        ButtonType cancel = new ButtonType(i18n().getString("quit.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, i18n().getString("quit.text"), save, discard, cancel);
        ask.initOwner(window.ownerWindow());
        ask.setTitle(i18n().getString("quit.title"));
        ask.setHeaderText(i18n().getString("quit.header"));
        ask.getDialogPane().setId("quitDialog");
        ask.getDialogPane().getStylesheets().add(Resources.url("theme.css").toExternalForm());
        Fonts.apply(ask.getDialogPane(), window.language());
        WindowZoom.dialog(ask, window.zoom());
        ButtonType answer = ask.showAndWait().orElse(cancel);
        if (answer == save) {
            // the file is written on a worker: quit once it is there, stay (with the reason shown) if it is not
            save().thenAccept(ok -> {
                if (ok) {
                    quit.run();
                }
            });
            return false;
        }
        return answer == discard;
    }
}
