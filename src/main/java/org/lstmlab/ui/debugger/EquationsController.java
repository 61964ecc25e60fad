package org.lstmlab.ui.debugger;

import java.util.List;
import java.util.ResourceBundle;

import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.lstmlab.engine.trace.Equation;
import org.lstmlab.engine.trace.Trace;

/**
 * EquationPane.fxml: where the cursor stands, the "Follow unit" field, the cell's equations with the current one
 * highlighted, and the current equation with its numbers (the substitution).
 */
public final class EquationsController {
    /** A vertical scroll bar's width and a little: the lines are broken as if it showed, so it never moves them. */
    private static final double SCROLL_BAR = 18;
    @FXML private ResourceBundle resources;
    /** The header over the scrolling equations, outside presenter mode; the scrolling part alone in it. */
    @FXML private VBox root;
    @FXML private javafx.scene.control.ScrollPane scroll;
    @FXML private VBox equationBox;
    @FXML private javafx.scene.layout.HBox header;
    @FXML private PositionLabel positionLabel;
    @FXML private TextField unitField;
    @FXML private Label unitError;

    private final EquationPanel equations = new EquationPanel();
    private DebuggerViewModel vm;
    private SubstitutionView substitution;
    private List<Equation> shownEquations = List.of();
    /** The equation last scrolled into view, and the list it was in. */
    private int revealed = -1;
    private List<Equation> revealedIn = List.of();
    private boolean presenting;
    /** How far down its content presenter mode shows the pane ({@link EquationCut#top}). */
    private double presenterTop;

