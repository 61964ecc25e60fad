package org.lstmlab.ui.debugger;

import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.function.Consumer;

import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.lstmlab.engine.trace.Direction;
import org.lstmlab.engine.trace.Equation;
import org.lstmlab.engine.trace.Trace;
import org.lstmlab.ui.common.I18n;
import org.lstmlab.ui.common.Palette;

/**
 * The drawn parts of the Debugger tab and how they follow the view model: the equation list and its substitution,
 * the cell diagram with the cells beside it, the heatmaps, the bars and the gradient plot. {@link #showTrace} runs
 * once per new trace, {@link #showStep} once per step; neither computes anything.
 */
final class StepViews {
    private final DebuggerViewModel vm;
    private final ResourceBundle resources;
    private final EquationPanel equations = new EquationPanel();
    private final SubstitutionView substitution;
    private final CellDiagram diagram = new CellDiagram();
    private final Label diagramTitle = new Label();
    private final List<CompanionView> companionViews = new ArrayList<>();
    private final HeatmapPane heatmaps;
    private final GradientPlot gradients = new GradientPlot();
    private final VectorBars bars;
    private HBox diagramBox;
    private ScrollPane diagramScroll;
    private SplitPane bottomSplit;
    private Tab barsTab;

    StepViews(DebuggerViewModel vm, ResourceBundle resources, Consumer<Integer> followUnit,
              Consumer<Substitution.Token> editWeight) {
        this.vm = vm;
        this.resources = resources;
        this.substitution = new SubstitutionView(followUnit, editWeight, this::fullVector);
        this.heatmaps = new HeatmapPane((t, u) -> {
            vm.stepper().jumpTo(Integer.toString(t + 1));
            followUnit.accept(u);
        }, k -> I18n.format(resources, "debugger.layer", k));
        this.bars = new VectorBars();
        diagramTitle.getStyleClass().add("companion-title");
    }

    /** Puts the parts into the containers of DebuggerView.fxml. */
    void place(VBox equationBox, HBox diagramBox, ScrollPane diagramScroll, SplitPane bottomSplit,
               ScrollPane heatmapScroll, ScrollPane barsScroll, Tab barsTab, BorderPane gradientBox) {
        this.diagramBox = diagramBox;
        this.diagramScroll = diagramScroll;
        this.bottomSplit = bottomSplit;
        this.barsTab = barsTab;
        equationBox.getChildren().addAll(equations, substitution);
        diagramBox.getChildren().add(new Group(new VBox(2, diagramTitle, diagram)));
        diagramScroll.viewportBoundsProperty().addListener((o, a, b) -> fitDiagrams());
        heatmapScroll.setContent(heatmaps);
        barsScroll.setContent(bars);
        barsScroll.setFitToWidth(true);
        barsTab.selectedProperty().addListener((o, a, on) -> drawBars());
        gradientBox.setCenter(gradients);
    }

    /** A new trace: the diagram's cell, the heatmaps and the gradient curves. */
    void showTrace(TraceJob.Result r) {
        diagram.setCell(r.trace().cell());
        heatmaps.show(r.digest());
        updateGradients();
    }

    /** A step: highlight, substitution, diagram values and wires, markers. */
    void showStep() {
        Trace tr = vm.trace();
        Cursor c = vm.cursor();
        List<Equation> eqs = vm.equations();
        equations.show(eqs, id -> resources.getString("debugger.eq." + id), this::goToEquation);
        equations.highlight(c.equation());
        Equation eq = eqs.get(c.equation());
        substitution.show(vm.substitutionProperty().get(), eq.id());
        boolean forward = c.direction() == Direction.FORWARD;
        boolean animate = !vm.stepper().runningProperty().get() || vm.stepper().speedProperty().get() < 15;
        diagram.update(eq.id(), c.direction(), vm.unitProperty().get(), (sym, u) -> {
            double[] v = vm.visible(sym, c.layer());
            return v == null ? null : v[Math.min(u, v.length - 1)];
        }, animate);
        for (CompanionView cv : companionViews) {
            cv.update(c, vm.unitProperty().get());
        }
        String cellName = resources.getString("debugger.cell." + tr.cell().name());
        diagramTitle.setText(forward ? cellName : I18n.format(resources, "debugger.diagram.backward", cellName));
        heatmaps.mark(c.t(), c.layer(), forward);
        drawBars();
        gradients.mark(c.t());
    }

