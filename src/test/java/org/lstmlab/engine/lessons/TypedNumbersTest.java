package org.lstmlab.engine.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** A teacher's number typed in where the engine's belongs fails {@code lessons --verify}, naming the engine's. */
class TypedNumbersTest {
    private static final String LESSON = """
            id: typed
            title: {en: T, zh: 题}
            steps:
              - text:
                  en: |
                    The update gate is $z_3[0] = EN$.
                  zh: |
                    更新门是 $z_3[0] = ZH$。
                actions:
                  - setup: {cell: gru, weights: torch, seed: 3, steps: 10, input-size: 1, hidden: 4, input: sine}
                values:
                  z3: {expr: "z[0]", t: 3}
                exercise: {type: numeric, answer: "z[0]", t: 3, tolerance: 0.001,
                  prompt: {en: "What is $z_3[0]$?", zh: "$z_3[0]$ 是多少？"}, hints: [{en: A sigmoid., zh: 它是 sigmoid。}],
                  explanation: {en: "It is EN.", zh: "它是 ZH。"}}
            """;

    private static LessonVerifier.Result verify(String en, String zh) throws LessonFormatException {
        return LessonVerifier.verify(LessonReader.parse("typed.yaml", LESSON.replace("EN", en).replace("ZH", zh)));
    }

    @Test
    void aNumberTypedInFailsAndNamesWhatTheEngineMeasures() throws LessonFormatException {
        LessonVerifier.Result r = verify("0.350", "{{z3:.3f}}");
        assertFalse(r.passed());
        assertEquals(2, r.problems().size(), r.problems().toString());   // the text and the explanation, in en
        assertEquals("typed.yaml:4: steps[0].text: en: the number 0.350 is typed in (the engine's z3 is 0.309: "
                + "{{z3:.3f}}); a number the engine computes is written as a placeholder, defined under values, so "
                + "that it always agrees with the engine", r.problems().get(0));
        assertTrue(r.problems().get(1).startsWith("typed.yaml:13: steps[0].exercise.explanation: en: the number "
                + "0.350"),
                r.problems().get(1));
        assertTrue(verify("{{z3:.3f}}", "{{z3:.3f}}").passed());
        assertFalse(verify("{{z3:.3f}}", "0.309").passed(), "the right number typed in goes stale all the same");
    }

    @Test
    void settingsCodeAndPlaceholdersAreNotTypedNumbers() {
        assertEquals(List.of(), TypedNumbers.in("Adam at 0.01, within 0.0025 of 1, $0.95^{49} \\approx 0.08$, "
                + "`lr=0.001234`, {{x:.3f}}, version 1.2, ends with 0.5.\n```\nx = 0.12345\n```", Map.of()));
        assertEquals(1, TypedNumbers.in("It ends at 0.993.", Map.of()).size(), "a full stop is not a digit");
        assertTrue(TypedNumbers.in("3.14159", Map.of("z", 0.31)).get(0).startsWith("the number 3.14159 is typed in;"),
                "no number of the lesson is near");
    }

    /** The app's notes on a teacher's file: one per number and field, naming the step, in either language. */
    @Test
    void notesNameTheStepTheFieldAndTheNumber() throws LessonFormatException {
        var notes = TypedNumberNotes.of(LessonReader.parse("typed.yaml",
                LESSON.replace("EN", "0.350").replace("ZH", "{{z3:.3f}}")));
        assertEquals(2, notes.size(), notes.toString());
        assertEquals("typed.yaml:4: step 1 (steps[0].text): the number 0.350 is typed into the en text",
                notes.get(0).english());
        assertEquals("typed.yaml 第 13 行，第 1 步（steps[0].exercise.explanation）：英文（en）文字里直接写了数字 0.350",
                notes.get(1).in(LessonCaseFile.ZH));
        assertEquals(List.of(), TypedNumberNotes.of(LessonReader.parse("typed.yaml",
                LESSON.replace("EN", "{{z3:.3f}}").replace("ZH", "{{z3:.3f}}"))));
    }
}
