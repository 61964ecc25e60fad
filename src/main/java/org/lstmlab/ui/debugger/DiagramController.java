package org.lstmlab.ui.debugger;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.trace.Direction;
import org.lstmlab.engine.trace.Equation;
import org.lstmlab.engine.trace.Trace;
import org.lstmlab.ui.common.I18n;
import org.lstmlab.ui.common.LayoutRoot;

/**
 * DiagramPane.fxml: the main cell's diagram at the cursor (values of the followed unit, the current equation's wires
 * lit) and the cells beside it. They are not shrunk below the zoom's size while the pane is as wide as one of
 * them, so that their numbers stay readable: side by side while they fit, stacked (and scrolled) when they do not.
 * A narrower pane (beside a lesson) shrinks them all to its width rather than cut them off, unless zoomed in. In
 * presenter mode the main diagram grows to fill its pane.
 */
public final class DiagramController {
    @FXML private ResourceBundle resources;
    @FXML private ScrollPane root;
    @FXML private FlowPane diagramBox;

    private final CellDiagram diagram = new CellDiagram();
    private final Label diagramTitle = new Label();
    private final Label orderNote = new Label();
    private final List<CompanionView> companionViews = new ArrayList<>();
    private DebuggerViewModel vm;
    private boolean presenting;
    /** Whether the note on the gates' order went to the title's tooltip ({@link DiagramFit#pane}). */
    private boolean noteFolded;
    private final javafx.scene.control.Tooltip noteTip = new javafx.scene.control.Tooltip();
    private CellType explained;
    private Explainer explainer;

    void attach(DebuggerViewModel model) {
        vm = model;
        diagramTitle.getStyleClass().add("companion-title");
        diagramTitle.setId("diagram-title");
        diagram.setGradientTag(resources.getString("debugger.diagram.gradientTag"));
        orderNote.setId("diagram-order");
        orderNote.getStyleClass().add("diagram-note");
        orderNote.setWrapText(true);
        orderNote.setText(resources.getString("debugger.diagram.order"));
        noteTip.setText(orderNote.getText());
        noteTip.setWrapText(true);
        noteTip.setMaxWidth(420);
        orderNote.maxWidthProperty().bind(diagram.prefWidthProperty());
        orderNote.managedProperty().bind(orderNote.visibleProperty());
        diagramTitle.setWrapText(true);
        diagramTitle.managedProperty().bind(diagramTitle.visibleProperty());
        diagramTitle.maxWidthProperty().bind(diagram.prefWidthProperty());
        // layout roots: the drawing's new values at each step lay out the drawing alone, and the group (which
        // takes the scaled size) passes on only a change of its size, not every change inside it; else each step
        // would lay out the panes up to the window, and the scroll pane would measure the whole drawing again
        diagramBox.getChildren().add(new LayoutRoot(new Group(new VBox(2, diagramTitle, orderNote,
                new LayoutRoot(diagram)))));
        root.viewportBoundsProperty().addListener((o, a, b) -> fit());
        // for slides: a right click, or the menu key once Tab has reached the diagram, saves or copies its picture
        diagram.setFocusTraversable(true);
        org.lstmlab.ui.common.PngSaving.menuOnRequest(diagram, root, n -> vm.trace() == null ? null
                : SlideMenus.diagram(resources, diagram, null));
        vm.resultProperty().addListener((o, a, r) -> {
            if (r != null) {
                if (r.trace().cell() != explained) {
                    diagram.setCell(r.trace().cell());
                    explainParts(r.trace().cell());
                }
                showNote();
            }
        });
        vm.revisionProperty().addListener((o, a, b) -> show());
        vm.companions().addListener((ListChangeListener<Companion>) ch -> rebuildCompanions());
        vm.highlights().partProperty().addListener((o, a, id) -> diagram.mark(id));
    }

    private void show() {
        Trace tr = vm.trace();
        Cursor c = vm.cursor();
        if (tr == null || c == null) {
            return;
        }
        Equation eq = vm.equations().get(c.equation());
        boolean animate = !vm.stepper().runningProperty().get() || vm.stepper().speedProperty().get() < 15;
        diagram.update(eq.id(), c.direction(), vm.unitProperty().get(), (sym, u) -> {
            double[] v = vm.visible(sym, c.layer());
            return v == null ? null : v[Math.min(u, v.length - 1)];
        }, animate);
        diagram.mark(vm.highlights().partProperty().get());
        for (CompanionView cv : companionViews) {
            cv.update(c, vm.unitProperty().get());
        }
        String title = title(resources, tr.cell(), c, vm.unitProperty().get(), presenting);
        diagramTitle.setText(title == null ? "" : title);
        if (diagramTitle.isVisible() != (title != null)) {
            diagramTitle.setVisible(title != null);
            fit();  // the title's height counts
        }
    }

