package org.lstmlab.ui.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.engine.lessons.Lesson;
import org.lstmlab.engine.lessons.LessonReader;

/**
 * A student's progress follows a lesson that changed: an exercise inserted before the ones solved (as
 * seed-keras-model's x_train step was) is not shown "solved before", and the solved ones keep their marks where they
 * moved to, also after the file is read again.
 */
class LessonProgressTest {
    private static String step(String prompt) {
        return "  - text: {en: a, zh: b}\n"
                + "    exercise:\n"
                + "      type: numeric\n"
                + "      prompt: {en: \"" + prompt + "\", zh: \"" + prompt + "\"}\n"
                + "      answer: \"1\"\n"
                + "      tolerance: 0.1\n"
                + "      hints: [{en: look, zh: 看}]\n"
                + "      explanation: {en: it is 1, zh: 是 1}\n";
    }

    private static Lesson lesson(String... prompts) throws Exception {
        StringBuilder y = new StringBuilder("id: t\ntitle: {en: T, zh: 题}\nsteps:\n  - text: {en: intro, zh: 引言}\n");
        for (String p : prompts) {
            y.append(step(p));
        }
        return LessonReader.parse("t.yaml", y.toString());
    }

    @Test
    void anInsertedExerciseIsNotSolvedBeforeAndTheSolvedOnesMoveWithTheirSteps(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("progress.properties");
        LessonProgress p = new LessonProgress(file);
        Lesson before = lesson("one?", "two?", "three?");
        p.align(before);
        p.solve("t", 2);   // "two?"
        p.solve("t", 3);   // "three?"
        p.reached("t", 3);

        Lesson after = lesson("one?", "new?", "two?", "three?");
        LessonProgress again = new LessonProgress(file);   // the next start of the app, with the new lesson
        again.align(after);
        assertFalse(again.solved("t", 2), "the new exercise, where 'two?' was");
        assertTrue(again.solved("t", 3) && again.solved("t", 4), "'two?' and 'three?' where they are now");
        assertEquals(2, again.solvedCount("t"));
        assertFalse(again.solved("t", 1), "'one?' was never solved");
        assertTrue(Files.readString(file).contains("t.solved=3,4"), Files.readString(file));

        Lesson reworded = lesson("one?", "new?", "two, reworded?", "three?");
        again.align(reworded);
        assertEquals(1, again.solvedCount("t"), "a reworded prompt is a new exercise");
        assertTrue(again.solved("t", 4));
    }

    @Test
    void progressSavedWithoutKeysIsTakenAsItIs(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("progress.properties");
        Files.writeString(file, "# an older version's file\nt.step=2\nt.solved=1,2\n");
        LessonProgress p = new LessonProgress(file);
        p.align(lesson("one?", "two?"));
        assertTrue(p.solved("t", 1) && p.solved("t", 2));
        assertEquals(2, p.step("t"));
        assertTrue(Files.readString(file).contains("t.keys=-,"), "the keys written for next time");
    }

    /**
     * The lesson list aligns every lesson at start-up: one never opened writes no file, and its keys go with the
     * next save.
     */
    @Test
    void aLessonNeverOpenedWritesNothingUntilItsFirstStep(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("progress.properties");
        LessonProgress p = new LessonProgress(file);
        p.align(lesson("one?", "two?"));
        assertFalse(Files.exists(file), "nothing written at start-up");
        p.reached("t", 1);
        assertTrue(Files.readString(file).contains("t.keys=-,"), Files.readString(file));
    }

    /** "Reset progress": the lesson starts afresh, in the file too, and the undo gives back exactly what was. */
    @Test
    void aLessonForgottenStartsAfreshAndItsUndoGivesBackWhatWas(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("progress.properties");
        LessonProgress p = new LessonProgress(file);
        p.align(lesson("one?", "two?"));
        assertFalse(p.started("t"));
        p.solve("t", 2);
        p.reached("t", 2);
        p.reached("u", 1);   // another lesson, which keeps its progress
        assertTrue(p.started("t"));

        LessonProgress.Forgotten was = p.forget("t");
        assertFalse(p.started("t"));
        assertEquals(0, p.step("t"));
        assertFalse(p.solved("t", 2));
        LessonProgress read = new LessonProgress(file);   // the next start of the app
        assertFalse(read.started("t"), Files.readString(file));
        assertEquals(1, read.step("u"), "the other lesson kept");
        assertTrue(Files.readString(file).contains("t.keys="), "the keys stay: the lesson has not changed");

        p.restore(was);
        LessonProgress back = new LessonProgress(file);
        assertEquals(2, back.step("t"));
        assertTrue(back.solved("t", 2));
        assertEquals(1, back.solvedCount("t"));
    }
}
