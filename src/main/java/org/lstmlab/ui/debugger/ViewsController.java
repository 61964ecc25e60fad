package org.lstmlab.ui.debugger;

import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;

import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.trace.Direction;
import org.lstmlab.engine.trace.Trace;
import org.lstmlab.ui.common.I18n;
import org.lstmlab.ui.common.Palette;
import org.lstmlab.ui.common.PngSaving;

/**
 * ViewsPane.fxml: the heatmaps of every layer, the bars of the current vectors (drawn only while their tab shows)
 * and the gradient norms over time, which come to the front when backward mode starts.
 */
public final class ViewsController {
    @FXML private ResourceBundle resources;
    @FXML private TabPane root;
    @FXML private Tab heatmapTab;
    @FXML private ScrollPane heatmapScroll;
    @FXML private ScrollPane barsScroll;
    @FXML private Tab barsTab;
    @FXML private Tab gradientTab;
    @FXML private BorderPane gradientBox;

    private final GradientPlot gradients = new GradientPlot();
    /** What each of the gradient plot's curves shows, in their order. */
    private final List<GradientSteps.Source> sources = new ArrayList<>();
    private final VectorBars bars = new VectorBars();
    private HeatmapPane heatmaps;
    private DebuggerViewModel vm;
    private Direction shownDirection = Direction.FORWARD;