    /**
     * "LSTM: layer 0, unit 3, t = 5", and in backward mode that the numbers are gradients ∂L/∂…; null in presenter
     * mode (its heading says Backward and names the gradient, and a tag in the drawing's corner says that the numbers
     * are gradients; a caption takes the height PresenterFitUiTest's docked lesson leaves the equations).
     */
    static String title(ResourceBundle i18n, CellType cell, Cursor c, int unit, boolean presenting) {
        boolean forward = c.direction() == Direction.FORWARD;
        if (presenting) {
            return null;
        }
        return I18n.format(i18n, forward ? "debugger.diagram.title" : "debugger.diagram.titleBackward",
                i18n.getString("debugger.cell." + cell.name()), c.layer(), unit, c.t() + 1);
    }

    private void rebuildCompanions() {
        diagramBox.getChildren().remove(1, diagramBox.getChildren().size());
        companionViews.clear();
        for (Companion c : vm.companions()) {
            CompanionView cv = new CompanionView(c, resources);
            c.resultProperty().addListener((o, a, b) -> cv.update(vm.cursor(), vm.unitProperty().get()));
            // the same slide menu as the main diagram's, for this cell's drawing, named after the cell
            cv.diagram().setFocusTraversable(true);
            org.lstmlab.ui.common.PngSaving.menuOnRequest(cv.diagram(), root, n -> c.resultProperty().get() == null
                    ? null : SlideMenus.diagram(resources, cv.diagram(), c.cell()));
            companionViews.add(cv);
            diagramBox.getChildren().add(new Group(cv));
        }
        fit();
    }

    /**
     * Every gate and state of the drawing explains itself when hovered: what it does, what its value at the cursor
     * means, where it comes from (in backward mode, its gradient).
     */
    private void explainParts(CellType cell) {
        explained = cell;
        if (explainer == null) {
            explainer = new Explainer(resources);
        }
        for (DiagramLayout.Node n : DiagramLayout.of(cell).nodes) {
            Node drawn = diagram.lookup("#node-" + n.id());
            if (drawn == null || (n.symbol() == null && n.gradient() == null)) {
                continue;
            }
            ExplanationTip.install(drawn, () -> {
                Cursor c = vm.cursor();
                if (c == null || vm.trace() == null) {
                    return null;
                }
                String sym = c.direction() == Direction.FORWARD ? n.symbol() : n.gradient();
                if (sym == null) {
                    return null;
                }
                double[] v = vm.visible(sym, c.layer());
                Double value = v == null || v.length == 0 ? null : v[Math.min(vm.unitProperty().get(), v.length - 1)];
                return explainer.symbol(vm.trace().cell(), sym, value);
            });
        }
    }

    /**
     * Presenter mode: the main diagram, drawn with room for large numbers, fills the pane (and the note on the
     * gates' order goes).
     */
    void setPresenting(boolean on) {
        presenting = on;
        showNote();
        diagram.setPresenting(on);
        if (explained != null) {
            explainParts(explained);  // the drawing was made again
        }
        show();
        fit();
    }

    /** Whether the note on the gates' order is for this cell (an LSTM's) outside presenter mode. */
    private boolean noteWanted() {
        return !presenting && vm.trace() != null && vm.trace().cell().hasCellState();
    }

    /** The note on the gates' order under the title, or in the title's tooltip where it is folded. */
    private void showNote() {
        orderNote.setVisible(noteWanted() && !noteFolded);
        diagramTitle.setTooltip(noteWanted() && noteFolded ? noteTip : null);
    }

    /** Folds the note on the gates' order into the title's tooltip, or unfolds it ({@link DiagramFit#pane}). */
    void foldNote(boolean fold) {
        if (fold != noteFolded) {
            noteFolded = fold;
            showNote();
        }
    }

