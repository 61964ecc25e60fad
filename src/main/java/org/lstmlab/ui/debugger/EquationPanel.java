package org.lstmlab.ui.debugger;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import javafx.css.PseudoClass;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.lstmlab.engine.trace.Equation;
import org.lstmlab.ui.common.LatexView;
import org.lstmlab.ui.common.PngSaving;
import org.lstmlab.ui.common.StyleClasses;

/**
 * The cell's equations rendered as mathematics, one row each with its name; the current one highlighted. Clicking a
 * row asks to go to that equation.
 *
 * <p>The highlight is one bar behind the rows (style class {@code equation-current}), moved to the current row, and
 * the row under the pointer has another ({@code equation-hover}) under it: a step moves a bar and restyles no row
 * (a style class on a row would match its whole subtree against the style sheets again, and a border would change
 * its size and move the rows under it). The current row carries the pseudo-class {@code :current}, which no style
 * sheet uses, for lookups.
 */
final class EquationPanel extends VBox {
    static final String LESSON = "lesson-highlight";
    static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");
    /**
     * How far the current row's bar reaches above and below the row: its edge lies in the rows' padding, where a
     * border on the row itself was (which made the row taller and moved the rows under it).
     */
    private static final double OUTSET = 1;
    private final List<HBox> rows = new ArrayList<>();
    private final Region currentBar = bar("equation-current");
    private final Region hoverBar = bar("equation-hover");
    private HBox hovered;
    private List<Equation> shown = List.of();
    private java.util.function.Function<String, String> names;
    private Consumer<Integer> onClick;
    /** Presenter mode: the current equation alone, larger. */
    private boolean presenting;
    private int current = -1;
    /** The width a row may take, and the zoom it is seen at ({@link #setHeadingRoom}). */
    private double headingWidth;
    private double zoom = 1;
    private java.util.function.Function<Equation, Explainer.Explanation> explain;
    /** The right-click menu of an equation, told whether it is the current one ({@link #setMenus}). */
    private java.util.function.BiFunction<Equation, Boolean, ContextMenu> menus;

    EquationPanel() {
        getStyleClass().add("equation-panel");
        setSpacing(0);
        getChildren().addAll(hoverBar, currentBar);
        // a Tab stop: the menu key opens the current equation's menu
        setFocusTraversable(true);
        PngSaving.menuOnRequest(this, n -> menus == null || currentRow() == null ? null
                : menus.apply(shown.get(current), true));
    }

    /** The menus a right click on a row (or the menu key on the panel, for the current row) shows. */
    void setMenus(java.util.function.BiFunction<Equation, Boolean, ContextMenu> f) {
        menus = f;
    }

    /** A right click on the row shows its menu. */
    private void withMenu(HBox row, Equation e, int index) {
        PngSaving.menuOnRequest(row, n -> menus == null ? null : menus.apply(e, index == current));
    }

    /** A highlight behind the rows: unmanaged (moving it lays out nothing else), never under the pointer. */
    private static Region bar(String styleClass) {
        Region bar = new Region();
        bar.getStyleClass().add(styleClass);
        bar.setManaged(false);
        bar.setMouseTransparent(true);
        bar.setVisible(false);
        return bar;
    }

    /** The row under the pointer gets the hover bar (the current row's bar covers it). */
    private void hoverable(HBox row) {
        row.addEventHandler(MouseEvent.MOUSE_ENTERED, e -> {
            hovered = row;
            place(hoverBar, row, 0);
        });
        row.addEventHandler(MouseEvent.MOUSE_EXITED, e -> {
            if (hovered == row) {
                hovered = null;
                place(hoverBar, null, 0);
            }
        });
    }

    /** Puts a bar over a row's area, {@code outset} taller above and below, or hides it (null, or a hidden row). */
    private static void place(Region bar, HBox row, double outset) {
        boolean on = row != null && row.isVisible() && row.getParent() != null;
        if (on) {
            bar.resizeRelocate(row.getLayoutX(), row.getLayoutY() - outset, row.getWidth(),
                    row.getHeight() + 2 * outset);
        }
        if (bar.isVisible() != on) {
            bar.setVisible(on);
        }
    }

    HBox currentRow() {
        return current >= 0 && current < rows.size() ? rows.get(current) : null;
    }

    /**
     * A row takes at most {@code width} (the pane's, less its vertical scroll bar and paddings) at {@code zoom}: in
     * presenter mode the current row's formula is drawn smaller where the heading is wider ({@link HeadingFit}),
     * outside it at 100 % a wider row's name wraps first ({@link #fitRows}).
     */
    void setHeadingRoom(double width, double zoom) {
        if (width != headingWidth || zoom != this.zoom) {
            headingWidth = width;
            this.zoom = zoom;
            fitHeading();
            fitRows();
        }
    }

    /**
     * The current row's formula, smaller where presenter mode's heading would be wider than the pane (a pixel to
     * spare: the formula's size is rounded up to whole pixels).
     */
    private void fitHeading() {
        HBox row = currentRow();
        if (row == null || !(row.getChildren().get(1) instanceof LatexView math)) {
            return;
        }
        double room = headingWidth - 1 - row.snappedLeftInset() - row.snappedRightInset() - row.getSpacing()
                - row.getChildren().get(0).prefWidth(-1);
        math.setShrink(presenting && headingWidth > 0
                ? HeadingFit.scale(math.formulaWidth(), room, math.fontSize(), zoom) : 1);
    }

