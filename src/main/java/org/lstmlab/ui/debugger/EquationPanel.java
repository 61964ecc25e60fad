package org.lstmlab.ui.debugger;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.lstmlab.engine.trace.Equation;
import org.lstmlab.ui.common.LatexView;
import org.lstmlab.ui.common.StyleClasses;

/**
 * The cell's equations rendered as mathematics, one row each with its name; the current one highlighted (style
 * class {@code current}). Clicking a row asks to go to that equation.
 */
final class EquationPanel extends VBox {
    static final String LESSON = "lesson-highlight";
    private final List<HBox> rows = new ArrayList<>();
    private List<Equation> shown = List.of();
    private java.util.function.Function<String, String> names;
    private Consumer<Integer> onClick;
    /** Presenter mode: the current equation alone, larger. */
    private boolean presenting;
    private int current = -1;
    private java.util.function.Function<Equation, Explainer.Explanation> explain;

    EquationPanel() {
        getStyleClass().add("equation-panel");
        setSpacing(0);
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
        getChildren().clear();
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
            row.setOnMouseClicked(ev -> onClick.accept(index));
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

    void highlight(int index) {
        current = index;
        for (int k = 0; k < rows.size(); k++) {
            StyleClasses.set(rows.get(k), "current", k == index);
            boolean visible = !presenting || k == index;
            rows.get(k).setVisible(visible);
            rows.get(k).setManaged(visible);
        }
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
