package org.lstmlab.engine.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.lstmlab.engine.nn.CellType;

/** A malformed lesson is refused with its file, line and field; a good one keeps both languages side by side. */
class LessonReaderTest {
    static final String HEAD = "id: t\ntitle: {en: T, zh: 题}\nsteps:\n";
    static final String STEP = "  - text: {en: \"a\", zh: \"甲\"}\n";
    /** A choice exercise whose first choice's feedback follows (escaped newlines, as in the table below). */
    private static final String CHOICE = "id: t\\ntitle: {en: T, zh: 题}\\nsteps:\\n  - text: {en: a, zh: b}\\n"
            + "    exercise:\\n      type: choice\\n      prompt: {en: p, zh: q}\\n"
            + "      choices: [{en: A, zh: B, feedback: ";
    private static final String CHOICE_END = "}, {en: C, zh: D}]\\n      correct: 2\\n      hints: [{en: h, zh: i}]\\n"
            + "      explanation: {en: e, zh: f}";

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', value = {
        "title: {en: T}\\nid: t\\nsteps: []|1|the Chinese (zh) text is missing",
        "id: T T\\ntitle: {en: T, zh: 题}\\nsteps: []|1|an id is lower-case words",
        "id: t\\ntitle: {en: T, zh: 题}\\ncolour: red\\nsteps: []|3|unknown field 'colour'",
        "id: t\\ntitle: {en: T, zh: 题}\\nsteps: []|3|a lesson needs at least one step",
        "id: t\\ntitle: {en: T, zh: 题}\\nsteps:\\n"
                + "  - text: {en: \"{{x}}\", zh: \"{{x}}\"}|4|{{x}} in the en text names no number",
        "id: t\\ntitle: {en: T, zh: 题}\\nsteps:\\n  - text: {en: a, zh: b}\\n"
                + "    actions:\\n      - setup: {cell: lstn}|6|unknown cell type 'lstn'",
        "id: t\\ntitle: {en: T, zh: 题}\\nsteps:\\n  - text: {en: a, zh: b}\\n"
                + "    highlight: {equation: lstm.q}|5|no equation has the id 'lstm.q'",
        "id: t\\ntitle: {en: T, zh: 题}\\nsteps:\\n  - text: {en: a, zh: b}\\n"
                + "    values:\\n      v: \"f[0] <\"|6|not a valid expression",
        "id: t\\ntitle: {en: T, zh: 题}\\nsteps:\\n  - text: {en: a, zh: b}\\n"
                + "    actions:\\n      - train: {name: r, task: nope, cell: lstm, steps: 5, hidden: 2, epochs: 1}"
                + "|6|unknown task 'nope'",
        "id: t\\ntitle: {en: T, zh: 题}\\nsteps:\\n  - text: {en: a, zh: b}\\n"
                + "    actions:\\n      - open-trained: r|6|no training run named 'r'",
        CHOICE + "{en: F}" + CHOICE_END + "|8|choices[0].feedback: the Chinese (zh) text is missing",
        CHOICE + "{en: \"{{q}}\", zh: q}" + CHOICE_END
                + "|8|choices[0].feedback: {{q}} in the en text names no number defined so far",
        "id: t\\ntitle: [1\\n|3|not valid YAML",
        "id: t\\ntitle: {en: T, zh: 题}\\nsteps:\\n  - text: {en: a, zh: b}\\n"
                + "    show: code|5|actions have no train-tab",
        "id: t\\ntitle: {en: T, zh: 题}\\nsteps:\\n  - text: {en: a, zh: b}\\n    actions:\\n"
                + "      - train: {name: r, task: adding, cell: lstm, steps: 10, hidden: 2, epochs: 1}\\n"
                + "      - train-tab: r\\n    show: plots|8|got 'plots'",
        "id: t\\ntitle: {en: T, zh: 题}\\nsteps:\\n  - text: {en: a, zh: b}\\n    actions:\\n"
                + "      - train: {name: r, task: adding, text: jabberwocky, cell: lstm, steps: 10, hidden: 2, "
                + "epochs: 1}|6|a bundled text is read by the task charlm only",
        "id: t\\ntitle: {en: T, zh: 题}\\nsteps:\\n  - text: {en: a, zh: b}\\n    actions:\\n"
                + "      - train: {name: r, task: charlm, text: alice, cell: lstm, steps: 10, hidden: 2, "
                + "epochs: 1}|6|got 'alice'",
        "id: t\\ntitle: {en: T, zh: 题}\\nsteps:\\n  - text: {en: a, zh: b}\\n    actions:\\n"
                + "      - train: {name: r, task: adding, cell: lstm, steps: 10, hidden: 2, epochs: 1, "
                + "layout: time-first}\\n      - train-tab: r|7|run 'r' reads its batches time-first",
        "id: t\\ntitle: {en: T, zh: 题}\\nsteps:\\n  - text: {en: a, zh: b}\\n    actions:\\n"
                + "      - train: {name: r, task: adding, cell: lstm, steps: 10, hidden: 2, epochs: 1, "
                + "layout: sideways}|6|got 'sideways'",
    })
    void malformedLessonsNameTheLineAndTheField(String yaml, int line, String reason) {
        LessonFormatException e = assertThrows(LessonFormatException.class,
                () -> LessonReader.parse("x.yaml", yaml.replace("\\n", "\n")));
        assertEquals("x.yaml", e.file());
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    /** A train-tab of a run on the bundled poem hands the Train tab that run, its text included. */
    @Test
    void aTrainTabOfARunOnThePoemKeepsItsText() throws LessonFormatException {
        Lesson l = LessonReader.parse("x.yaml", HEAD + STEP + "    actions:\n"
                + "      - train: {name: r, task: charlm, text: jabberwocky, cell: lstm, steps: 10, hidden: 2, "
                + "epochs: 1}\n      - train-tab: r\n");
        Action.TrainTab t = (Action.TrainTab) l.steps().get(0).actions().get(1);
        assertEquals("jabberwocky", t.spec().text());
        assertEquals("jabberwocky.txt", TrainingRuns.task(t.spec()).descriptionArgs().get(0));
    }

    /** A step's {@code show} goes onto its train-tab action: the part of the Train tab to bring into view. */
    @Test
    void aStepsShowNamesThePartOfTheTrainTab() throws LessonFormatException {
        String run = HEAD + STEP + "    actions:\n"
                + "      - train: {name: r, task: adding, cell: lstm, steps: 10, hidden: 2, epochs: 1}\n"
                + "      - train-tab: r\n";
        Action shown = LessonReader.parse("x.yaml", run + "    show: charts\n").steps().get(0).actions().get(1);
        assertEquals(TrainTabPart.CHARTS, ((Action.TrainTab) shown).show());
        Action plain = LessonReader.parse("x.yaml", run).steps().get(0).actions().get(1);
        assertEquals(TrainTabPart.SETTINGS, ((Action.TrainTab) plain).show(), "the settings unless it says");
    }

    /**
     * A train-tab may name the run its own step's prediction trains (read after it): "Show me" sets the Train tab up
     * with that run's settings before the prediction, as checkup's first step does.
     */
    @Test
    void aTrainTabMayNameTheRunOfItsStepsPrediction() throws LessonFormatException {
        Lesson l = LessonReader.parse("x.yaml", HEAD + STEP + """
                    actions:
                      - train-tab: a
                    show: charts
                    exercise:
                      type: predict
                      prompt: {en: p, zh: q}
                      choices: [{en: x, zh: y}, {en: z, zh: w}]
                      correct: 1
                      check: "a_accuracy >= 0"
                      hints: [{en: h, zh: i}]
                      explanation: {en: e, zh: f}
                      run:
                        - train: {name: a, task: adding, cell: gru, steps: 7, hidden: 3, epochs: 2, learning-rate: 3}
                """);
        Action.TrainTab t = (Action.TrainTab) l.steps().get(0).actions().get(0);
        assertEquals(CellType.GRU, t.cell());
        assertEquals(7, t.spec().steps());
        assertEquals(3, t.spec().hidden());
        assertEquals(3.0, t.spec().learningRate());
        assertEquals(TrainTabPart.CHARTS, t.show(), "the step's show kept");
        Action.Train run = (Action.Train) l.steps().get(0).exercise().run().get(0);
        assertEquals(run.spec(), t.spec(), "the very settings the prediction's run trains with");
    }

    @Test
    void anExerciseReadsWithItsHintsInBothLanguages() throws LessonFormatException {
        Lesson l = LessonReader.parse("x.yaml", HEAD + STEP + """
                    exercise:
                      type: choice
                      prompt: {en: "Which?", zh: "哪个？"}
                      choices: [{en: "A", zh: "甲"}, {en: "B", zh: "乙"}]
                      correct: 2
                      hints: [{en: "h", zh: "提示"}]
                      explanation: {en: "e", zh: "解释"}
                """);
        Exercise ex = l.steps().get(0).exercise();
        assertEquals(1, ex.correct());
        assertEquals("乙", ex.choices().get(1).zh());
        assertEquals("提示", ex.hints().get(0).in("zh"));
        assertEquals(6, ex.line());
    }

    /** A choice may say why it is wrong, in both languages, with the lesson's numbers; the others say nothing. */
    @Test
    void aWrongChoiceCarriesItsFeedback() throws LessonFormatException {
        Lesson l = LessonReader.parse("x.yaml", HEAD + """
                  - text: {en: "a", zh: "甲"}
                    values:
                      f1: {expr: "f[0]", t: 1}
                    exercise:
                      type: choice
                      prompt: {en: "Which?", zh: "哪个？"}
                      choices:
                        - en: "A"
                          zh: "甲"
                          feedback:
                            en: "A gate of {{f1:.2f}} is a fraction."
                            zh: "{{f1:.2f}} 的门是一个比例。"
                        - {en: "B", zh: "乙"}
                        - en: "C"
                          zh: "丙"
                          feedback: {en: "Not C.", zh: "不是丙。"}
                      correct: 2
                      hints: [{en: "h", zh: "提示"}]
                      explanation: {en: "e", zh: "解释"}
                """);
        Exercise ex = l.steps().get(0).exercise();
        assertEquals(List.of("A", "B", "C"), ex.choices().stream().map(Text::en).toList());
        assertEquals("{{f1:.2f}} 的门是一个比例。", ex.feedback(0).zh());
        assertEquals(Text.EMPTY, ex.feedback(1), "the right choice has none");
        assertEquals("Not C.", ex.feedback(2).in("en"));
    }

    /** The verifier fills every feedback in both languages (a lesson made in code skips the reader's checks). */
    @Test
    void theVerifierFillsEveryFeedback() throws LessonFormatException {
        Lesson read = LessonReader.parse("x.yaml", HEAD + STEP + """
                    exercise:
                      type: choice
                      prompt: {en: "Which?", zh: "哪个？"}
                      choices: [{en: "A", zh: "甲", feedback: {en: "no", zh: "不"}}, {en: "B", zh: "乙"}]
                      correct: 2
                      hints: [{en: "h", zh: "提示"}]
                      explanation: {en: "e", zh: "解释"}
                """);
        assertTrue(LessonVerifier.verify(read).passed(), String.valueOf(LessonVerifier.verify(read).problems()));
        Step s = read.steps().get(0);
        Exercise e = s.exercise();
        Exercise stale = new Exercise(e.line(), e.kind(), e.prompt(), e.answer(), e.t(), e.tolerance(), e.choices(),
                e.correct(), e.check(), e.run(), e.hints(), e.explanation(), List.of(new Text("no", "{{gone}}"),
                Text.EMPTY));
        Lesson l = new Lesson(read.id(), read.title(), read.summary(), read.references(), List.of(new Step(s.line(),
                s.text(), s.actions(), s.reveal(), s.highlight(), s.values(), s.checks(), stale)), read.source());
        assertEquals(List.of("x.yaml:6: steps[0].exercise.choices[0].feedback: zh: {{gone}} has no value"),
                LessonVerifier.verify(l).problems());
    }

    /** Every wrong choice of a built-in lesson says why it is wrong, in English and Chinese. */
    @Test
    void everyBuiltInWrongChoiceHasFeedback() {
        int wrong = 0;
        for (Lessons.Entry e : Lessons.all()) {
            for (Step s : e.lesson().steps()) {
                Exercise ex = s.exercise();
                for (int k = 0; ex != null && k < ex.choices().size(); k++) {
                    if (k != ex.correct()) {
                        wrong++;
                        assertTrue(!ex.feedback(k).en().isBlank() && !ex.feedback(k).zh().isBlank(),
                                e.id() + ":" + ex.line() + " choice " + (k + 1));
                    }
                }
            }
        }
        assertEquals(97, wrong, "the built-in lessons' wrong choices");
    }

    @Test
    void quotedNumbersHaveTheirFormats() {
        assertEquals("10,400", QuotedNumbers.format(10400, "d"));
        assertEquals("0.961", QuotedNumbers.format(0.96108, ".3g"));
        assertEquals("1.3e-9", QuotedNumbers.format(1.3e-9, ".1e"));
        assertEquals("93 %", QuotedNumbers.format(0.934, ".0%"));
        assertEquals("10", QuotedNumbers.format(10.0, null));
        assertEquals("0.2976", QuotedNumbers.format(0.29757, ""));
    }
}
