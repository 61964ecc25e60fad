package org.lstmlab.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.layout.StackPane;
import javafx.stage.Window;
import org.lstmlab.ui.common.DebuggerLauncher;
import org.lstmlab.ui.common.LessonLauncher;
import org.lstmlab.ui.common.Fonts;
import org.lstmlab.ui.common.I18n;
import org.lstmlab.ui.common.LeavingWindow;
import org.lstmlab.ui.common.Resources;
import org.lstmlab.ui.common.Settings;
import org.lstmlab.ui.common.WindowZoom;
import org.lstmlab.ui.common.Zoom;
import org.lstmlab.ui.common.ZoomPane;
import org.lstmlab.ui.compare.CompareView;
import org.lstmlab.ui.compare.CompareViewModel;
import org.lstmlab.ui.debugger.DebuggerView;
import org.lstmlab.ui.debugger.DebuggerViewModel;
import org.lstmlab.ui.debugger.PresenterSplit;
import org.lstmlab.ui.training.TrainingView;
import org.lstmlab.ui.training.TrainingViewModel;

/**
 * The main window: a menu, the Debugger, Train and Compare tabs, and a status bar. It wires the tabs together,
 * owns the File menu's model document and the language. View ▸ Language rebuilds every view from its FXML with
 * the new labels while the tabs' view models (a run, a trace, a comparison) carry on, so no view needs a binding
 * per label.
 */
public final class MainWindow {
    private final StackPane root = new StackPane();
    private final ZoomPane zoom = new ZoomPane(this::zoomBy);
    private final I18n.Live i18n;
    private final Settings settings;
    private final ModelFiles files;
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper();
    /** How the debugger and a docked lesson share the window; outlives the views a language switch rebuilds. */
    private final LessonDock dock = new LessonDock();
    /** Where presenter mode's divider stands once dragged; outlives the views a language switch rebuilds. */
    private final PresenterSplit presenterSplit = new PresenterSplit();
    private Locale language;
    private MainWindowView view;
    private DebuggerViewModel debuggerModel;
    private TrainingViewModel trainingModel;
    private CompareViewModel compareModel;
    private Runnable exit = Platform::exit;
    private final Runnable stopFollowingWindows;
    private boolean presenting;
    private final Welcome welcome;
    private final WelcomePanel welcomePanel;

