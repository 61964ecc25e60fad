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
    @FXML private ResourceBundle resources;
    @FXML private VBox equationBox;
    @FXML private Label positionLabel;
    @FXML private TextField unitField;
    @FXML private Label unitError;

    private final EquationPanel equations = new EquationPanel();
    private DebuggerViewModel vm;
    private SubstitutionView substitution;

    void attach(DebuggerViewModel model) {
        vm = model;
        substitution = new SubstitutionView(vm::followUnit, vm::pickWeight, this::fullVector);
        equationBox.getChildren().addAll(equations, substitution);
        Explainer explainer = new Explainer(resources);
        equations.setExplanations(eq -> vm.trace() == null || vm.cursor() == null ? null
                : explainer.equation(vm.trace().cell(), eq, current(eq.output())));
        positionLabel.textProperty().bind(vm.fields().positionProperty());
        unitField.textProperty().bindBidirectional(vm.fields().unitTextProperty());
        unitError.textProperty().bind(vm.fields().unitErrorProperty());
        vm.revisionProperty().addListener((o, a, b) -> show());
        vm.highlights().equationProperty().addListener((o, a, id) -> equations.mark(id));
    }

    private void show() {
        Cursor c = vm.cursor();
        if (vm.trace() == null || c == null) {
            return;
        }
        List<Equation> eqs = vm.equations();
        equations.show(eqs, id -> resources.getString("debugger.eq." + id), vm::goToEquation);
        equations.highlight(c.equation());
        equations.mark(vm.highlights().equationProperty().get());
        substitution.show(vm.substitutionProperty().get());
    }

    void setPresenting(boolean on) {
        equations.setPresenting(on);
    }

    @FXML
    private void onUnit() {
        vm.followUnit(unitField.getText());
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
