package org.lstmlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import org.junit.jupiter.api.Test;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.trace.Direction;
import org.lstmlab.ui.common.LatexView;
import org.lstmlab.ui.debugger.Cursor;
import org.lstmlab.ui.debugger.DebuggerViewModel;
import org.testfx.api.FxRobot;

/**
 * The equation pane at 100 % on 1024 × 768, in English and Chinese, for every cell forward and backward, outside
 * presenter mode (every row, the backward weight-gradient sums included) and in it (every equation stepped to): no
 * horizontal scroll bar, every row ends inside the pane, its name reads whole outside presenter mode (presenter
 * mode cuts a long one, {@code HeadingFit}) and its formula's letters stay at least 12 px high (4/5 of the list's
 * 15 px). Before, the backward list of the GRU that resets before the product scrolled sideways: the sum for W_hh
 * has a long name beside a formula with its note, 965 px wide in a pane of 676.
 */
class EquationRowsFitUiTest extends MainWindowUiBase {
    private static final double SMALLEST_FORMULA = 12;

    private DebuggerViewModel vm() {
        return window.debugger().viewModel();
    }

    /** What is wrong with the equation pane now. */
    private List<String> problems(String where, boolean presenting) {
        List<String> out = new ArrayList<>();
        ScrollPane pane = (ScrollPane) window.root().lookup("#equationPane");
        Node viewport = pane.lookup(".viewport");
        Bounds port = viewport.localToScene(viewport.getLayoutBounds());
        for (Node n : pane.lookupAll(".scroll-bar")) {
            if (n instanceof ScrollBar bar && bar.isVisible() && bar.getOrientation() == Orientation.HORIZONTAL) {
                out.add(where + ": a horizontal scroll bar shows");
            }
        }
        for (Node row : pane.lookupAll(".equation-row")) {
            if (!row.isVisible()) {
                continue;
            }
            Bounds b = row.localToScene(row.getLayoutBounds());
            if (b.getMaxX() > port.getMaxX() + 0.5) {
                out.add(where + ": " + row.getId() + " ends at " + b.getMaxX() + ", past the pane's " + port.getMaxX());
            }
            Label name = (Label) row.lookup(".equation-name");
            if (!presenting && !name.getText().equals(Drawn.text(name))) {  // presenter mode may cut it (HeadingFit)
                out.add(where + ": " + row.getId() + "'s name reads " + Drawn.text(name));
            }
            LatexView math = (LatexView) row.lookup(".latex");
            double letters = math.fontSize() * math.getFitWidth() / math.formulaWidth()
                    * math.getLocalToSceneTransform().getMxx();
            if (letters < SMALLEST_FORMULA - 1e-6) {
                out.add(where + ": " + row.getId() + "'s formula is " + letters + " px high");
            }
        }
        return out;
    }

    private List<String> cell(FxRobot robot, Locale language, CellType cell) {
        List<String> out = new ArrayList<>();
        robot.interact(() -> vm().setupCommands().chooseCell(cell));
        UiWait.until(cell + " traced", () -> vm().trace() != null && vm().trace().cell() == cell
                && !vm().busyProperty().get() && vm().cursor() != null);
        int t = Math.min(2, vm().trace().steps() - 1);
        for (boolean presenting : new boolean[] {false, true}) {
            robot.interact(() -> window.setPresenting(presenting));
            for (Direction d : Direction.values()) {
                robot.interact(() -> vm().stepper().setDirection(d));
                UiWait.until("in " + d, () -> vm().cursor().direction() == d);
                for (int k = 0; k < (presenting ? vm().equations().size() : 1); k++) {
                    Cursor at = new Cursor(d, t, 0, k);
                    robot.interact(() -> vm().stepper().goTo(at));
                    UiWait.until("at " + at, () -> vm().cursor().equals(at));
                    settle(robot, 3);
                    String here = language + ", " + cell + ", " + d + (presenting ? ", presenting "
                            + vm().equations().get(k).id() : "");
                    out.addAll(UiWait.onFx(() -> problems(here, presenting)));
                }
            }
        }
        robot.interact(() -> window.setPresenting(false));
        return out;
    }

    @Test
    void everyEquationRowFitsThePaneAt100Percent(FxRobot robot) {
        UiWait.until("the first trace", () -> vm().trace() != null);
        List<String> problems = new ArrayList<>();
        for (Locale language : new Locale[] {Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE}) {
            robot.interact(() -> window.setLanguage(language));
            UiWait.until("the trace in " + language, () -> vm().trace() != null);
            for (CellType cell : CellType.values()) {
                problems.addAll(cell(robot, language, cell));
            }
        }
        assertEquals(List.of(), problems);
    }
}
