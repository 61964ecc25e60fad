package org.lstmlab.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ResourceBundle;

import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.controlsfx.control.StatusBar;
import org.lstmlab.ui.compare.CompareView;
import org.lstmlab.ui.common.DebuggerLauncher;
import org.lstmlab.ui.debugger.DebuggerView;
import org.lstmlab.ui.training.TrainingView;
import org.lstmlab.ui.common.Resources;

/**
 * The main window: a menu, the Debugger, Train and Compare tabs, and a status bar. It only wires the tabs
 * together; each tab has its own view and view model.
 */
public final class MainWindow {
    @FXML private Parent root;
    @FXML private TabPane tabs;
    @FXML private Tab debuggerTab;
    @FXML private Tab trainTab;
    @FXML private Tab compareTab;
    @FXML private StatusBar statusBar;
    @FXML private javafx.scene.control.MenuBar menuBar;
    @FXML private DebuggerView debuggerViewController;
    @FXML private ResourceBundle resources;
    @FXML private TrainingView trainViewController;
    @FXML private CompareView compareViewController;
    @FXML private Tab learnTab;
    @FXML private javafx.scene.control.SplitPane split;
    @FXML private org.lstmlab.ui.learn.LearnView learnViewController;
    private org.lstmlab.ui.learn.LessonPanel lessonPanel;
    private Parent lessonPanelRoot;

    /** Loads {@code MainWindow.fxml} with the given bundle. */
    public static MainWindow create(ResourceBundle bundle) {
        FXMLLoader loader = new FXMLLoader(Resources.url("MainWindow.fxml"), bundle);
        try {
            loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return loader.getController();
    }

    @FXML
    private void initialize() {
        statusBar.setText(resources.getString("status.ready"));
        javafx.scene.control.Menu debug = debuggerViewController.menu();
        debug.disableProperty().bind(tabs.getSelectionModel().selectedItemProperty().isNotEqualTo(debuggerTab));
        menuBar.getMenus().add(1, debug);
        DebuggerLauncher launcher = debuggerLauncher();
        trainViewController.viewModel().setDebuggerLauncher(launcher);
        wireLessons();
    }

    /**
     * The lesson player docks beside the tabs while a lesson is open, so that the student keeps stepping the
     * debugger; "show me" reaches the debugger through a {@link LessonBridge}.
     */
    private void wireLessons() {
        FXMLLoader loader = new FXMLLoader(Resources.url("learn/LessonPanel.fxml"), resources);
        try {
            lessonPanelRoot = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        lessonPanel = loader.getController();
        var learn = learnViewController.viewModel();
        lessonPanel.bind(learn);
        learn.setHost(new LessonBridge(debuggerViewController.viewModel(), () -> selectTab("debugger")));
        learn.lessonProperty().addListener((o, before, now) -> {
            if (now != null && !split.getItems().contains(lessonPanelRoot)) {
                split.getItems().add(lessonPanelRoot);
                split.setDividerPositions(0.62);
                selectTab("debugger");
            } else if (now == null) {
                split.getItems().remove(lessonPanelRoot);
            }
        });
    }

    /** The Learn tab's controller. */
    public org.lstmlab.ui.learn.LearnView learnView() {
        return learnViewController;
    }

    @FXML
    private void onOpenLesson() {
        learnViewController.onOpenFile();
    }

    /**
     * How the Train tab opens a model in the debugger: the debugger copies the model and the sample, and the
     * window switches to the Debugger tab. Call on the FX thread.
     */
    public DebuggerLauncher debuggerLauncher() {
        return (model, sample, targets, sequence, name, vocabulary) -> {
            debuggerViewController.viewModel().openModel(model, sample, targets, sequence, name, vocabulary);
            selectTab("debugger");
        };
    }

    /** The debugger's controller (for tests and scripted screenshots). */
    public DebuggerView debugger() {
        return debuggerViewController;
    }

    public Parent root() {
        return root;
    }

    public ResourceBundle i18n() {
        return resources;
    }

    /** Selects a tab by id ({@code debugger}, {@code train}, {@code compare}); unknown ids are ignored. */
    public void selectTab(String id) {
        switch (id) {
            case "debugger" -> tabs.getSelectionModel().select(debuggerTab);
            case "train" -> tabs.getSelectionModel().select(trainTab);
            case "compare" -> tabs.getSelectionModel().select(compareTab);
            case "learn" -> tabs.getSelectionModel().select(learnTab);
            default -> { }
        }
    }

    /** The Train tab's view (its view model takes the debugger link). */
    public TrainingView trainingView() {
        return trainViewController;
    }

    public CompareView compareView() {
        return compareViewController;
    }

    /** Stops background work before the window closes. */
    public void shutdown() {
        debuggerViewController.shutdown();
        trainViewController.shutdown();
        compareViewController.shutdown();
        learnViewController.shutdown();
    }

    @FXML
    private void onQuit() {
        shutdown();
        Platform.exit();
    }

    @FXML
    private void onAbout() {
        Alert about = new Alert(Alert.AlertType.INFORMATION);
        about.setTitle(resources.getString("menu.help.about"));
        about.setHeaderText(resources.getString("app.title"));
        about.setContentText(resources.getString("about.text"));
        about.show();
    }
}
