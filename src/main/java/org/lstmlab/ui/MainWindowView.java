package org.lstmlab.ui;

import java.nio.file.Path;
import java.util.Locale;
import java.util.ResourceBundle;

import javafx.animation.AnimationTimer;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import org.lstmlab.engine.math.Simd;
import org.lstmlab.ui.common.Fonts;
import org.lstmlab.ui.common.I18n;
import org.lstmlab.ui.common.Zoom;
import org.lstmlab.ui.common.ZoomPane;
import org.lstmlab.ui.compare.CompareView;
import org.lstmlab.ui.debugger.DebuggerView;
import org.lstmlab.ui.help.AboutDialog;
import org.lstmlab.ui.help.GlossaryWindow;
import org.lstmlab.ui.help.GuideWindow;
import org.lstmlab.ui.help.ShortcutsDialog;
import org.lstmlab.ui.training.RunState;
import org.lstmlab.ui.training.TrainingView;

/**
 * The controller of MainWindow.fxml: the menus, the tabs and the status bar of one language. {@link MainWindow}
 * makes a new one when the language changes; this one forwards the menus' actions to it.
 */
final class MainWindowView {
    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");
    @FXML private BorderPane root;
    @FXML private MenuBar menuBar;
    @FXML private Menu recentMenu;
    @FXML private Menu examplesMenu;
    @FXML private Menu exportMenu;
    @FXML private Menu languageMenu;
    @FXML private javafx.scene.control.CheckMenuItem presenterItem;
    @FXML private MenuItem saveItem;
    @FXML private MenuItem saveAsItem;
    @FXML private MenuItem saveCodeItem;
    @FXML private TabPane tabs;
    @FXML private Tab debuggerTab;
    @FXML private Tab trainTab;
    @FXML private Tab compareTab;
    @FXML private Tab learnTab;
    @FXML private javafx.scene.control.SplitPane split;
    /** The docked lesson, enlarged in presenter mode as the equations are (its own zoom, on top of the window's). */
    private final ZoomPane lessonZoom = new ZoomPane(d -> this.window.zoomBy(d));
    @FXML private Label statusMessage;
    @FXML private Label statusActivity;
    @FXML private Label statusUnsaved;
    @FXML private Label statusKernels;
    @FXML private DebuggerView debuggerViewController;
    @FXML private TrainingView trainViewController;
    @FXML private CompareView compareViewController;
    @FXML private org.lstmlab.ui.learn.LearnView learnViewController;
    @FXML private ResourceBundle resources;
    private MainWindow window;
    /** The status bar's kernels, said briefly for a teacher ("Fast arithmetic"); the details are its tooltip. */
    private String kernelsText;
    private final FoldNews foldNews = new FoldNews();
    /**
     * Held so that {@link #stop()} can remove it: the dock outlives this view. Says why the side panel went, while
     * the Debugger tab shows (no other tab has that panel).
     */
    private final javafx.beans.value.ChangeListener<Boolean> sayFolded = (o, was, folds) ->
            show(foldNews.onFold(folds, window.isPresenting(), onDebugger()));

    /** The Debugger tab's side panel is the only one: see {@link FoldNews}. */
    private void foldNewsOnTab() {
        if (window != null) {
            show(foldNews.onTab(onDebugger(), window.dock().ruleFoldsProperty().get(), window.isPresenting()));
        }
    }

    private boolean onDebugger() {
        return tabs.getSelectionModel().getSelectedItem() == debuggerTab;
    }

    /** Says the default hint or why the side panel is folded; nothing for null. */
    private void show(FoldNews.Said what) {
        if (what == FoldNews.Said.HINT) {
            put(resources.getString("status.hint"), false);
        } else if (what == FoldNews.Said.FOLDED) {
            put(resources.getString(window.dock().lessonDocked() ? "status.sidePanelFolded"
                    : "status.sidePanelFolded.zoom"), false);
        }
        if (what != null) {
            foldNews.said(what);
        }
    }

    /** Polls the tabs' state for the status bar a few times a second (never waits on them). */
    private final AnimationTimer statusTimer = new AnimationTimer() {
        private long last;

        @Override
        public void handle(long now) {
            if (now - last > 250_000_000L) {
                last = now;
                refreshActivity();
                refreshFileState();
            }
        }
    };

