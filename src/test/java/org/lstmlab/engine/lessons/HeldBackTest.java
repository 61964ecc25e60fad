package org.lstmlab.engine.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The reader's two rules against a step that shows its exercise's answer before the student gives one. */
class HeldBackTest {
    private static final String HEAD = LessonRevealTest.HEAD;
    private static final String PREDICT = LessonRevealTest.PREDICT;

    private static String predict(String stepFields, String exerciseFields) {
        return LessonRevealTest.predict(stepFields, exerciseFields);
    }

    private static String refusal(String yaml) {
        return LessonRevealTest.refusal(yaml);
    }

    /** The old forget-gate and squashed-cell steps: the run repeated what "show me" had already shown. */
    @Test
    void aRunOrRevealThatOnlyRepeatsTheStepsActionsIsRefused() {
        assertEquals("x.yaml:14: steps[0].exercise.run[0].jump: \"Show me\" already does this (line 7) before the "
                + "answer, so the answer is on screen too early: move what shows it from the step's actions to its "
                + "reveal", refusal(predict("""
                    actions:
                      - beside: lstm-squashed-cell
                      - jump: 14
                """, "      run:\n        - jump: 14")));
        assertTrue(refusal(predict("""
                    actions:
                      - mode: backward
                    reveal:
                      - mode: backward
                """, "")).contains("steps[0].reveal[0].mode: \"Show me\" already does this (line 6)"));
        assertTrue(refusal(predict("""
                    actions:
                      - beside: gru
                      - jump: 2
                    reveal:
                      - beside: gru
                """, "      run:\n        - jump: 2")).contains("steps[0].reveal[0].beside:"));
    }

    /** The numbers the key is decided by stay out of what is read before the choice; earlier numbers may be quoted. */
    @Test
    void aPredictionsKeyIsQuotedOnlyInItsExplanation() throws LessonFormatException {
        String earlier = "  - text: {en: a, zh: 甲}\n    values:\n      g1: {expr: \"norm(dh)\", t: 1}\n";
        String step = """
                  - text: {en: "%s", zh: 乙}
                    reveal:
                      - set-weight: {name: b_if, value: 0}
                    values:
                      g0: {expr: "norm(dh)", t: 1}
                      ratio: "g1 / g0"
                """;
        String check = "      check: \"ratio > 1\"";
        Lesson fine = LessonReader.parse("x.yaml", HEAD + earlier + step.formatted("was {{g1}}")
                + PREDICT.formatted(check).replace("explanation: {en: e,", "explanation: {en: \"{{g0}}\","));
        assertEquals(2, fine.steps().size());
        String text = refusal(HEAD + earlier + step.formatted("{{g0}}") + PREDICT.formatted(check));
        assertTrue(text.startsWith("x.yaml:7: steps[1].text: {{g0}} in the en text gives the prediction away: "
                + "the check 'ratio > 1'"), text);
        String choice = refusal(HEAD + earlier + step.formatted("b") + PREDICT.formatted(check)
                .replace("{en: B, zh: 乙}", "{en: \"{{ratio}}\", zh: 乙}"));
        assertTrue(choice.contains("steps[1].exercise.choices[1]: {{ratio}} in the en text"), choice);
    }

    /** A hint is read before a prediction's run, so it cannot quote the run's numbers. */
    @Test
    void aHintCannotQuoteThePredictionsRun() {
        String run = "      run:\n        - train: {name: r, task: sine, cell: lstm, steps: 5, hidden: 2, epochs: 1}";
        String hint = refusal(predict("", run).replace("hints: [{en: h,", "hints: [{en: \"{{r_loss}}\","));
        assertTrue(hint.contains("steps[0].exercise.hints[0]: {{r_loss}} in the en text names no number defined so "
                + "far"), hint);
    }

    private static final String CHOICE = """
              - text: {en: "%s", zh: 甲}
                values:
                  i1: {expr: "i[0]", t: 1}
                exercise:
                  type: choice
                  prompt: {en: "Which activation does the input gate use?", zh: 问}
                  choices:
                    - {en: "the sigmoid", zh: "sigmoid 函数"}
                    - en: tanh
                      zh: tanh
                      feedback: {en: "%s", zh: 不对}
                  correct: 1
                  check: "i1 > 0 and i1 < 1"
                  hints: [{en: h, zh: 提示}]
                  explanation: {en: "{{i1}}", zh: "{{i1}}"}
            """;

