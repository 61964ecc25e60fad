package org.lstmlab.ui.debugger;

import java.util.ResourceBundle;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Menu;
import javafx.scene.control.SplitPane;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import org.lstmlab.ui.common.Palette;

/**
 * The Debugger tab's controller (DebuggerView.fxml). It only wires: it makes the {@link DebuggerViewModel}, hands
 * it to the controllers of the nested FXML files (toolbar, set-up, breakpoints, watches, editor, equations, diagram,
 * heatmaps), and runs the one AnimationTimer that gives the view model its frames. Everything the tab decides is in
 * the view model, which tests drive without a toolkit.
 */
public final class DebuggerView {
    @FXML private BorderPane root;
    @FXML private ResourceBundle resources;
    @FXML private SplitPane bottomSplit;
    @FXML private SplitPane mainSplit;
    @FXML private javafx.scene.control.ScrollPane sidePanel;
    @FXML private javafx.scene.control.TabPane viewTabs;
    /** The equations: their header over the scroll pane that shows them (in presenter mode, that pane alone). */
    @FXML private javafx.scene.layout.VBox equationPane;
    @FXML private ToolbarController toolbarController;
    @FXML private SetupController setupPaneController;
    @FXML private BreakpointController breakpointPaneController;
    @FXML private WatchController watchPaneController;
    @FXML private EditController editPaneController;
    @FXML private EquationsController equationPaneController;
    @FXML private DiagramController diagramScrollController;
    @FXML private ViewsController viewTabsController;

    private DebuggerViewModel vm;
    private AnimationTimer timer;
    private Menu menu;
    private final BooleanProperty sidePanelShown = new SimpleBooleanProperty(this, "sidePanelShown", true);

    /**
     * Keeps {@code existing} instead of making a new view model: the main window rebuilds its views when the
     * language changes, and the trace, the cursor, the set-up and the breakpoints stay. Call before the FXML loader
     * initializes this view.
     */
    public void reuse(DebuggerViewModel existing) {
        vm = existing;
    }

    /** Keeps presenter mode's divider where {@code split} says: one for the session, outliving this view. */
    public void keepPresenterSplit(PresenterSplit split) {
        presenterSplit = split;
    }

