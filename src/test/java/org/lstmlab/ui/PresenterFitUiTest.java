package org.lstmlab.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.trace.Direction;
import org.lstmlab.engine.trace.Equation;
import org.lstmlab.ui.debugger.Cursor;
import org.lstmlab.ui.debugger.DebuggerViewModel;
import org.lstmlab.ui.debugger.Substitution;
import org.testfx.api.FxRobot;

/**
 * Presenter mode on a 1024 × 768 projector shows, for every equation of the LSTM, the GRU and the simple RNN,
 * forward and backward, without scrolling: the current equation, its substitution's result line and the vectors it
 * reads (at H = 4, and beside a docked lesson at its H = 2), each line whole, and the whole diagram; every number
 * at least 24 px high on the screen. In English and in Chinese. (Before, the substitution had about 120 px: the
 * cell state's vectors were cut off under its result line.)
 */
class PresenterFitUiTest extends MainWindowUiBase {
    private static final double SMALLEST_NUMBER = 24;

    private DebuggerViewModel vm() {
        return window.debugger().viewModel();
    }

    private static Bounds viewport(FxRobot robot, String pane) {
        ScrollPane sp = robot.lookup(pane).queryAs(ScrollPane.class);
        Node port = sp.lookup(".viewport");
        return port.localToScene(port.getLayoutBounds());
    }

    private static boolean inside(Bounds inner, Bounds outer) {
        return inner.getMinX() >= outer.getMinX() - 0.5 && inner.getMaxX() <= outer.getMaxX() + 0.5
                && inner.getMinY() >= outer.getMinY() - 0.5 && inner.getMaxY() <= outer.getMaxY() + 0.5;
    }

    private static boolean shown(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return n.getScene() != null;
    }

    /** The visible substitution's text nodes, with the token each shows. */
    private static List<Text> tokens(FxRobot robot) {
        return robot.lookup("#substitution .token").queryAllAs(Text.class).stream().filter(PresenterFitUiTest::shown)
                .filter(t -> !t.getText().isEmpty()).toList();
    }

    /** The tokens a projector must show: those of the result line(s) and of the vectors the equation reads. */
    private static List<Substitution.Token> essential(Substitution s, Equation eq) {
        List<Substitution.Token> out = new ArrayList<>();
        for (int k = 0; k < s.lines().size(); k++) {
            Substitution.Part part = s.parts().get(k);
            if (part == Substitution.Part.FORMULA || part == Substitution.Part.OPERAND) {
                s.lines().get(k).stream().filter(t -> t.kind() != Substitution.Kind.TEXT).forEach(out::add);
            }
        }
        assertTrue(out.stream().anyMatch(t -> t.kind() == Substitution.Kind.RESULT), eq.id() + " has a result");
        return out;
    }

    /** Checks what presenter mode shows at the cursor now. */
    private void check(FxRobot robot, String where) {
        settle(robot, 4);
        UiWait.onFx(() -> {
            Bounds port = viewport(robot, "#equationPane");
            Equation eq = vm().equations().get(vm().cursor().equation());
            List<Text> texts = tokens(robot);
            for (Substitution.Token t : essential(vm().substitutionProperty().get(), eq)) {
                assertTrue(texts.stream().anyMatch(n -> t.equals(n.getProperties().get("token"))
                        && inside(n.localToScene(n.getLayoutBounds()), port)), where + ": " + t.text() + " ("
                        + t.symbol() + ") is not in sight in " + port + "; the equation box is "
                        + robot.lookup(".equation-box").query().getLayoutBounds().getHeight() + " px high, wants "
                        + robot.lookup(".equation-box").query().prefHeight(port.getWidth()));
            }
            for (Node line : robot.lookup("#substitution .substitution-line").queryAll()) {
                assertTrue(!shown(line) || line.prefWidth(-1) <= port.getWidth() + 0.5, where + ": a line is wider ("
                        + line.prefWidth(-1) + " px) than the pane (" + port.getWidth() + ") and wraps anyhow");
            }
            Node row = robot.lookup(".debugger .equation-row").match(Node::isVisible).query();
            assertTrue(inside(row.localToScene(row.getLayoutBounds()), port), where + ": the equation is cut");
            Bounds diagramPort = viewport(robot, "#diagramScroll");
            Node diagram = robot.lookup(".cell-diagram").query();
            Bounds drawn = diagram.localToScene(diagram.getBoundsInLocal());
            assertTrue(inside(drawn, diagramPort), where + ": the diagram " + drawn + " is cut by " + diagramPort);
            double smallest = Double.POSITIVE_INFINITY;
            for (Text t : texts) {
                Object token = t.getProperties().get("token");
                if (token instanceof Substitution.Token k && k.kind() != Substitution.Kind.TEXT
                        && k.kind() != Substitution.Kind.SYMBOL && k.kind() != Substitution.Kind.ELLIPSIS) {
                    smallest = Math.min(smallest, Measure.screenFontSize(t));
                }
            }
            for (Text t : robot.lookup(".cell-diagram .node-value").queryAllAs(Text.class)) {
                if (!t.getText().isEmpty()) {
                    smallest = Math.min(smallest, Measure.screenFontSize(t));
                    assertTrue(inside(t.localToScene(t.getLayoutBounds()), diagramPort), where + ": the diagram's "
                            + t.getText() + " is cut");
                }
            }
            assertTrue(smallest >= SMALLEST_NUMBER - 1e-6, where + ": a number is " + smallest + " px high");
            return null;
        });
    }

