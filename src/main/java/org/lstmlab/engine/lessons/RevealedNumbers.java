package org.lstmlab.engine.lessons;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.trace.expr.ExprParser;

/**
 * The numbers of a step that only its {@code reveal} measures. A step's numbers are computed after its actions and
 * its reveal, but "Show me" holds the reveal back until the student has answered, so a number that the reveal
 * changes is on no screen before the answer unless the text quotes it. Read from the file, without running:
 * <ul>
 * <li>a training run in the reveal defines its numbers;</li>
 * <li>a set-up, an edited weight or input, or a trained model opened changes every number read from the trace,
 * the cell beside's included (it has the main cell's weights);</li>
 * <li>a cell put beside changes the numbers read from the cell beside;</li>
 * <li>a jump or a breakpoint moves the cursor, so it changes the numbers read at the cursor's step (no {@code t},
 * no {@code reduce});</li>
 * <li>a number computed from a revealed one is revealed too.</li>
 * </ul>
 * A mode changes no number: the trace holds the forward and the backward pass alike.
 */
final class RevealedNumbers {
    private RevealedNumbers() {
    }

    /**
     * The step's numbers its {@code reveal} measures, each with the line of the first action of the reveal it waits
     * for, in the order the step defines them. {@code values} are the step's numbers; {@code lessonNumbers} every
     * name the lesson defines up to this step (the rest of an expression's names are the trace's symbols).
     */
    static Map<String, Integer> of(java.util.List<Action> reveal, Map<String, ValueDef> values,
                                   Set<String> lessonNumbers) {
        Map<String, Integer> out = new LinkedHashMap<>();
        Integer model = null;    // the trace itself changes
        Integer beside = null;   // the cell beside changes
        Integer cursor = null;   // the cursor's step changes
        for (Action a : reveal) {
            if (a instanceof Action.Setup || a instanceof Action.SetWeight || a instanceof Action.SetInput
                    || a instanceof Action.OpenTrained) {
                model = model == null ? a.line() : model;
            } else if (a instanceof Action.Beside) {
                beside = beside == null ? a.line() : beside;
            } else if (a instanceof Action.Jump || a instanceof Action.Breakpoint) {
                cursor = cursor == null ? a.line() : cursor;
            } else if (a instanceof Action.Train t) {
                for (CellType c : t.cells()) {
                    String prefix = t.comparison() ? t.name() + "_" + TrainingRuns.key(c) : t.name();
                    for (String n : TrainingRuns.names(prefix, c, t.spec())) {
                        out.putIfAbsent(n, a.line());
                    }
                }
            }
        }
        for (Map.Entry<String, ValueDef> v : values.entrySet()) {
            if (!(v.getValue() instanceof ValueDef.Expr e)) {
                continue;   // a parameter count reads no trace
            }
            Integer line = null;
            boolean readsTrace = false;
            for (String n : ExprParser.parse(e.expr()).names()) {
                if (lessonNumbers.contains(n)) {
                    line = earliest(line, out.get(n));
                } else {
                    readsTrace = true;
                }
            }
            if (readsTrace) {
                line = earliest(line, model);
                line = e.beside() ? earliest(line, beside) : line;
                line = e.t() == 0 && e.reduce() == null ? earliest(line, cursor) : line;
            }
            if (line != null) {
                out.put(v.getKey(), line);
            }
        }
        return out;
    }

    private static Integer earliest(Integer a, Integer b) {
        return a == null ? b : b == null ? a : Integer.valueOf(Math.min(a, b));
    }
}
