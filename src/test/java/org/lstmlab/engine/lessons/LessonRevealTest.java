package org.lstmlab.engine.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.trace.Direction;

/**
 * A step's {@code reveal}: performed with its actions, so that its numbers see it, but held back from "Show me"
 * until the exercise is answered or the step is left.
 */
class LessonRevealTest {
    static final String HEAD = LessonReaderTest.HEAD;
    static final String PREDICT = """
                exercise:
                  type: predict
                  prompt: {en: p, zh: 问}
                  choices: [{en: A, zh: 甲}, {en: B, zh: 乙}]
                  correct: 1
            %s
                  hints: [{en: h, zh: 提示}]
                  explanation: {en: e, zh: 解}
            """;

    /** A lesson of one prediction step with these actions and reveal (YAML lines under the step). */
    static String predict(String stepFields, String exerciseFields) {
        return HEAD + "  - text: {en: a, zh: 甲}\n" + stepFields + PREDICT.formatted(exerciseFields);
    }

    static String refusal(String yaml) {
        return assertThrows(LessonFormatException.class, () -> LessonReader.parse("x.yaml", yaml)).getMessage();
    }

    private static final String SQUASHED = """
                actions:
                  - setup: {cell: lstm, weights: counter, steps: 15, input: counting}
                  - beside: none
                  - jump: 14
                reveal:
                  - beside: lstm-squashed-cell
                values:
                  squashed: {expr: "c[0]", t: 14, beside: true}
            """;

    @Test
    void theRevealIsPerformedForTheNumbersButShownOnlyAfterTheAnswer() throws LessonFormatException {
        Lesson l = LessonReader.parse("x.yaml", predict(SQUASHED, "      check: \"squashed < 1\"")
                + "  - text: {en: b, zh: 乙}\n");
        assertEquals(List.of(Action.Beside.class), l.steps().get(0).reveal().stream().map(Object::getClass).toList());
        LessonRun run = new LessonRun(l);
        run.performThrough(0);
        assertTrue(run.numbers().get("squashed") < 1, "the number was measured on the cell beside");
        assertEquals(CellType.LSTM_SQUASHED_CELL, run.workbench().state().beside());
        List<LessonRun.Applied> before = run.appliedThrough(0);
        assertEquals(null, before.get(before.size() - 1).after().beside(), "\"show me\" stops before the reveal");

        List<LessonRun.Applied> unveiled = run.unveil(0);
        assertEquals(1, unveiled.size());
        assertEquals(List.of(), run.unveil(0), "once");
        List<LessonRun.Applied> after = run.appliedThrough(0);
        assertEquals(before.size() + 1, after.size());
        assertEquals(CellType.LSTM_SQUASHED_CELL, after.get(after.size() - 1).after().beside());
        assertEquals(14, after.get(after.size() - 1).after().cursor());

        run.performThrough(0);  // the same step again: nothing changes
        assertEquals(after.size(), run.appliedThrough(0).size());
    }

    @Test
    void aStepLeftBehindHasShownItsRevealAndComingBackHoldsItAgain() throws LessonFormatException {
        Lesson l = LessonReader.parse("x.yaml", predict(SQUASHED, "") + "  - text: {en: b, zh: 乙}\n");
        LessonRun run = new LessonRun(l);
        run.performThrough(1);
        List<LessonRun.Applied> all = run.appliedThrough(1);
        assertEquals(CellType.LSTM_SQUASHED_CELL, all.get(all.size() - 1).after().beside());
        run.performThrough(0);
        List<LessonRun.Applied> back = run.appliedThrough(0);
        assertEquals(null, back.get(back.size() - 1).after().beside());
    }

    @Test
    void aRevealOrRunThatShowsSomethingNewIsAccepted() throws LessonFormatException {
        for (String[] ok : new String[][] {
            {"    actions:\n      - jump: 14\n    reveal:\n      - beside: gru\n", ""},
            {"    actions:\n      - mode: backward\n      - jump: 1\n", "      run:\n        - jump: 2"},
            {"    actions:\n      - jump: 3\n", "      run:\n        - mode: backward\n        - jump: 3"},
            {"    actions:\n      - jump: 3\n", "      run:\n        - set-weight: {name: b_if, value: 0}\n"
                    + "        - jump: 3"},
        }) {
            Lesson l = LessonReader.parse("x.yaml", predict(ok[0], ok[1]));
            assertEquals(1, l.steps().size());
        }
        Lesson numeric = LessonReader.parse("x.yaml", HEAD + """
                  - text: {en: a, zh: 甲}
                    actions:
                      - mode: forward
                    reveal:
                      - mode: backward
                    exercise: {type: numeric, prompt: {en: p, zh: 问}, answer: "dh[0]", t: 1, tolerance: 1,
                               hints: [{en: h, zh: 提示}], explanation: {en: e, zh: 解}}
                """);
        assertEquals(Direction.BACKWARD, ((Action.Mode) numeric.steps().get(0).reveal().get(0)).direction());
    }
}