    /**
     * Outside presenter mode, at 100 % and below, each row wider than the pane ({@link #setHeadingRoom}) has its name
     * wrapped, then its formula drawn smaller ({@link HeadingFit#listRow}), so that the pane does not scroll
     * sideways. Zoomed in, the formulas keep their size and the pane scrolls sideways as it did, and a name longer
     * than the names' column wraps in it rather than losing its end (at 150 % beside a lesson "input gate computed
     * with t…"): the header stands over the pane now, which then shows two or three rows, not one.
     */
    private void fitRows() {
        if (presenting) {
            return;
        }
        boolean fits = headingWidth > 0 && zoom <= 1 + 1e-9;
        for (javafx.scene.Node n : getChildren()) {
            if (n instanceof HBox row && row.getChildren().size() == 2 && row.getChildren().get(0) instanceof Label name
                    && row.getChildren().get(1) instanceof LatexView math) {
                double room = headingWidth - 1 - row.snappedLeftInset() - row.snappedRightInset() - row.getSpacing();
                double line = name.prefWidth(-1);
                double[] fit = fits ? HeadingFit.listRow(line, name.minWidth(-1), math.formulaWidth(), room)
                        : new double[] {zoom > 1 + 1e-9 ? Math.min(line, name.minWidth(-1)) : line, 1};
                boolean wrap = fit[0] < line;
                name.setWrapText(wrap);
                name.setMaxWidth(wrap ? fit[0] : Double.MAX_VALUE);
                math.setShrink(fit[1]);
            }
        }
    }

    @Override
    protected void layoutChildren() {
        fitHeading();
        fitRows();
        super.layoutChildren();
        place(currentBar, currentRow(), OUTSET);
        place(hoverBar, hovered, 0);
    }

    /** Shows a list of equations (no-op if it is the list already shown). */
    void show(List<Equation> equations, java.util.function.Function<String, String> names, Consumer<Integer> onClick) {
        if (equations.equals(shown)) {
            return;
        }
        shown = equations;
        this.names = names;
        this.onClick = onClick;
        rows.clear();
        hovered = null;
        getChildren().setAll(hoverBar, currentBar);
        for (int k = 0; k < equations.size(); k++) {
            Equation e = equations.get(k);
            LatexView math = new LatexView(e.latex(), presenting ? 26f : 15f);  // sharp at any zoom
            Label name = new Label(names.apply(e.id()));
            name.getStyleClass().add("equation-name");
            HBox row = new HBox(12, name, math);
            row.getStyleClass().add("equation-row");
            row.setId("eq-" + e.id().replace('.', '-'));
            if (explain != null) {
                ExplanationTip.install(row, () -> explain.apply(e));  // words and the current value, never LaTeX
            }
            int index = k;
            row.setOnMouseClicked(ev -> {
                if (ev.getButton() == MouseButton.PRIMARY) {   // a right click opens the menu and goes nowhere
                    onClick.accept(index);
                }
            });
            withMenu(row, e, index);
            hoverable(row);
            rows.add(row);
            getChildren().add(row);
        }
        if (!presenting) {
            showWeightSums(equations, names);
        }
        highlight(current);
    }

    /**
     * Under the backward equations, how the weight gradients are formed from them: sums over every timestep, done
     * once after the sweep (not steps of their own, so not clickable).
     */
    private void showWeightSums(List<Equation> equations, java.util.function.Function<String, String> names) {
        for (org.lstmlab.engine.nn.CellType cell : org.lstmlab.engine.nn.CellType.values()) {
            if (!equations.isEmpty() && equations.equals(org.lstmlab.engine.trace.EquationCatalogue.backward(cell))) {
                Label title = new Label(names.apply("weightSums"));
                title.getStyleClass().add("equation-sums-title");
                getChildren().add(title);
                for (Equation e : org.lstmlab.engine.trace.EquationCatalogue.weightGradients(cell)) {
                    Label name = new Label(names.apply(e.id()));
                    name.getStyleClass().add("equation-name");
                    HBox row = new HBox(12, name, new LatexView(e.latex(), 15f));
                    row.getStyleClass().addAll("equation-row", "equation-sum");
                    row.setId("eq-" + e.id().replace('.', '-'));
                    withMenu(row, e, -2);   // never current
                    hoverable(row);
                    getChildren().add(row);
                }
                return;
            }
        }
    }

    /** What hovering a row explains (set before the first {@link #show}). */
    void setExplanations(java.util.function.Function<Equation, Explainer.Explanation> f) {
        explain = f;
    }

    /** Marks the row of equation {@code id} for a lesson (style class {@code lesson-highlight}); null clears. */
    void mark(String id) {
        for (HBox row : rows) {
            StyleClasses.set(row, LESSON, id != null && row.getId().equals("eq-" + id.replace('.', '-')));
        }
    }

    /** Makes row {@code index} the current one: its bar moves there (at once if the rows are laid out). */
    void highlight(int index) {
        current = index;
        for (int k = 0; k < rows.size(); k++) {
            HBox row = rows.get(k);
            row.pseudoClassStateChanged(CURRENT, k == index);
            boolean visible = !presenting || k == index;
            if (row.isVisible() != visible) {
                row.setVisible(visible);
                row.setManaged(visible);
            }
        }
        fitHeading();  // before the pane's heights are measured for this step
        place(currentBar, currentRow(), OUTSET);
    }

    /** Presenter mode shows the current equation alone, with larger mathematics; leaving shows them all again. */
    void setPresenting(boolean on) {
        if (on == presenting) {
            return;
        }
        presenting = on;
        List<Equation> eqs = shown;
        shown = List.of();
        if (!eqs.isEmpty()) {
            show(eqs, names, onClick);
        }
    }
}
