package org.lstmlab.ui.debugger;

import java.util.Locale;
import java.util.ResourceBundle;

import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.trace.Direction;
import org.lstmlab.engine.trace.EquationCatalogue;
import org.lstmlab.engine.trace.Trace;
import org.lstmlab.ui.common.I18n;
import org.lstmlab.ui.common.Palette;

/**
 * A cell beside the main one: its diagram at the main cursor's timestep and layer, with the whole timestep done
 * (the last forward or backward equation), so that the cells step together one timestep at a time.
 */
final class CompanionView extends VBox {
    private final Companion companion;
    private final CellDiagram diagram = new CellDiagram();
    private final Label title = new Label();
    private final ResourceBundle i18n;

    CompanionView(Companion companion, ResourceBundle i18n) {
        this.companion = companion;
        this.i18n = i18n;
        setSpacing(2);
        setId("companion-" + companion.cell().id());
        title.getStyleClass().add("companion-title");
        title.setTextFill(Palette.ofCell(companion.cell()));
        title.setWrapText(true);  // a tutorial's mistake has a long name: as wide as the drawing, not wider
        title.maxWidthProperty().bind(diagram.prefWidthProperty());
        diagram.setCell(companion.cell());
        getChildren().addAll(title, diagram);
    }

    /** The cell's drawing, for its slide menu ({@link SlideMenus#diagram}). */
    CellDiagram diagram() {
        return diagram;
    }

    /** The title's font size in the drawing's pixels, or the style sheet's for {@code px <= 0}. */
    void setTitleSize(double px) {
        title.setStyle(px > 0 ? String.format(Locale.ROOT, "-fx-font-size: %.2fpx;", px) : "");
    }

    /** The numbers' font size in the drawing's pixels ({@link CellDiagram#setValueSize}). */
    void setValueSize(double px) {
        diagram.setValueSize(px);
    }

    /** How much the gates' names are enlarged ({@link CellDiagram#setGateNameScale}). */
    void setGateNameScale(double k) {
        diagram.setGateNameScale(k);
    }

    void update(Cursor c, int unit) {
        TraceJob.Result r = companion.resultProperty().get();
        if (r == null || c == null) {
            title.setText(i18n.getString("debugger.cell." + companion.cell().name()));
            return;
        }
        Trace tr = r.trace();
        int t = Math.min(c.t(), tr.steps() - 1);
        int layer = Math.min(c.layer(), tr.layers() - 1);
        var eqs = EquationCatalogue.of(tr.cell(), c.direction());
        String last = eqs.get(eqs.size() - 1).id();
        int u = Math.min(unit, tr.hiddenSize() - 1);
        title.setText(DiagramController.title(i18n, companion.cell(), new Cursor(c.direction(), t, layer, 0), u,
                false));
        diagram.update(last, c.direction(), u, (sym, k) -> {
            if (!SubstitutionBuilder.readable(tr, sym)
                    || c.direction() == Direction.FORWARD && Availability.of(sym, tr.cell(), c.direction())
                    == Availability.NEVER) {
                return null;
            }
            double[] v = tr.vector(sym, layer, t, 0);
            return v[Math.min(k, v.length - 1)];
        }, false);
    }
}