    void attach(DebuggerViewModel model) {
        vm = model;
        substitution = new SubstitutionView(vm.moves()::followUnit, vm::pickWeight, this::fullVector);
        equationBox.getChildren().addAll(equations, substitution);
        Explainer explainer = new Explainer(resources);
        equations.setMenus((eq, isCurrent) -> SlideMenus.equation(resources, equations, eq,
                isCurrent ? EquationCopies.withNumbers(vm.substitutionProperty().get()) : null));
        equations.setExplanations(eq -> vm.trace() == null || vm.cursor() == null ? null
                : explainer.equation(vm.trace().cell(), eq, current(eq.output())));
        positionLabel.textProperty().bind(vm.fields().positionProperty());
        unitField.textProperty().bindBidirectional(vm.fields().unitTextProperty());
        unitError.textProperty().bind(vm.fields().unitErrorProperty());
        vm.revisionProperty().addListener((o, a, b) -> show());
        vm.highlights().equationProperty().addListener((o, a, id) -> equations.mark(id));
        scroll.widthProperty().addListener((o, a, b) -> textWidth());
        scroll.localToSceneTransformProperty().addListener((o, a, b) -> textWidth());
        scroll.viewportBoundsProperty().addListener((o, a, b) -> {
            showTop();
            if (!presenting && Math.abs(a.getHeight() - b.getHeight()) > 0.5) {
                revealCurrent();   // the pane grew lower (the header took another line): the current row in view
            }
        });

        equationBox.heightProperty().addListener((o, a, b) -> showTop());
        // in presenter mode, inside the scrolling content: the header stays in view when wide equations (zoomed
        // in) make the pane scroll sideways; over it, as wide as the pane
        header.maxWidthProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> header.getParent() != equationBox ? Double.MAX_VALUE : scroll.getViewportBounds().getWidth()
                        - equationBox.snappedLeftInset() - equationBox.snappedRightInset(),
                scroll.viewportBoundsProperty(), equationBox.paddingProperty(), header.parentProperty()));
        equationBox.paddingProperty().addListener((o, a, b) -> textWidth());
        substitution.paddingProperty().addListener((o, a, b) -> textWidth());
    }

    /**
     * The width the substitution's text has: the pane's, less the scroll bar's and the paddings around the text; and
     * the width presenter mode's heading has, at the zoom the pane is seen at.
     */
    private void textWidth() {
        double inside = scroll.getWidth() - scroll.snappedLeftInset() - scroll.snappedRightInset() - SCROLL_BAR
                - equationBox.snappedLeftInset() - equationBox.snappedRightInset();
        substitution.setTextWidth(inside - substitution.snappedLeftInset() - substitution.snappedRightInset());
        equations.setHeadingRoom(inside, scroll.getLocalToSceneTransform().getMxx());
    }

    /**
     * The height the pane needs to show the whole equation with its numbers (at its width now); in presenter mode,
     * when the header is inside the scrolling content, as this method and the next two count it.
     */
    double wantedHeight() {
        return equationBox.prefHeight(equationBox.getWidth() > 0 ? equationBox.getWidth() : -1)
                + scroll.snappedTopInset() + scroll.snappedBottomInset();
    }

    /**
     * The height the pane needs to show the equation down to its result line and the vectors it reads (presenter
     * mode shows those first): the rows above the substitution and those of its lines.
     */
    double neededHeight() {
        double w = equationBox.getWidth() > 0 ? equationBox.getWidth() : -1;
        double h = equationBox.snappedTopInset() + equationBox.snappedBottomInset() + scroll.snappedTopInset()
                + scroll.snappedBottomInset();
        for (javafx.scene.Node n : equationBox.getChildren()) {
            if (n == substitution) {
                return h + substitution.essentialHeight();
            }
            if (n.isManaged()) {
                h += n.prefHeight(w) + equationBox.getSpacing();
            }
        }
        return h;
    }

    /**
     * The bottoms of the pane's lines as its content's preferred heights place them, from the pane's top and with its
     * insets: the rows above the substitution, then each of its lines; {@code must[0]} gets the bottom of the
     * equation's result (its heading and its {@link Substitution.Part#FORMULA} lines), {@code must[1]} the top of
     * its heading in the content.
     */
    double[] lineBottoms(double[] must) {
        double w = equationBox.getWidth() > 0 ? equationBox.getWidth() : -1;
        double insets = scroll.snappedTopInset() + scroll.snappedBottomInset() + sideBar();
        double y = equationBox.snappedTopInset();
        java.util.List<Double> out = new java.util.ArrayList<>();
        for (javafx.scene.Node n : equationBox.getChildren()) {
            if (n == substitution) {
                int[] results = new int[1];
                double[] lines = substitution.lineBottoms(results);
                must[0] = (results[0] == 0 ? y : y + lines[results[0] - 1]) + insets;
                for (double b : lines) {
                    out.add(y + b + insets);
                }
                break;
            }
            if (n == equations) {
                must[1] = y;
            }
            if (n.isManaged()) {
                y += n.prefHeight(w);
                out.add(y + insets);
                y += equationBox.getSpacing();
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The height of the pane's horizontal scroll bar while it shows (a wide heading zoomed in), else 0. */
    private double sideBar() {
        for (javafx.scene.Node n : scroll.lookupAll(".scroll-bar")) {
            if (n instanceof javafx.scene.control.ScrollBar bar && bar.isVisible()
                    && bar.getOrientation() == javafx.geometry.Orientation.HORIZONTAL) {
                return bar.prefHeight(-1);
            }
        }
        return 0;
    }

    /** Presenter mode's smaller numbers, 0 for none ({@link EquationCut#compact}). */
    void setCompact(int level) {
        substitution.setCompact(level);
    }

    /** Presenter mode shows the pane from {@code top} down its content (the equation's heading, then its result). */
    void scrollTo(double top) {
        presenterTop = top;
        showTop();
    }

    private void showTop() {
        double range = equationBox.getHeight() - scroll.getViewportBounds().getHeight();
        if (presenting) {
            double v = range > 0 && presenterTop > 0 ? Math.min(1, presenterTop / range) : 0;
            scroll.setVvalue(scroll.getVmin() + v * (scroll.getVmax() - scroll.getVmin()));
        }
    }

    /** The height of what the pane shows (it changes when the equation needs more room). */
    javafx.beans.property.ReadOnlyDoubleProperty contentHeight() {
        return equationBox.heightProperty();
    }

    private void show() {
        Cursor c = vm.cursor();
        if (vm.trace() == null || c == null) {
            return;
        }
        List<Equation> eqs = vm.equations();
        if (!eqs.equals(shownEquations)) {
            substitution.forgetHeight();  // another cell or direction: its own tallest substitution counts
            shownEquations = eqs;
        }
        equations.show(eqs, id -> resources.getString("debugger.eq." + id), vm.moves()::goToEquation);
        equations.highlight(c.equation());
        equations.mark(vm.highlights().equationProperty().get());
        substitution.show(vm.substitutionProperty().get());
        showTop();
        if (!presenting && (c.equation() != revealed || eqs != revealedIn)) {   // presenting: the one row on top
            revealed = c.equation();
            revealedIn = eqs;
            // the current equation stays in view as the cursor walks down the list (nine rows backward), as an
            // IDE's current line does
            revealCurrent();
        }
    }

    /** After this pulse's layout, scrolls the current row into view, moving the pane as little as it can. */
    private void revealCurrent() {
        javafx.application.Platform.runLater(() -> {
            javafx.scene.Node row = equations.currentRow();
            if (row != null && row.isVisible() && scroll.getScene() != null) {
                FollowFocus.reveal(scroll, row);
            }
        });
    }

    void setPresenting(boolean on) {
        presenting = on;
        revealed = -1;
        // presenter mode fits and scrolls the header with the equation under it; else it stands over the scrolling
        javafx.scene.layout.Pane into = on ? equationBox : root;
        if (header.getParent() != into) {
            into.getChildren().add(0, header);
        }
        equations.setPresenting(on);
        substitution.setPresenting(on);
        textWidth();
        showTop();
    }

    @FXML
    private void onUnit() {
        vm.moves().followUnit(unitField.getText());
    }

    /** The followed unit's value of {@code symbol} at the cursor, or null when it is not computed yet. */
    private Double current(String symbol) {
        double[] v = vm.visible(symbol, vm.cursor().layer());
        return v == null || v.length == 0 ? null : v[Math.min(vm.unitProperty().get(), v.length - 1)];
    }

    private String fullVector(String symbol) {
        Cursor c = vm.cursor();
        Trace tr = vm.trace();
        if (c == null || tr == null || !SubstitutionBuilder.readable(tr, symbol)) {
            return null;
        }
        return ValueText.of(org.lstmlab.engine.trace.expr.Value.vector(tr.vector(symbol, c.layer(), c.t(), 0)),
                vm.unitProperty().get());
    }
}