    /** Chooses the cell (with the set-up as it is), waits for its trace, and checks each of its equations. */
    private void everyEquation(FxRobot robot, CellType cell, String language) {
        if (vm().trace() == null || vm().trace().cell() != cell) {
            robot.interact(() -> vm().setupCommands().chooseCell(cell));
        }
        UiWait.until(cell + " traced", () -> vm().trace() != null && vm().trace().cell() == cell
                && !vm().busyProperty().get() && vm().cursor() != null);
        int t = Math.min(2, vm().trace().steps() - 1);  // a later timestep: no state is zero
        for (Direction d : Direction.values()) {
            robot.interact(() -> vm().stepper().setDirection(d));
            UiWait.until("in " + d, () -> vm().cursor().direction() == d);
            int count = vm().equations().size();
            for (int k = 0; k < count; k++) {
                Cursor at = new Cursor(d, t, 0, k);
                robot.interact(() -> vm().stepper().goTo(at));
                UiWait.until("at " + at, () -> vm().cursor().equals(at));
                check(robot, language + ", " + cell + ", H = " + vm().trace().hiddenSize() + ", "
                        + vm().equations().get(k).id());
            }
        }
    }

    private void present(FxRobot robot) {
        robot.interact(() -> window.setPresenting(true));
        UiWait.until("presenter mode", window::isPresenting);
    }

    @Test
    void everyEquationShowsWithItsNumbersAndTheDiagramAt1024x768(FxRobot robot) {
        UiWait.until("the first trace", () -> vm().trace() != null && vm().trace().hiddenSize() == 4);
        present(robot);
        for (CellType cell : new CellType[] {CellType.LSTM, CellType.GRU, CellType.RNN_TANH}) {
            everyEquation(robot, cell, "English");
        }
        robot.interact(() -> window.setLanguage(Locale.SIMPLIFIED_CHINESE));
        UiWait.until("Chinese", () -> window.isPresenting() && window.debugger().viewModel().trace() != null);
        for (CellType cell : new CellType[] {CellType.LSTM, CellType.GRU}) {
            everyEquation(robot, cell, "Chinese");
        }
    }

    @Test
    void besideADockedLessonToo(FxRobot robot) {
        UiWait.until("the first trace", () -> vm().trace() != null);
        FirstLesson.showMe(robot, window);
        present(robot);
        for (CellType cell : new CellType[] {CellType.LSTM, CellType.GRU, CellType.RNN_TANH}) {
            everyEquation(robot, cell, "English, beside the lesson");
        }
        robot.interact(() -> window.setLanguage(Locale.SIMPLIFIED_CHINESE));
        UiWait.until("Chinese, the lesson docked again", () -> window.isPresenting()
                && window.learnView().viewModel().lessonProperty().get() != null
                && window.debugger().viewModel().trace() != null);
        everyEquation(robot, CellType.LSTM, "Chinese, beside the lesson");
    }
}