    private void goToEquation(int index) {
        Cursor c = vm.cursor();
        Navigator nav = vm.stepper().navigator();
        if (c != null && nav != null) {
            int steps = nav.index(new Cursor(c.direction(), c.t(), c.layer(), index)) - nav.index(c);
            for (int k = 0; k < Math.abs(steps); k++) {
                if (steps > 0) {
                    vm.stepper().stepInto();
                } else {
                    vm.stepper().stepBack();
                }
            }
        }
    }

    /** Draws the bars of the current vectors, only while their tab is showing. */
    void drawBars() {
        Trace tr = vm.trace();
        Cursor c = vm.cursor();
        if (tr == null || c == null || !barsTab.isSelected()) {
            return;
        }
        List<String> rows = c.direction() == Direction.FORWARD ? TraceJob.heatmapSymbols(tr.cell()) : gradientRows(tr);
        bars.show(rows, sym -> vm.visible(sym, c.layer()), vm.unitProperty().get());
    }

    /** The gradients drawn as bars in backward mode. */
    private static List<String> gradientRows(Trace tr) {
        return switch (tr.cell()) {
            case LSTM, LSTM_SQUASHED_CELL, LSTM_TANH_INPUT -> List.of("dh", "da_o", "dc", "da_f", "da_i", "da_g", "dc_prev", "dh_prev");
            case GRU -> List.of("dh", "dn", "da_n", "dz", "da_z", "dr", "da_r", "dh_prev");
            default -> List.of("dh", "da", "dh_prev");
        };
    }

    void updateGradients() {
        TraceJob.Result r = vm.resultProperty().get();
        if (r == null) {
            return;
        }
        List<GradientPlot.Curve> curves = new ArrayList<>();
        String cellName = resources.getString("debugger.cell." + r.trace().cell().name());
        for (int k = 0; k < r.digest().dhNorms().size(); k++) {
            curves.add(new GradientPlot.Curve(cellName + " ‖δh‖ l" + k, r.digest().dhNorms().get(k),
                    Palette.of(Palette.Role.HIDDEN), k > 0));
            double[] dc = r.digest().dcNorms().get(k);
            if (dc != null) {
                curves.add(new GradientPlot.Curve(cellName + " ‖δc‖ l" + k, dc, Palette.of(Palette.Role.CELL), k > 0));
            }
        }
        for (Companion c : vm.companions()) {
            TraceJob.Result cr = c.resultProperty().get();
            if (cr != null) {
                curves.add(new GradientPlot.Curve(resources.getString("debugger.cell." + c.cell().name()) + " ‖δh‖ l0",
                        cr.digest().dhNorms().get(0), Palette.ofCell(c.cell()), false));
            }
        }
        gradients.setCurves(curves, resources.getString("debugger.gradients.axis"));
    }

    void rebuildCompanions() {
        diagramBox.getChildren().remove(1, diagramBox.getChildren().size());
        companionViews.clear();
        for (Companion c : vm.companions()) {
            CompanionView cv = new CompanionView(c, resources);
            c.resultProperty().addListener((o, a, b) -> {
                cv.update(vm.cursor(), vm.unitProperty().get());
                updateGradients();
            });
            companionViews.add(cv);
            diagramBox.getChildren().add(new Group(cv));
        }
        if (!vm.companions().isEmpty() && bottomSplit.getDividerPositions()[0] < 0.66) {
            bottomSplit.setDividerPositions(0.66);
        }
        fitDiagrams();
        updateGradients();
    }

    /** Shrinks the diagrams so that the main cell and the cells beside it fit side by side (down to 50 %; then scroll). */
    private void fitDiagrams() {
        int n = diagramBox.getChildren().size();
        double natural = 0;
        for (javafx.scene.Node group : diagramBox.getChildren()) {
            natural += ((Group) group).getChildren().get(0).prefWidth(-1);
        }
        double width = diagramScroll.getViewportBounds().getWidth();
        double scale = width <= 0 || natural <= 0 ? 1 : Math.max(0.5, Math.min(1, (width - 12 * n) / natural));
        for (javafx.scene.Node group : diagramBox.getChildren()) {
            javafx.scene.Node inner = ((Group) group).getChildren().get(0);
            inner.setScaleX(scale);
            inner.setScaleY(scale);
        }
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