    /**
     * A wrong choice's feedback is read before the student chooses again: it cannot quote the numbers the key is
     * decided by (unless the step shows them already) nor the right choice. A prediction's is read after the run.
     */
    @Test
    void aChoicesFeedbackKeepsTheKeyBack() throws LessonFormatException {
        String quotes = refusal(HEAD + CHOICE.formatted("a", "i would be {{i1}}"));
        assertTrue(quotes.startsWith("x.yaml:14: steps[0].exercise.choices[1].feedback: {{i1}} in the en feedback "
                + "gives the answer away: the check 'i1 > 0 and i1 < 1' decides the key with this number"), quotes);
        Lesson shown = LessonReader.parse("x.yaml", HEAD + CHOICE.formatted("i is {{i1}}", "i would be {{i1}}"));
        assertEquals("i would be {{i1}}", shown.steps().get(0).exercise().feedback(1).en(),
                "the step's text showed the number before the choice");
        String names = refusal(HEAD + CHOICE.formatted("a", "No: it is The  Sigmoid, a fraction."));
        assertTrue(names.startsWith("x.yaml:14: steps[0].exercise.choices[1].feedback: the en feedback quotes the "
                + "right choice ('the sigmoid')"), names);
        String onKey = refusal(HEAD + CHOICE.formatted("a", "b").replace("{en: \"the sigmoid\", zh: \"sigmoid 函数\"}",
                "{en: \"the sigmoid\", zh: \"sigmoid 函数\", feedback: {en: yes, zh: 对}}"));
        assertTrue(onKey.startsWith("x.yaml:11: steps[0].exercise.choices[0].feedback: the right choice has no "
                + "feedback"), onKey);
        String run = "      run:\n        - train: {name: r, task: sine, cell: lstm, steps: 5, hidden: 2, epochs: 1}\n"
                + "      check: \"r_loss < 10\"";
        Lesson predicted = LessonReader.parse("x.yaml", predict("", run).replace("{en: B, zh: 乙}",
                "{en: B, zh: 乙, feedback: {en: \"loss {{r_loss}}\", zh: \"损失 {{r_loss}}\"}}"));
        assertEquals("损失 {{r_loss}}", predicted.steps().get(0).exercise().feedback(1).zh(),
                "a prediction's feedback follows its run and may quote it");
    }

    /** A choice step whose reveal (and values) follow, and whose wrong choice's feedback says {@code %s}. */
    private static final String REVEALING = """
              - text: {en: "%s", zh: 甲}
                actions:
                  - setup: {cell: lstm, weights: counter, steps: 15, input: counting}
                  - jump: 3
                reveal:
            %s
                values:
            %s
                exercise:
                  type: choice
                  prompt: {en: "Does the squashed cell count?", zh: 问}
                  choices:
                    - {en: "no", zh: 否}
                    - en: "yes"
                      zh: 是
                      feedback: {en: "%s", zh: 错}
                  correct: 1
                  hints: [{en: h, zh: 提示}]
                  explanation: {en: e, zh: 解}
            """;

    private static String revealing(String text, String reveal, String values, String feedback) {
        return HEAD + REVEALING.formatted(text, reveal.indent(6).stripTrailing(), values.indent(6).stripTrailing(),
                feedback);
    }

    /**
     * A choice's feedback is read before the reveal, which waits for the answer, so it cannot quote what only the
     * reveal measures, even when no check reads it: the cell put beside, a weight it edits, where it moves the
     * cursor, its training runs, and the numbers computed from those. What the step's actions measure, or its text
     * quotes, it may.
     */
    @Test
    void aChoicesFeedbackCannotQuoteWhatOnlyTheRevealMeasures() throws LessonFormatException {
        String beside = "- beside: lstm-squashed-cell";
        String numbers = "sq: {expr: \"c[0]\", t: 14, beside: true}\nhalf: \"sq / 2\"\nreal: {expr: \"c[0]\", t: 14}";
        String quotes = refusal(revealing("a", beside, numbers, "it holds {{sq}}"));
        assertEquals("x.yaml:21: steps[0].exercise.choices[1].feedback: {{sq}} in the en feedback is measured only "
                + "after the reveal (line 9), which waits until the student has answered, but the student reads the "
                + "feedback before choosing again: quote it in the explanation, or let the step's actions show it "
                + "before the choice", quotes);
        assertTrue(refusal(revealing("a", beside, numbers, "half of it, {{half}}")).contains("{{half}} in the en "
                + "feedback is measured only after the reveal (line 9)"), "computed from a revealed number");
        assertEquals("the real cell holds {{real}}", LessonReader.parse("x.yaml", revealing("a", beside, numbers,
                "the real cell holds {{real}}")).steps().get(0).exercise().feedback(1).en(),
                "the main cell's number does not wait for the cell beside");
        LessonReader.parse("x.yaml", revealing("it holds {{sq}}", beside, numbers, "it holds {{sq}}"));

        String weight = "- mode: backward\n- set-weight: {name: b_if, value: 0}";
        String atCursor = "here: \"c[0]\"\nlater: {expr: \"c[0]\", t: 14}\nsize: {params: "
                + "{cell: lstm, input: 1, hidden: 1, framework: keras}}";
        assertTrue(refusal(revealing("a", weight, atCursor, "{{later}}")).contains("{{later}} in the en feedback is "
                + "measured only after the reveal (line 10)"), "an edited weight changes the trace");
        LessonReader.parse("x.yaml", revealing("a", weight, atCursor, "{{size}} weights"));
        String jump = "- jump: 14";
        assertTrue(refusal(revealing("a", jump, atCursor, "{{here}}")).contains("{{here}} in the en feedback is "
                + "measured only after the reveal (line 9)"), "the cursor's step moved");
        LessonReader.parse("x.yaml", revealing("a", jump, atCursor, "at t = 14, {{later}}"));
        String train = "- train: {name: r, task: sine, cell: lstm, steps: 5, hidden: 2, epochs: 1}";
        assertTrue(refusal(revealing("a", train, "lost: \"r_loss * 2\"", "{{r_loss}}")).contains("{{r_loss}} in "
                + "the en feedback is measured only after the reveal (line 9)"), "a run in the reveal");
        assertTrue(refusal(revealing("a", train, "lost: \"r_loss * 2\"", "{{lost}}")).contains("{{lost}} in the en"),
                "a number of the run's");
    }
}