    private MainWindow(Locale language, Settings settings) {
        this.language = I18n.supported(language);
        this.settings = settings;
        this.i18n = I18n.live(this.language);
        this.files = new ModelFiles(this);
        root.getStyleClass().add("main-root");
        root.getStylesheets().add(Resources.url("theme.css").toExternalForm());
        Fonts.apply(root, this.language);
        zoom.percentProperty().set(settings.zoom());
        dock.setZoomedIn(zoom() > Zoom.NORMAL);
        root.getChildren().add(zoom);
        root.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, this::zoomKeys);
        build();
        welcome = new Welcome(settings, welcomeHost());
        welcomePanel = new WelcomePanel(welcome, i18n, this::zoomBy, this::firstLessonTitle);
        welcomePanel.percentProperty().bind(zoom.percentProperty());
        root.getChildren().add(welcomePanel.node());
        welcome.shownProperty().addListener((o, was, now) -> {
            if (!now && view != null) {
                view.focusTabs();   // the focus was on the card; an action then puts it where it belongs
            }
        });
        root.addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE && welcomeShown()) {
                welcome.close();
                e.consume();
            }
        });
        stopFollowingWindows = WindowZoom.follow(root);  // menus, lists and tooltips at the zoom
        LeavingWindow.whenLeft(root, this::shutdown);
        // every published state of the Train tab, from a run's first one: where a run starts is "saved"
        trainingModel.snapshotProperty().addListener((o, a, snap) ->
                files.document().observe(trainingModel.run(), snap == null ? 0 : snap.steps()));
    }

    /** The window in the language of {@code bundle}, remembering nothing between runs (tests, screenshots). */
    public static MainWindow create(ResourceBundle bundle) {
        Locale l = bundle.getLocale();
        return create(l == null || l.getLanguage().isEmpty() ? Locale.ENGLISH : l, Settings.inMemory());
    }

    /** The window in {@code language}, with the user's {@code settings} (recent files, the language chosen). */
    public static MainWindow create(Locale language, Settings settings) {
        return new MainWindow(language, settings);
    }

    /** Loads MainWindow.fxml (and the tabs it includes), keeping the view models of the previous views. */
    private void build() {
        FXMLLoader loader = new FXMLLoader(Resources.url("MainWindow.fxml"), i18n);
        loader.setControllerFactory(this::controller);
        Parent loaded;
        try {
            loaded = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        view = loader.getController();
        debuggerModel = view.debugger().viewModel();
        trainingModel = view.training().viewModel();
        compareModel = view.compare().viewModel();
        trainingModel.setDebuggerLauncher(debuggerLauncher());
        trainingModel.setModelSaving(files::saveTo);   // the tab's Files ▸ Save model is File ▸ Save Model's
        trainingModel.checkup().setLessonLauncher(lessonLauncher());
        compareModel.checkup().panel().setLessonLauncher(lessonLauncher());
        compareModel.setTrainLauncher(this::trainInTrainTab);
        view.attach(this);
        view.zoomed(zoom());
        // take the old view out of the scene first: its menus then remove their keys (F11, Ctrl+O, ...) from the
        // scene before the new menus add theirs
        zoom.setContent(null);
        zoom.setContent(loaded);
        updateTitle();
    }

    /** Makes each FXML controller, handing the tabs the view models that outlive their views. */
    private Object controller(Class<?> type) {
        Object c;
        try {
            var constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            c = constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make the controller " + type.getName(), e);
        }
        if (c instanceof DebuggerView d) {
            d.keepPresenterSplit(presenterSplit);
            if (debuggerModel != null) {
                d.reuse(debuggerModel);
            }
        } else if (c instanceof TrainingView t && trainingModel != null) {
            t.reuse(trainingModel);
        } else if (c instanceof CompareView v && compareModel != null) {
            v.reuse(compareModel);
        }
        return c;
    }

    // ------------------------------------------------------------------------------------------------ language

    public Locale language() {
        return language;
    }

    /**
     * Switches every label to {@code locale} (one of {@link I18n#LANGUAGES}) at once and remembers the choice.
     * Call on the FX thread.
     */
    public void setLanguage(Locale locale) {
        Locale next = I18n.supported(locale);
        settings.setLanguage(next);
        if (next.equals(language)) {
            return;
        }
        language = next;
        i18n.use(next);
        Fonts.apply(root, next);
        String tab = view.selectedTab();
        var lesson = view.learn().viewModel().lessonProperty().get();
        Path lessonFile = view.learn().viewModel().lessonFile();
        var answer = view.learn().viewModel().answer();  // the exercise's answer and verdict, said again
        view.detach();
        build();
        view.selectTab(tab);
        if (presenting) {
            view.present(true);
        }
        if (answer != null) {
            view.learn().viewModel().restore(answer);
        }
        if (lessonFile != null) {
            view.learn().viewModel().openFile(lessonFile);  // the lessons speak the new language: reopen it
        } else if (lesson != null) {
            view.learn().viewModel().open(lesson.id());
        }
        trainingModel.relabel();
        compareModel.relabel();
        welcomePanel.relabel();
        view.say(i18n.getString("status.language"), false);
    }

    // ------------------------------------------------------------------------------------------------ welcome

    /** Shows the welcome if the settings say so: the app's first start, or "Show at start" ticked. */
    void welcomeAtStart() {
        if (welcome.atStart()) {
            showWelcome();
        }
    }

    /** Shows the welcome over the window (Help ▸ Welcome), its first action focused. Call on the FX thread. */
    void showWelcome() {
        welcome.open();
        welcomePanel.focusFirst();
    }

    /** Whether the welcome shows. */
    boolean welcomeShown() {
        return welcome.shownProperty().get();
    }

    /** What the welcome's four buttons do here. */
    private Welcome.Host welcomeHost() {
        return new Welcome.Host() {
            @Override
            public void openFirstLesson() {
                var learn = view.learn().viewModel();
                learn.lessons().stream().filter(l -> l.error().isEmpty()).findFirst()
                        .ifPresent(l -> learn.open(l.id()));   // it docks beside the debugger, as from the Learn tab
            }

            @Override
            public void showDebugger() {
                selectTab("debugger");
                view.focusStepInto();
            }

            @Override
            public void showTrain() {
                selectTab("train");
            }

            @Override
            public void present() {
                setPresenting(true);
            }
        };
    }

    /** The title of the first built-in lesson, for the welcome (empty if the lessons could not be read). */
    private String firstLessonTitle() {
        return view.learn().viewModel().lessons().stream().filter(l -> l.error().isEmpty())
                .map(l -> l.title()).findFirst().orElse("");
    }

    // ------------------------------------------------------------------------------------------------ zoom

    /** The zoom in percent (75 to 300, a step of {@link Zoom#STEPS}); every view grows with it. */
    public int zoom() {
        return zoom.percentProperty().get();
    }

    /** Sets the zoom (snapped to a step), remembers it and says it in the status bar. Call on the FX thread. */
    public void setZoom(int percent) {
        int p = Zoom.snap(percent);
        settings.setZoom(p);
        if (p != zoom()) {
            zoom.percentProperty().set(p);
            dock.setZoomedIn(p > Zoom.NORMAL);
            view.zoomed(p);
            view.say(I18n.format(i18n, "status.zoom", p), false);
        }
    }

    /** One step in (+1) or out (−1). */
    public void zoomBy(int direction) {
        setZoom(direction > 0 ? Zoom.in(zoom()) : Zoom.out(zoom()));
    }

    /** Whether presenter mode is on (View ▸ Presenter Mode, Ctrl+Shift+P; Esc leaves it). */
    public boolean isPresenting() {
        return presenting;
    }

    /**
     * Presenter mode hides the debugger's set-up panels and its heatmaps and enlarges the equations and the diagram
     * to fill the window; the stepping keys keep working, and leaving restores the layout. Call on the FX thread.
     */
    public void setPresenting(boolean on) {
        if (on != presenting) {
            presenting = on;
            view.present(on);
        }
    }

    /**
     * The zoom keys the View menu cannot show: Ctrl + with or without Shift and on the keypad, Ctrl − on the keypad
     * and Ctrl 0 on the keypad (the menu has Ctrl =, Ctrl − and Ctrl 0).
     */
    private void zoomKeys(javafx.scene.input.KeyEvent e) {
        if (presenting && e.getCode() == javafx.scene.input.KeyCode.ESCAPE) {
            setPresenting(false);
            e.consume();
            return;
        }
        if (presenting && clickerStep(e)) {
            e.consume();
            return;
        }
        if (!e.isShortcutDown() || e.isAltDown()) {
            return;
        }
        switch (e.getCode()) {
            case PLUS, ADD -> zoomBy(1);
            case EQUALS -> {
                if (!e.isShiftDown()) {
                    return;  // the menu's own key
                }
                zoomBy(1);
            }
            case SUBTRACT -> zoomBy(-1);
            case NUMPAD0 -> setZoom(Zoom.NORMAL);
            default -> {
                return;
            }
        }
        e.consume();
    }

    /**
     * Presenter mode: Page Down and Page Up (the keys a presentation clicker sends), and → and ← while nothing that
     * uses arrows has the focus, step one equation forwards and back (F11, Shift+F11): {@link ClickerKeys}.
     */
    private boolean clickerStep(javafx.scene.input.KeyEvent e) {
        javafx.scene.Node owner = root.getScene() == null ? null : root.getScene().getFocusOwner();
        int step = ClickerKeys.step(e.getCode(), e.isShortcutDown() || e.isAltDown() || e.isShiftDown(),
                focus(owner));
        if (step == 0 || debuggerModel == null) {
            return false;
        }
        if (step > 0) {
            debuggerModel.stepper().stepInto();
        } else {
            debuggerModel.stepper().stepBack();
        }
        return true;
    }

    /** What the focus owner does with the stepping keys: a text field types them, a list or a slider moves. */
    private static ClickerKeys.Focus focus(javafx.scene.Node owner) {
        if (owner instanceof javafx.scene.control.TextInputControl) {
            return ClickerKeys.Focus.TYPING;
        }
        boolean free = owner == null || owner instanceof javafx.scene.control.TabPane
                || owner instanceof javafx.scene.control.Button;
        return free ? ClickerKeys.Focus.FREE : ClickerKeys.Focus.ARROWS;
    }

    /** The labels in the current language; the same object for the window's life. */
    public ResourceBundle i18n() {
        return i18n;
    }

    /** The window's title: the app's name, and the model file's when there is one. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    void updateTitle() {
        Path f = files == null ? null : files.document().file();
        title.set(f == null ? i18n.getString("app.title")
                : I18n.format(i18n, "app.title.file", f.getFileName().toString()));
    }

    // ------------------------------------------------------------------------------------------------ tabs

    /**
     * How the Train tab opens a model in the debugger: the debugger copies the model and the sample, and the
     * window switches to the Debugger tab. Call on the FX thread.
     */
    public DebuggerLauncher debuggerLauncher() {
        return (model, sample, targets, sequence, title, names) -> {
            debuggerModel.openModel(model, sample, targets, sequence, title, names);
            selectTab("debugger");
        };
    }

    /** The debugger's controller (for tests and scripted screenshots); a new one after a language switch. */
    public DebuggerView debugger() {
        return view.debugger();
    }

    /** The Train tab's view (its view model takes the debugger link). */
    public TrainingView trainingView() {
        return view.training();
    }

    public CompareView compareView() {
        return view.compare();
    }

    /** The Learn tab's controller (its view model is new after a language switch: lessons load in a language). */
    public org.lstmlab.ui.learn.LearnView learnView() {
        return view.learn();
    }

    /** The scene's root: it stays the same when the views are rebuilt. */
    public Parent root() {
        return root;
    }

    /** Opens built-in lessons for the other tabs (the Train and Compare tabs' checkups), in the Learn tab of now. */
    private LessonLauncher lessonLauncher() {
        return new LessonLauncher() {
            @Override
            public String title(String id) {
                return view.learn().viewModel().lessons().stream().filter(l -> l.id().equals(id))
                        .map(l -> l.title()).findFirst().orElse(null);
            }

            @Override
            public void open(String id) {
                view.learn().viewModel().open(id);
            }
        };
    }

    /** Another tab's "train it in the Train tab" (Compare, a lesson): the form set, the tab shown, not started. */
    void trainInTrainTab(org.lstmlab.ui.common.TrainSettings settings) {
        trainInTrainTab(settings, org.lstmlab.engine.lessons.TrainTabPart.SETTINGS);
    }

    /** The same, with {@code part} of the tab brought into view (a lesson step's {@code show}). */
    void trainInTrainTab(org.lstmlab.ui.common.TrainSettings settings, org.lstmlab.engine.lessons.TrainTabPart part) {
        trainingModel.prepare(settings);
        trainingModel.bringIntoView(part);
        selectTab("train");
        Platform.runLater(view.training()::showPartInView);  // once the tab is laid out at its size
    }

    /** Selects a tab by id ({@code debugger}, {@code train}, {@code compare}, {@code learn}); others are ignored. */
    public void selectTab(String id) {
        view.selectTab(id);
    }

    /** Stops background work and every frame timer before the window closes (called again, it does nothing new). */
    public void shutdown() {
        stopFollowingWindows.run();
        view.detach();
        view.debugger().shutdown();
        view.training().shutdown();
        view.compare().shutdown();
        view.learn().shutdown();
    }

    // ------------------------------------------------------------------------------------------------ files

    Settings settings() {
        return settings;
    }

    LessonDock dock() {
        return dock;
    }

    /** The File menu's actions on the Train tab's model. */
    ModelFiles files() {
        return files;
    }

    MainWindowView view() {
        return view;
    }

    TrainingViewModel training() {
        return trainingModel;
    }

    DebuggerViewModel debuggerModel() {
        return debuggerModel;
    }

    /** The window the scene is in, to own dialogs (null before it is shown). */
    Window ownerWindow() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    /** Saves the Train tab's model to {@code file}; completes on the FX thread, true when the file was written. */
    public CompletableFuture<Boolean> saveTo(Path file) {
        return files.saveTo(file);
    }

    /** Whether quitting now would lose a trained model. */
    public boolean hasUnsavedModel() {
        return files.hasUnsavedModel();
    }

    // ------------------------------------------------------------------------------------------------ quitting

    /** What File ▸ Quit does once it may quit; {@link Platform#exit()} unless a test replaces it. */
    public void setExitAction(Runnable action) {
        exit = action;
    }

    /**
     * File ▸ Quit and the window's close box: asks first when a trained model is unsaved (save, quit without
     * saving, or cancel). Returns whether the window closes now.
     */
    public boolean quit() {
        if (hasUnsavedModel() && !files.confirmQuit(this::exitNow)) {
            return false;
        }
        exitNow();
        return true;
    }

    private void exitNow() {
        shutdown();
        exit.run();
    }
}