    @FXML
    private void initialize() {
        Palette.install(root);
        boolean fresh = vm == null;
        if (fresh) {
            vm = new DebuggerViewModel(resources, DebuggerWorker.background());
        }
        toolbarController.attach(vm);
        setupPaneController.attach(vm, root);
        breakpointPaneController.attach(vm);
        watchPaneController.attach(vm);
        editPaneController.attach(vm);
        equationPaneController.attach(vm);
        diagramScrollController.attach(vm);
        viewTabsController.attach(vm);
        menu = DebuggerMenu.create(resources, this);
        vm.companions().addListener((ListChangeListener<Companion>) ch -> {
            if (!vm.companions().isEmpty() && bottomSplit.getDividerPositions()[0] < 0.66) {
                bottomSplit.setDividerPositions(0.66);
            }
        });
        timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                vm.pulse(now);
                if (!vm.needsPulse()) {
                    stop();  // idle: no frames until the next piece of work (the view model wakes the timer)
                }
            }
        };
        vm.setOnWork(timer::start);
        timer.start();
        root.sceneProperty().addListener((o, a, scene) -> uncacheScrollPanes());
        mainSplit.heightProperty().addListener((o, a, b) -> {
            fitPresenter();
            fitDiagramPane();
        });
        diagramScrollController.ownBounds().addListener((o, a, b) -> {
            if (Math.abs(a.getHeight() - b.getHeight()) > 0.5) {  // another cell, or its captions restyled
                Platform.runLater(this::fitDiagramPane);
            }
        });
        dragPresenterDivider();
        // the content's height changes while the panes are laid out, when a new size would be lost: after it
        equationPaneController.contentHeight().addListener((o, a, b) -> fitPresenterLater());
        FollowFocus.install(sidePanel);
        toolbarController.bindSidePanel(sidePanelShown);
        sidePanelShown.addListener((o, a, b) -> placeSidePanel());
        vm.refusalProperty().addListener((o, a, why) -> {
            if (!why.isEmpty()) {
                sidePanelShown.set(true);  // a refused set-up choice says why in the set-up panel
            }
        });
        if (fresh) {
            vm.setupCommands().applySetup();
        } else {
            vm.republish();  // the new controllers draw what the old ones showed
        }
    }

    /**
     * ScrollPane caches its viewport as an image; its content here changes at every step, so the cache would be
     * rebuilt (the whole content repainted) each time. Turning it off lets a step repaint only what changed.
     */
    private void uncacheScrollPanes() {
        Platform.runLater(() -> {
            for (Node n : root.lookupAll(".scroll-pane > .viewport")) {
                n.setCache(false);
            }
        });
    }

    // ------------------------------------------------------------------------------------------------ presenter

    private double[] savedDividers;
    private PresenterSplit presenterSplit = new PresenterSplit();
    /** A drag of the divider between the equation pane and the diagram in presenter mode is under way. */
    private boolean dragging;

    /**
     * Presenter mode: the side panel and the heatmaps go, the equation panel shows the current equation large
     * and the diagram fills the rest (style class {@code presenting} on the tab); leaving puts everything back where
     * it was.
     */
    public void setPresenting(boolean on) {
        if (on == root.getStyleClass().contains(PRESENTING)) {
            return;
        }
        if (on) {
            savedDividers = new double[] {mainSplit.getDividerPositions()[0], bottomSplit.getDividerPositions()[0]};
            root.getStyleClass().add(PRESENTING);
            bottomSplit.getItems().remove(viewTabs);
        } else {
            root.getStyleClass().remove(PRESENTING);
            bottomSplit.getItems().add(viewTabs);
            equationPane.setMinHeight(0);  // as low as EquationPane.fxml lets it be, its header included
            equationPane.setMaxHeight(USE_COMPUTED);
            compactRoom = Double.NaN;
            compactLevel = 0;
            equationPaneController.setCompact(0);
            mainSplit.setDividerPositions(savedDividers[0]);
            bottomSplit.setDividerPositions(savedDividers[1]);
        }
        placeSidePanel();
        toolbarController.setPresenting(on);
        equationPaneController.setPresenting(on);
        diagramScrollController.setPresenting(on);
        fitPresenter();
        fitDiagramPane();
    }

    private static final double USE_COMPUTED = javafx.scene.layout.Region.USE_COMPUTED_SIZE;
    /**
     * The room and zoom at which presenter mode's numbers were last made more compact ({@link EquationCut#compact}),
     * or NaN, and how compact they are.
     */
    private double compactRoom = Double.NaN;
    private double compactZoom = Double.NaN;
    private int compactLevel;
    private boolean fitQueued;

    private void fitPresenterLater() {
        if (!fitQueued && root.getStyleClass().contains(PRESENTING)) {
            fitQueued = true;
            Platform.runLater(() -> {
                fitQueued = false;
                fitPresenter();
            });
        }
    }

    /**
     * Presenter mode gives the equation pane the height its content wants, as long as the diagram under it keeps
     * room to show its numbers 24 px high ({@link DiagramFit#presenterEquationHeight}); the diagram fits what is
     * left. The pane's least and greatest heights hold the divider there, through every resize (and the content's
     * height is read when the pane is laid out, when a new size would be lost: so after it).
     */
    private void fitPresenter() {
        if (!root.getStyleClass().contains(PRESENTING) || mainSplit.getHeight() <= 0 || dragging) {
            return;
        }
        double room = presenterRoom();
        double h = presenterSplit.height(room, 0);
        if (!presenterSplit.dragged()) {
            EquationCut cut = fittedEquationCut(room);
            h = cut.height();
            equationPaneController.scrollTo(cut.top());
        }
        if (Math.abs(h - equationPane.getMinHeight()) > 0.5 || equationPane.getMaxHeight() != h) {
            equationPane.setMinHeight(h);
            equationPane.setMaxHeight(h);
        }
    }

    /**
     * The equation pane's height in presenter mode before a drag: the fitting's, but at least down to the equation's
     * result while the diagram keeps its least size, ending under a whole line; and where it is scrolled to
     * ({@link EquationCut}).
     */
    private EquationCut fittedEquationCut(double room) {
        double wanted = equationPaneController.wantedHeight();
        double fitted = DiagramFit.presenterEquationHeight(room, wanted, equationPaneController.neededHeight(),
                diagramScrollController.heightAt(DiagramFit.PRESENTER_ROOMY),
                diagramScrollController.heightAt(DiagramFit.PRESENTER_SMALLEST));
        double[] must = new double[2];
        double[] bottoms = equationPaneController.lineBottoms(must);
        double most = room - diagramScrollController.heightAt(DiagramFit.PRESENTER_LEAST);
        double zoom = equationPane.getLocalToSceneTransform().getMyy();
        if (room > compactRoom + 0.5 || zoom != compactZoom) {  // more room, or another zoom: try the usual size
            compactRoom = Double.NaN;
            compactLevel = 0;
            equationPaneController.setCompact(0);
        }
        int level = EquationCut.compact(must[0], must[1], most, zoom, compactLevel);
        if (level != compactLevel) {  // measured again once laid out at that size: it may go one further
            compactRoom = room;  // it stays compact while the room does not grow: it does not change from step to step
            compactZoom = zoom;
            compactLevel = level;
            equationPaneController.setCompact(level);
        }
        return EquationCut.of(fitted, most, must[0], must[1], wanted, bottoms);
    }

    /**
     * Outside presenter mode, zoomed in, the divider above the diagram moves up where the diagram's pane is lower
     * than the main diagram needs at its least size, giving it up to three quarters of the room, and the note under
     * its title folds into the title's tooltip where the note would need more ({@link DiagramFit#pane}); when the
     * window, the zoom, the cell or the diagram's captions change, not after a drag (the divider stays where the user
     * left it). At 100 % it stays as the user left it.
     */
    private void fitDiagramPane() {
        if (root.getStyleClass().contains(PRESENTING) || mainSplit.getHeight() <= 0) {
            diagramScrollController.foldNote(false);
            return;
        }
        double zoom = mainSplit.getLocalToSceneTransform().getMyy();
        double scale = DiagramFit.least(zoom);
        DiagramFit.Pane pane = DiagramFit.pane(presenterRoom(), diagramScrollController.heightOutside(scale, true),
                diagramScrollController.heightOutside(scale, false), zoom);
        diagramScrollController.foldNote(!pane.note());
        double size = mainSplit.getHeight() - mainSplit.snappedTopInset() - mainSplit.snappedBottomInset();
        double divider = size - presenterRoom();
        double position = 1 - (pane.least() + divider / 2) / size;
        if (pane.least() > 0 && position < mainSplit.getDividerPositions()[0]) {
            mainSplit.setDividerPosition(0, position);
        }
    }

    /** The height the equation pane and the diagram share (less the divider between them). */
    private double presenterRoom() {
        Node divider = mainSplit.lookup(".split-pane-divider");  // as thick as it is wide, whichever way it lies
        return mainSplit.getHeight() - mainSplit.snappedTopInset() - mainSplit.snappedBottomInset()
                - (divider == null ? 0 : divider.prefWidth(-1));
    }

    /**
     * In presenter mode the divider above the diagram can be dragged: pressing it lets the equation pane's height
     * go (within {@link PresenterSplit#least} and {@link PresenterSplit#most}), and where it is released is kept
     * for the session; a double click gives the height back to the fitting.
     */
    private void dragPresenterDivider() {
        mainSplit.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            if (root.getStyleClass().contains(PRESENTING) && onDivider(e) && e.getButton() == MouseButton.PRIMARY) {
                dragging = true;
                double room = presenterRoom();
                double h = equationPane.getHeight();
                // the split pane places its divider by position: first where the pane is now, then let it go
                mainSplit.setDividerPosition(0, (mainSplit.snappedTopInset() + h) / mainSplit.getHeight());
                equationPane.setMinHeight(Math.min(h, PresenterSplit.least(room)));
                equationPane.setMaxHeight(Math.max(h, PresenterSplit.most(room)));
            }
        });
        mainSplit.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> {
            if (dragging) {
                dragging = false;
                presenterSplit.dragTo(equationPane.getHeight(), presenterRoom());
                fitPresenter();
            }
        });
        mainSplit.addEventFilter(MouseEvent.MOUSE_CLICKED, e -> {
            if (root.getStyleClass().contains(PRESENTING) && onDivider(e) && e.getClickCount() == 2) {
                presenterSplit.fit();
                fitPresenter();
            }
        });
    }

    /** Whether a mouse event is on the divider between the equation pane and the rest. */
    private boolean onDivider(MouseEvent e) {
        for (Node n = e.getTarget() instanceof Node t ? t : null; n != null && n != mainSplit; n = n.getParent()) {
            if (n.getStyleClass().contains("split-pane-divider")) {
                return n.getParent() == mainSplit;
            }
        }
        return false;
    }

    /** The style class of the tab in presenter mode (debugger.css enlarges the numbers under it). */
    static final String PRESENTING = "presenting";

    // ------------------------------------------------------------------------------------------------ side panel

    /**
     * Whether the side panel (set-up, breakpoints, watches, value editor) shows: the Side panel button in the
     * status line sets it, and so may the main window (it folds the panel beside a docked lesson when the tab is
     * narrow). Presenter mode hides the panel whatever this says.
     */
    public BooleanProperty sidePanelShownProperty() {
        return sidePanelShown;
    }

    /** The tab's width in layout pixels (the window's divided by the zoom, less a docked lesson). */
    public ReadOnlyDoubleProperty widthProperty() {
        return root.widthProperty();
    }

    private void placeSidePanel() {
        boolean on = sidePanelShown.get() && !root.getStyleClass().contains(PRESENTING);
        if ((root.getLeft() != null) != on) {
            root.setLeft(on ? sidePanel : null);
        }
    }

    // ------------------------------------------------------------------------------------------------ menu

    void focusJump() {
        toolbarController.focusJump();
    }

    void focusBreakpoint() {
        sidePanelShown.set(true);
        breakpointPaneController.focus();
    }

    void focusWatch() {
        sidePanelShown.set(true);
        watchPaneController.focus();
    }

    /** Debug ▸ Open Model File…: asks for a model file and shows it. */
    void openModelFile() {
        setupPaneController.chooseModelFile();
    }

    // ------------------------------------------------------------------------------------------------ wiring

    public DebuggerViewModel viewModel() {
        return vm;
    }

    /** Debug ▸ Export Trace…: asks where, then writes the trace on show (CSV, JSON or safetensors by extension). */
    void exportTrace() {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle(resources.getString("debugger.chooser.trace"));
        chooser.getExtensionFilters().addAll(
                new javafx.stage.FileChooser.ExtensionFilter(resources.getString("debugger.chooser.trace.csv"),
                        "*.csv"),
                new javafx.stage.FileChooser.ExtensionFilter("JSON", "*.json"),
                new javafx.stage.FileChooser.ExtensionFilter("safetensors", "*.safetensors"));
        java.io.File file = chooser.showSaveDialog(root.getScene() == null ? null : root.getScene().getWindow());
        if (file != null) {
            vm.exportTrace(file.toPath());
        }
    }

    /** The Debug menu for the main window's menu bar. */
    public Menu menu() {
        return menu;
    }

    /**
     * Disables the Debug menu while {@code elsewhere} holds (another tab is on show), and each of its items whose
     * action cannot run now (Pause while nothing runs, Undo and Redo with nothing to undo or redo).
     */
    public void disableMenuWhile(javafx.beans.value.ObservableBooleanValue elsewhere) {
        DebuggerMenu.disableWhile(menu, elsewhere, vm);
    }

    /**
     * Stops this view's frames and its set-up panel's answers to the view model's requests; the view model carries on
     * (the main window is rebuilding its views).
     */
    public void detach() {
        timer.stop();
        setupPaneController.detach();
    }

    public void shutdown() {
        timer.stop();
        vm.shutdown();
    }
}