    @FXML
    private void initialize() {
        Menu debug = debuggerViewController.menu();
        var elsewhere = tabs.getSelectionModel().selectedItemProperty().isNotEqualTo(debuggerTab);
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> foldNewsOnTab());
        debuggerViewController.disableMenuWhile(elsewhere);
        menuBar.getMenus().add(2, debug);
        String lanes = Integer.toString(org.lstmlab.engine.math.simd.VectorGemm.lanes());
        boolean vector = Simd.enabled();
        kernelsText = resources.getString(vector ? "status.kernels.vector" : "status.kernels.plain");
        String details = vector ? I18n.format(resources, "status.kernels.vector.detail", lanes)
                : resources.getString("status.kernels.plain.detail");
        statusKernels.setTooltip(new javafx.scene.control.Tooltip(details));
        zoomed(org.lstmlab.ui.common.Zoom.NORMAL);
        if (resources.getLocale().getLanguage().equals("zh") && !Fonts.canShowChinese()) {
            say(resources.getString("status.noChineseFont"), true);
        } else {
            show(FoldNews.Said.HINT);
        }
        examplesMenu.getItems().setAll(learnViewController.exampleItems());   // as the Learn tab's Example lessons
        for (ExportFormat f : ExportFormat.all()) {
            MenuItem item = new MenuItem(resources.getString(f.labelKey()));
            item.setOnAction(e -> window.files().export(f));
            exportMenu.getItems().add(item);
        }
        recentMenu.setOnShowing(e -> fillRecent());
        saveCodeItem.disableProperty().bind(trainViewController.viewModel().canSaveCodeProperty().not());
        wireLessons();
    }

    /**
     * The lesson player docks beside the tabs while a lesson is open, so that the student keeps stepping the
     * debugger; "show me" reaches the debugger through a {@link LessonBridge}. Its divider stands where the
     * {@link LessonDock} says: where the user last dragged it, kept there when the window or the zoom changes (the
     * split pane alone would keep the lesson's width in pixels and take all of a shrink from the debugger).
     */
    private void wireLessons() {
        javafx.fxml.FXMLLoader loader = new javafx.fxml.FXMLLoader(
                org.lstmlab.ui.common.Resources.url("learn/LessonPanel.fxml"), resources);
        javafx.scene.Parent panel;
        try {
            panel = loader.load();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        lessonZoom.setContent(panel);
        lessonZoom.setId("lessonZoom");
        lessonZoom.setKeepMinWidth(true);
        org.lstmlab.ui.learn.LessonPanel lessonPanel = loader.getController();
        var learn = learnViewController.viewModel();
        lessonPanel.bind(learn);
        learn.setHost(new LessonBridge(debuggerViewController.viewModel(), () -> selectTab("debugger"),
                (s, part) -> window.trainInTrainTab(s, part), resources));   // window is attached after initialize()
        learn.lessonProperty().addListener((o, before, now) -> {
            LessonDock dock = window.dock();
            if (now != null && !split.getItems().contains(lessonZoom)) {
                split.getItems().add(lessonZoom);
                split.setDividerPositions(dock.divider());
                dock.setLessonDocked(true);
                selectTab("debugger");
            } else if (now == null) {
                split.getItems().remove(lessonZoom);
                dock.setLessonDocked(false);
            }
        });
        split.widthProperty().addListener((o, a, w) -> javafx.application.Platform.runLater(() -> {
            if (split.getItems().contains(lessonZoom)) {  // after the layout that resized it, which moved the divider
                split.setDividerPositions(window.dock().divider());
            }
        }));
        split.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_RELEASED, e -> {
            if (split.getItems().contains(lessonZoom)) {  // the end of a drag of the divider, or any other click
                window.dock().rememberDivider(split.getDividerPositions()[0]);
            }
        });
    }

    /**
     * The debugger's side panel follows the {@link LessonDock}: its button and the dock's rule set the same
     * property, and the status bar says why the panel went when the rule folds it.
     */
    private void wireDock(LessonDock dock) {
        debuggerViewController.sidePanelShownProperty().bindBidirectional(dock.sidePanelShownProperty());
        debuggerViewController.widthProperty().addListener((o, a, w) -> {
            // a view rebuilt in another language gets its lesson back a moment later: until then its width is not
            // the one beside the lesson, and would unfold the panel only for the lesson to fold it again
            if (split.getItems().size() > 1 || !dock.lessonDocked()) {
                dock.setDebuggerWidth(w.doubleValue());
            }
        });
        dock.ruleFoldsProperty().addListener(sayFolded);
    }

    /** Connects the menus to the window once it has loaded this view. */
    void attach(MainWindow w) {
        window = w;
        ToggleGroup group = new ToggleGroup();
        for (Locale l : I18n.LANGUAGES) {
            RadioMenuItem item = new RadioMenuItem(resources.getString("language." + l.getLanguage()));
            item.setId("language-" + l.getLanguage());
            item.setToggleGroup(group);
            item.setSelected(l.equals(w.language()));
            item.setOnAction(e -> w.setLanguage(l));
            languageMenu.getItems().add(item);
        }
        fillRecent();
        wireDock(w.dock());
        statusTimer.start();
    }

    /**
     * Stops the status bar's timer. A running AnimationTimer is held by the toolkit, and with it this view, the
     * window and everything its tabs hold: a closed window must stop it (tests open dozens of windows in one JVM).
     */
    void stop() {
        statusTimer.stop();
        if (window != null) {
            window.dock().ruleFoldsProperty().removeListener(sayFolded);
        }
    }

    /** Stops this view's timers and its tabs' frames; the view models carry on. */
    void detach() {
        stop();
        debuggerViewController.detach();
        trainViewController.detach();
        compareViewController.detach();
        learnViewController.shutdown();  // the lessons load in one language: the new view has its own
    }

    private void fillRecent() {
        recentMenu.getItems().clear();
        var files = window == null ? java.util.List.<Path>of() : window.settings().recentFiles();
        for (Path p : files) {
            MenuItem item = new MenuItem(p.getFileName() + "  \u2014  " + p.toAbsolutePath().getParent());
            item.setMnemonicParsing(false);
            item.setOnAction(e -> window.files().open(p));
            recentMenu.getItems().add(item);
        }
        if (files.isEmpty()) {
            MenuItem none = new MenuItem(resources.getString("menu.file.recent.none"));
            none.setDisable(true);
            recentMenu.getItems().add(none);
        } else {
            MenuItem clear = new MenuItem(resources.getString("menu.file.recent.clear"));
            clear.setOnAction(e -> window.settings().clearRecentFiles());
            recentMenu.getItems().addAll(new SeparatorMenuItem(), clear);
        }
    }

    /** Shows a message in the status bar: news in the normal colour, a problem in red. */
    /**
     * The status bar at {@code percent}: zoomed in, the kernels' few words are never cut; at 100 % they give way
     * to the rest when they must (the details are in the tooltip and Help ▸ About).
     */
    void zoomed(int percent) {
        boolean brief = percent > org.lstmlab.ui.common.Zoom.NORMAL;
        statusKernels.setText(kernelsText);
        statusKernels.setMinWidth(brief ? javafx.scene.layout.Region.USE_PREF_SIZE
                : javafx.scene.layout.Region.USE_COMPUTED_SIZE);
    }

    void say(String text, boolean problem) {
        put(text, problem);
        foldNews.said(FoldNews.Said.OTHER);
    }

    private void put(String text, boolean problem) {
        statusMessage.setText(text);
        statusMessage.pseudoClassStateChanged(ERROR, problem);
    }

    /** What runs in a tab that is not showing: a training run, a comparison. */
    private void refreshActivity() {
        var train = trainViewController.viewModel();
        RunState s = train.stateProperty().get();
        String text = "";
        if (tabs.getSelectionModel().getSelectedItem() != trainTab && s != null && !s.isOver()) {
            text = I18n.format(resources, "status.training", train.statusProperty().get());
        } else if (tabs.getSelectionModel().getSelectedItem() != compareTab
                && compareViewController.viewModel().runningProperty().get()) {
            text = I18n.format(resources, "status.comparing", compareViewController.viewModel().statusProperty().get());
        }
        if (!text.equals(statusActivity.getText())) {
            statusActivity.setText(text);
        }
    }

    /** Save is offered when there is a model; the status bar says when it is not saved. */
    void refreshFileState() {
        boolean hasModel = trainViewController.viewModel().hasModelProperty().get();
        saveItem.setDisable(!hasModel);
        saveAsItem.setDisable(!hasModel);
        boolean unsaved = window != null && window.hasUnsavedModel();
        statusUnsaved.setVisible(unsaved);
        statusUnsaved.setManaged(unsaved);
    }

    String selectedTab() {
        Tab t = tabs.getSelectionModel().getSelectedItem();
        return t == trainTab ? "train" : t == compareTab ? "compare" : t == learnTab ? "learn" : "debugger";
    }

    void selectTab(String id) {
        switch (id) {
            case "debugger" -> tabs.getSelectionModel().select(debuggerTab);
            case "train" -> tabs.getSelectionModel().select(trainTab);
            case "compare" -> tabs.getSelectionModel().select(compareTab);
            case "learn" -> tabs.getSelectionModel().select(learnTab);
            default -> { }
        }
    }

    DebuggerView debugger() {
        return debuggerViewController;
    }

    TrainingView training() {
        return trainViewController;
    }

    CompareView compare() {
        return compareViewController;
    }

    org.lstmlab.ui.learn.LearnView learn() {
        return learnViewController;
    }

    // ------------------------------------------------------------------------------------------------ menus

    @FXML
    private void onOpen() {
        window.files().chooseModelToOpen().ifPresent(window.files()::open);
    }

    @FXML
    private void onSave() {
        window.files().save();
    }

    @FXML
    private void onSaveAs() {
        window.files().saveAs();
    }

    /** The Train tab's "Save code and data\u2026": its tab shows, where the message says where the files went. */
    @FXML
    private void onSaveCode() {
        selectTab("train");
        trainViewController.onSaveCode();
    }

    @FXML
    private void onOpenLesson() {
        learnViewController.onOpenFile();
    }

    @FXML
    private void onQuit() {
        window.quit();
    }

    @FXML
    private void onZoomIn() {
        window.zoomBy(1);
    }

    @FXML
    private void onZoomOut() {
        window.zoomBy(-1);
    }

    @FXML
    private void onZoomReset() {
        window.setZoom(org.lstmlab.ui.common.Zoom.NORMAL);
    }

    @FXML
    private void onPresenter() {
        window.setPresenting(presenterItem.isSelected());
    }

    /**
     * Presenter mode's enlargement of a docked lesson, its formulas with its text: up to 150 % (13.7 px text reads
     * 20.6 px), as far as the lesson's narrowest layout fits its column (at 1024 × 768, 135 %: 18.4 px).
     */
    static final int PRESENTER_LESSON_ZOOM = 150;

    /**
     * Presenter mode: the Debugger tab with only its equations and diagram, enlarged, and a docked lesson with them;
     * the menu bar and the toolbar stay so that every key and button keeps working.
     */
    void present(boolean on) {
        presenterItem.setSelected(on);
        if (on) {
            selectTab("debugger");
        }
        debuggerViewController.setPresenting(on);
        lessonZoom.percentProperty().set(on ? PRESENTER_LESSON_ZOOM : Zoom.NORMAL);
        say(resources.getString(on ? "status.presenter" : "status.presenterOff"), false);
    }

    @FXML
    private void onGuide() {
        GuideWindow.show(root, resources, window.language(), selectedTab().equals("debugger") ? "debugger"
                : "training");
    }

    @FXML
    private void onShortcuts() {
        ShortcutsDialog.show(root, resources, menuBar);
    }

    @FXML
    private void onGlossary() {
        GlossaryWindow.show(root, resources);
    }

    @FXML
    private void onWelcome() {
        window.showWelcome();
    }

    /** Gives the keyboard focus to the tabs (after the welcome closes: the keys that step and zoom work there). */
    void focusTabs() {
        tabs.requestFocus();
    }

    /** Gives the keyboard focus to the debugger's Step Into button (the welcome's "Step through an LSTM"). */
    void focusStepInto() {
        javafx.scene.Node step = root.lookup("#stepIntoButton");
        (step == null ? tabs : step).requestFocus();
    }

    @FXML
    private void onAbout() {
        AboutDialog.show(root, resources);
    }
}