    /**
     * The height the pane needs outside presenter mode for the main diagram alone drawn at {@code scale} (in the
     * pane's pixels), with the note on the gates' order under its title ({@code withNote}, where the cell has it) or
     * without; 0 with cells beside (they stack, and the pane scrolls), and in a pane too narrow for it at that scale
     * (beside a lesson at 200 %: there it keeps its size and scrolls, and more height would not help).
     */
    double heightOutside(double scale, boolean withNote) {
        Node first = scaled(diagramBox.getChildren().get(0));
        if (diagramBox.getChildren().size() != 1
                || root.getViewportBounds().getWidth() - MARGIN < first.prefWidth(-1) * scale) {
            return 0;
        }
        double w = diagram.prefWidth(-1);
        double h = diagramTitle.prefHeight(w) + diagram.prefHeight(-1) + 2;
        if (withNote && noteWanted()) {
            h += orderNote.prefHeight(w) + 2;
        }
        return Math.ceil(h * scale) + 1 + MARGIN + root.snappedTopInset() + root.snappedBottomInset();
    }

    /** The main diagram's bounds with its captions before it is scaled: they change with the cell and the captions. */
    javafx.beans.value.ObservableValue<javafx.geometry.Bounds> ownBounds() {
        return scaled(diagramBox.getChildren().get(0)).layoutBoundsProperty();
    }

    /**
     * The diagrams' scale ({@link DiagramFit}): the main cell alone fits its pane; cells beside it wrap, and shrink
     * to the pane's width if it is narrower than the widest of them.
     */
    private void fit() {
        Node first = scaled(diagramBox.getChildren().get(0));
        double zoom = zoom();
        double scale = scale(first, zoom);
        if (!presenting && captions(scale)) {
            first.applyCss();
            scale = scale(first, zoom);  // the captions' new height counts
            captions(scale);
        }
        for (Node shown : diagramBox.getChildren()) {
            Node inner = scaled(shown);
            inner.setScaleX(scale);
            inner.setScaleY(scale);
        }
        diagram.setValueSize(presenting ? DiagramFit.presenterNumber(scale, zoom) : DiagramFit.number(scale));
        diagram.setGateNameScale(presenting ? 1 : DiagramFit.gateName(scale, CellDiagram.LABEL_SIZE));
        for (CompanionView cv : companionViews) {
            cv.setValueSize(DiagramFit.number(scale));
            cv.setGateNameScale(DiagramFit.gateName(scale, CellDiagram.LABEL_SIZE));
            cv.setTitleSize(presenting ? 0 : DiagramFit.caption(scale, DiagramFit.STYLE_TITLE, DiagramFit.TITLE));
        }
    }

    private double scale(Node first, double zoom) {
        double widest = diagramBox.getChildren().stream().mapToDouble(n -> scaled(n).prefWidth(-1)).max().orElse(0);
        return DiagramFit.scale(root.getViewportBounds().getWidth() - MARGIN,
                root.getViewportBounds().getHeight() - MARGIN, widest, first.prefHeight(-1),
                diagramBox.getChildren().size() == 1, presenting, zoom);
    }

    /**
     * The title and the note above the main diagram keep a readable size on the screen when it shrinks
     * ({@link DiagramFit#caption}); whether their size changed.
     */
    private boolean captions(double scale) {
        String title = size(DiagramFit.caption(scale, DiagramFit.STYLE_TITLE, DiagramFit.TITLE));
        String note = size(DiagramFit.caption(scale, DiagramFit.STYLE_NOTE, DiagramFit.NUMBER));
        boolean changed = !title.equals(diagramTitle.getStyle()) || !note.equals(orderNote.getStyle());
        diagramTitle.setStyle(title);
        orderNote.setStyle(note);
        return changed;
    }

    private static String size(double px) {
        return String.format(Locale.ROOT, "-fx-font-size: %.2fpx;", px);
    }

    /** The room the diagrams leave around them in the pane: the flow's padding and a little. */
    private static final double MARGIN = 12;

    /** How much the pane is enlarged on the screen (the zoom): 1.5 at 150 %. */
    private double zoom() {
        double z = root.getLocalToSceneTransform().getMyy();
        return z > 0 ? z : 1;
    }

    /**
     * The height the pane needs in presenter mode for the main diagram at {@code scale} on the screen, with the
     * margin around it.
     */
    double heightAt(double scale) {
        Node first = scaled(diagramBox.getChildren().get(0));
        return first.prefHeight(-1) * scale / zoom() + MARGIN + root.snappedTopInset() + root.snappedBottomInset();
    }

    /** What is scaled in a child of the flow: the node in its group (the main diagram's group in a layout root). */
    private static Node scaled(Node shown) {
        Node group = shown instanceof LayoutRoot r ? r.getChildren().get(0) : shown;
        return ((Group) group).getChildren().get(0);
    }
}
