package org.lstmlab.ui.debugger;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lstmlab.ui.debugger.DrawnDiagram.USUAL;
import static org.lstmlab.ui.debugger.DrawnDiagram.WIDEST;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.geometry.Bounds;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.trace.Direction;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The diagram's numbers keep clear of its wires and of each other, and stay inside the drawing: measured on the
 * drawn texts' ink and the drawn wires (each as wide as it is drawn lit, where no box or circle covers it), for
 * every cell the diagram draws, forward and backward, in presenter mode and outside it, at the sizes the numbers
 * take (the style sheets', and the larger ones a shrunk drawing gives them). Outside presenter mode c_t's number
 * touched the line down to the tanh; in presenter mode each gate's wire ran up through the middle of its number
 * (its place is now {@link ValuePlacement}'s, clear of every wire).
 * <p>
 * A zoom enlarges the drawing as a whole (the pane's transform), so gaps grow with it; what it changes is only the
 * numbers' size in the drawing's pixels ({@link DiagramFit#presenterNumber}, {@link DiagramFit#number}), which stays
 * within the sizes measured here: 18 to 30 px in presenter mode, 11 to 10 / 0.6 px outside it.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class DiagramGapsUiTest {
    /**
     * The least room between a number's digits and a wire's edge or another number's digits, in the drawing's
     * pixels: a lit wire is 4 px wide and its edge is smoothed over a pixel, so 2 px leave at least one pixel of
     * white between ink and line even where the drawing is shrunk to 0.6, and the eye sees the two apart.
     */
    static final double CLEAR = 2;

    @Start
    void start(Stage stage) {
        // text is measured with the toolkit's fonts
    }

    @Test
    void numbersKeepClearOfWiresAndOfEachOther() throws Exception {
        List<String> problems = new ArrayList<>();
        for (CellType cell : CellType.values()) {
            for (Direction dir : Direction.values()) {
                for (double[] size : sizes(true)) {
                    problems.addAll(check(cell, dir, true, size[0], size[1]));
                }
                for (double[] size : sizes(false)) {
                    problems.addAll(check(cell, dir, false, size[0], size[1]));
                }
            }
        }
        assertTrue(problems.isEmpty(), problems.size() + " collisions:\n" + String.join("\n", problems));
    }

    /**
     * The numbers' sizes and values measured: presenter mode's style sheet's size with the widest numbers, the one
     * down to {@link DiagramFit#PRESENTER_ROOMY} with wide ones, its largest with the usual ones; outside presenter
     * mode the style sheet's size to the largest (shrunk to {@link DiagramFit#SMALLEST}), where numbers that would
     * meet are written shorter.
     */
    private static List<double[]> sizes(boolean presenting) {
        if (presenting) {
            return List.of(new double[] {DiagramFit.PRESENTER_STYLE_NUMBER, WIDEST},
                    new double[] {DiagramFit.PRESENTER_STYLE_NUMBER, USUAL},
                    new double[] {24 / DiagramFit.PRESENTER_ROOMY, DrawnDiagram.WIDE},
                    new double[] {24 / DiagramFit.PRESENTER_SMALLEST, USUAL});
        }
        List<double[]> out = new ArrayList<>();
        for (double scale : new double[] {1, 0.8, 0.7, DiagramFit.SMALLEST}) {
            out.add(new double[] {DiagramFit.number(scale), WIDEST});
            out.add(new double[] {DiagramFit.number(scale), USUAL});
        }
        return out;
    }

    /**
     * Presenter mode at 1024 × 768 (numbers at 30 px of the drawing's own) with a long gradient in every part,
     * −4.239e−6: a number loses a digit (−4.24e−6, or two, −4.2e−6) only where it does not fit in full
     * ({@link ValuePlacementTest}); the others are written in full, and none comes near a wire or another number.
     * Every value lost a digit when one had to.
     */
    @Test
    void onlyALongValueThatDoesNotFitIsShortened() throws Exception {
        double value = -4.239e-6;
        double font = DiagramFit.PRESENTER_NUMBER / DiagramFit.PRESENTER_SMALLEST;
        List<String> forms = List.of(Numbers.display(value), Numbers.signed(Numbers.brief(value, 1)),
                Numbers.signed(Numbers.brief(value, 2)));
        List<String> problems = new ArrayList<>();
        for (CellType cell : List.of(CellType.LSTM, CellType.GRU, CellType.RNN_TANH)) {
            DrawnDiagram d = DrawnDiagram.of(cell, Direction.BACKWARD, true, font, value);
            String where = String.format(Locale.ROOT, "%s backward presenter at %.1f px:", cell, font);
            problems.addAll(check(d, where));
            List<String> texts = d.numbers().stream().map(DrawnDiagram.Number::text).toList();
            assertTrue(forms.containsAll(texts), where + " " + texts);
            assertTrue(texts.contains(forms.get(0)), where + " some numbers keep every digit: " + texts);
            if (cell == CellType.LSTM) {
                assertTrue(texts.stream().anyMatch(t -> !t.equals(forms.get(0))), where + " LSTM's " + texts
                        + " at 1024 × 768: some do not fit in full");
            }
        }
        assertTrue(problems.isEmpty(), problems.size() + " collisions:\n" + String.join("\n", problems));
    }

    /** Where a number comes within {@link #CLEAR} of a wire or another number, or leaves the drawing. */
    private static List<String> check(CellType cell, Direction dir, boolean presenting, double font, double value)
            throws Exception {
        return check(DrawnDiagram.of(cell, dir, presenting, font, value), String.format(Locale.ROOT,
                "%s %s %s at %.1f px:", cell, dir, presenting ? "presenter" : "usual", font));
    }

    private static List<String> check(DrawnDiagram d, String where) {
        List<String> out = new ArrayList<>();
        List<DrawnDiagram.Number> numbers = d.numbers();
        for (int a = 0; a < numbers.size(); a++) {
            DrawnDiagram.Number n = numbers.get(a);
            Bounds ink = n.ink();
            if (!d.drawing().contains(ink)) {
                out.add(String.format(Locale.ROOT, "%s %s's '%s' leaves the drawing (%s)", where, n.part(),
                        n.text(), ink));
            }
            double[] nearest = null;
            for (double[] w : d.wires()) {
                double[] g = d.gap(ink, w);
                if (g != null && (nearest == null || g[0] < nearest[0])) {
                    nearest = g;
                }
            }
            if (nearest != null && nearest[0] < CLEAR) {
                out.add(String.format(Locale.ROOT, "%s %s's '%s' %.1f px from a wire at (%.0f, %.0f)", where,
                        n.part(), n.text(), nearest[0], nearest[1], nearest[2]));
            }
            for (int b = a + 1; b < numbers.size(); b++) {
                double g = DrawnDiagram.distance(ink, numbers.get(b).ink());
                if (g < CLEAR) {
                    out.add(String.format(Locale.ROOT, "%s %s's '%s' %.1f px from %s's", where, n.part(), n.text(), g,
                            numbers.get(b).part()));
                }
            }
        }
        return out;
    }
}