    void attach(DebuggerViewModel model) {
        vm = model;
        Explainer explainer = new Explainer(resources);
        heatmaps = new HeatmapPane(vm.moves()::pick, k -> I18n.format(resources, "debugger.layer", k),
                map -> vm.trace() == null ? null : explainer.heatmap(vm.trace().cell(), map), resources);
        heatmapScroll.setContent(heatmaps);
        // a right click opens the save menu and does not also pick a step and unit
        heatmaps.addEventFilter(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() != MouseButton.PRIMARY) {
                e.consume();
            }
        });
        PngSaving.install(heatmaps, resources, "heatmaps");
        PngSaving.install(gradients, resources, "gradient-norms");
        barsScroll.setContent(bars);
        barsTab.selectedProperty().addListener((o, a, on) -> drawBars());
        gradientBox.setCenter(gradients);
        vm.resultProperty().addListener((o, a, r) -> {
            if (r != null) {
                heatmaps.show(r.digest());
                heatmaps.highlight(vm.highlights().heatmapProperty().get());
                if (root.getSelectionModel().getSelectedItem() == heatmapTab) {
                    reveal();  // the maps were made again: the marked one stays in view
                }
                updateGradients();
            }
        });
        vm.revisionProperty().addListener((o, a, b) -> show());
        vm.companions().addListener((ListChangeListener<Companion>) ch -> {
            while (ch.next()) {
                for (Companion c : ch.getAddedSubList()) {
                    c.resultProperty().addListener((obs, before, r) -> updateGradients());
                }
            }
            updateGradients();
        });
        // a heatmap a lesson points at comes to the front: its tab is selected and the pane scrolled to it
        vm.highlights().heatmapProperty().addListener((o, a, h) -> {
            heatmaps.highlight(h);
            if (heatmaps.marked() != null) {
                root.getSelectionModel().select(heatmapTab);
                reveal();
            }
        });
    }

    /**
     * Once laid out, scrolls the heatmaps until the whole marked map shows (beside a lesson the c heatmap was below
     * the view).
     */
    private void reveal() {
        javafx.application.Platform.runLater(() -> {
            javafx.scene.Node box = heatmaps.marked();
            if (box != null) {
                FollowFocus.reveal(heatmapScroll, box);
            }
        });
    }

    private void show() {
        Cursor c = vm.cursor();
        if (vm.trace() == null || c == null) {
            return;
        }
        if (c.direction() != shownDirection) {
            shownDirection = c.direction();
            if (shownDirection == Direction.BACKWARD) {
                root.getSelectionModel().select(gradientTab);
            }
        }
        heatmaps.mark(c.t(), c.layer(), c.equation(), c.direction() == Direction.FORWARD);
        drawBars();
        gradients.mark(c.t());
        veilGradients();
    }

    /**
     * The gradients are the backward pass's: none computed in forward mode; in backward mode from T back to the
     * cursor's step, in the layers below the cursor's back to the step after it ({@link GradientSteps}).
     */
    private void veilGradients() {
        Cursor c = vm.cursor();
        if (vm.trace() == null || c == null) {
            return;
        }
        boolean forward = c.direction() == Direction.FORWARD;
        int[] from = sources.isEmpty() ? new int[] {forward ? GradientSteps.NONE : c.t()}
                : sources.stream().mapToInt(s -> GradientSteps.firstComputed(s, c)).toArray();
        gradients.veil(from, resources.getString(forward ? "debugger.gradients.forward" : "debugger.gradients.notYet"));
    }

    /** Draws the bars of the current vectors, only while their tab is showing. */
    private void drawBars() {
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
            case LSTM, LSTM_SQUASHED_CELL, LSTM_TANH_INPUT
                    -> List.of("dh", "da_o", "dc", "da_f", "da_i", "da_g", "dc_prev", "dh_prev");
            case GRU -> List.of("dh", "dn", "da_n", "dz", "da_z", "dr", "da_r", "dh_prev");
            case GRU_RESET_BEFORE -> List.of("dh", "dn", "da_n", "dz", "da_z", "dr_h", "dr", "da_r", "dh_prev");
            default -> List.of("dh", "da", "dh_prev");
        };
    }

    private void updateGradients() {
        TraceJob.Result r = vm.resultProperty().get();
        if (r == null) {
            return;
        }
        List<GradientPlot.Curve> curves = new ArrayList<>();
        sources.clear();
        CellType cell = r.trace().cell();
        String cellName = resources.getString("debugger.cell." + cell.name());
        boolean layered = r.digest().dhNorms().size() > 1;  // the layer only where there is more than one
        for (int k = 0; k < r.digest().dhNorms().size(); k++) {
            String layer = layered ? " l" + k : "";
            curves.add(new GradientPlot.Curve(cellName + " ‖δh‖" + layer, r.digest().dhNorms().get(k),
                    Palette.of(Palette.Role.HIDDEN), k > 0));
            sources.add(new GradientSteps.Source(cell, k, "dh", false));
            double[] dc = r.digest().dcNorms().get(k);
            if (dc != null) {
                curves.add(new GradientPlot.Curve(cellName + " ‖δc‖" + layer, dc, Palette.of(Palette.Role.CELL),
                        k > 0));
                sources.add(new GradientSteps.Source(cell, k, "dc", false));
            }
        }
        String first = layered ? " l0" : "";
        for (Companion c : vm.companions()) {
            TraceJob.Result cr = c.resultProperty().get();
            if (cr != null) {
                String shortName = "debugger.legend." + c.cell().name();  // the tutorial's mistakes are long
                String name = resources.getString(resources.containsKey(shortName) ? shortName
                        : "debugger.cell." + c.cell().name());
                curves.add(new GradientPlot.Curve(name + " ‖δh‖" + first, cr.digest().dhNorms().get(0),
                        Palette.ofCell(c.cell()), false));
                sources.add(new GradientSteps.Source(c.cell(), 0, "dh", true));
                double[] dc = cr.digest().dcNorms().get(0);
                if (dc != null) {  // the cell path, in a lighter shade: what the lessons beside an LSTM compare
                    curves.add(new GradientPlot.Curve(name + " ‖δc‖" + first, dc,
                            Palette.ofCell(c.cell()).interpolate(javafx.scene.paint.Color.WHITE, 0.4), false));
                    sources.add(new GradientSteps.Source(c.cell(), 0, "dc", true));
                }
            }
        }
        gradients.setCurves(curves, resources.getString("debugger.gradients.axis"));
        veilGradients();
    }
}
