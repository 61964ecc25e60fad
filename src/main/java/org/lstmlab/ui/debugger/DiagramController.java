package org.lstmlab.ui.debugger;

import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;

import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.trace.Direction;
import org.lstmlab.engine.trace.Equation;
import org.lstmlab.engine.trace.Trace;
import org.lstmlab.ui.common.I18n;

/**
 * DiagramPane.fxml: the main cell's diagram at the cursor (values of the followed unit, the current equation's wires
 * lit) and the cells beside it, shrunk so that they fit side by side.
 */
public final class DiagramController {
    @FXML private ResourceBundle resources;
    @FXML private ScrollPane root;
    @FXML private HBox diagramBox;

    private final CellDiagram diagram = new CellDiagram();
    private final Label diagramTitle = new Label();
    private final Label orderNote = new Label();
    private final List<CompanionView> companionViews = new ArrayList<>();
    private DebuggerViewModel vm;

    void attach(DebuggerViewModel model) {
        vm = model;
        diagramTitle.getStyleClass().add("companion-title");
        diagramTitle.setId("diagram-title");
        orderNote.setId("diagram-order");
        orderNote.getStyleClass().add("diagram-note");
        orderNote.setWrapText(true);
        orderNote.setText(resources.getString("debugger.diagram.order"));
        orderNote.maxWidthProperty().bind(diagram.prefWidthProperty());
        orderNote.managedProperty().bind(orderNote.visibleProperty());
        diagramBox.getChildren().add(new Group(new VBox(2, diagramTitle, orderNote, diagram)));
        root.viewportBoundsProperty().addListener((o, a, b) -> fit());
        vm.resultProperty().addListener((o, a, r) -> {
            if (r != null) {
                diagram.setCell(r.trace().cell());
                orderNote.setVisible(r.trace().cell().hasCellState());
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
        diagramTitle.setText(title(resources, tr.cell(), c, vm.unitProperty().get()));
    }

    /** "LSTM: layer 0, unit 3, t = 5", and in backward mode that the numbers are gradients. */
    static String title(ResourceBundle i18n, CellType cell, Cursor c, int unit) {
        return I18n.format(i18n, c.direction() == Direction.FORWARD ? "debugger.diagram.title"
                : "debugger.diagram.titleBackward", i18n.getString("debugger.cell." + cell.name()), c.layer(), unit,
                c.t() + 1);
    }

    private void rebuildCompanions() {
        diagramBox.getChildren().remove(1, diagramBox.getChildren().size());
        companionViews.clear();
        for (Companion c : vm.companions()) {
            CompanionView cv = new CompanionView(c, resources);
            c.resultProperty().addListener((o, a, b) -> cv.update(vm.cursor(), vm.unitProperty().get()));
            companionViews.add(cv);
            diagramBox.getChildren().add(new Group(cv));
        }
        fit();
    }

    /** Shrinks the diagrams so that the main cell and the cells beside it fit side by side (down to 50 %; then scroll). */
    private void fit() {
        int n = diagramBox.getChildren().size();
        double natural = 0;
        for (Node group : diagramBox.getChildren()) {
            natural += ((Group) group).getChildren().get(0).prefWidth(-1);
        }
        double width = root.getViewportBounds().getWidth();
        double scale = width <= 0 || natural <= 0 ? 1 : Math.max(0.5, Math.min(1, (width - 12 * n) / natural));
        for (Node group : diagramBox.getChildren()) {
            Node inner = ((Group) group).getChildren().get(0);
            inner.setScaleX(scale);
            inner.setScaleY(scale);
        }
    }
}
