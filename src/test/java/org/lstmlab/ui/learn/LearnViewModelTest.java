package org.lstmlab.ui.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.engine.lessons.Action;
import org.lstmlab.engine.lessons.Exercise;
import org.lstmlab.engine.lessons.LessonRun;
import org.lstmlab.engine.lessons.Lessons;
import org.lstmlab.ui.common.I18n;
import org.lstmlab.ui.learn.ExerciseView.ChoiceMark;

/** The Learn tab's view model, driven without a toolkit (work and results run on the calling thread). */
class LearnViewModelTest {
    @TempDir
    Path dir;

    private final List<LessonRun.Applied> applied = new ArrayList<>();

    private LearnViewModel vm(Locale locale) {
        return vm(locale, dir.resolve("p.properties"), applied);
    }

    /** A view model whose work runs on the calling thread, its progress in {@code file}, its host's work in a list. */
    static LearnViewModel vm(Locale locale, Path file, List<LessonRun.Applied> applied) {
        LearnViewModel vm = new LearnViewModel(I18n.bundle(locale), new LessonProgress(file),
                Runnable::run, Runnable::run);
        vm.setHost(new LessonHost() {
            @Override
            public void apply(LessonRun.Applied a, LessonRun run) {
                applied.add(a);
            }

            @Override
            public void showDebugger() {
            }
        });
        return vm;
    }

    @Test
    void listsEveryLessonWithItsTitleInTheAppsLanguage() {
        LearnViewModel en = vm(Locale.ENGLISH);
        assertEquals(Lessons.ids(), en.lessons().stream().map(LearnViewModel.LessonItem::id).toList());
        assertEquals("One LSTM step by hand", en.lessons().get(0).title());
        LearnViewModel zh = vm(Locale.SIMPLIFIED_CHINESE);
        assertEquals("手算一步 LSTM", zh.lessons().get(0).title());
        assertEquals("zh", zh.language());
    }

    @Test
    void aNumericAnswerIsCheckedAgainstTheEngineWithHintsAndAnExplanation() {
        LearnViewModel vm = vm(Locale.ENGLISH);
        vm.open("one-step-by-hand");
        assertEquals(0, vm.stepProperty().get());
        assertTrue(vm.textProperty().get().contains("x_1 = 0.3090"), vm.textProperty().get());
        vm.next();
        assertEquals("Look at the equation \u201cinput gate\u201d.", vm.lookProperty().get(),
                "the equation by the name the debugger shows, not its id");
        ExerciseView ev = vm.exerciseProperty().get();
        assertEquals(Exercise.Kind.NUMERIC, ev.kind());
        assertNull(ev.explanation());

        vm.checkNumber("0.9");
        assertEquals(Boolean.FALSE, vm.exerciseProperty().get().right());
        assertNull(vm.exerciseProperty().get().explanation());
        vm.checkNumber("abc");
        assertTrue(vm.exerciseProperty().get().feedback().contains("abc"));

        vm.hint();
        assertEquals(1, vm.exerciseProperty().get().hints().size());
        assertTrue(vm.exerciseProperty().get().moreHints());
        vm.hint();
        vm.hint();
        assertEquals(2, vm.exerciseProperty().get().hints().size());
        assertFalse(vm.exerciseProperty().get().moreHints());

        vm.checkNumber("0,5624");  // a decimal comma, as many students type it
        assertEquals(Boolean.TRUE, vm.exerciseProperty().get().right());
        assertTrue(vm.exerciseProperty().get().explanation().contains("0.5624"));
    }

    @Test
    void progressIsSavedAndTheLessonResumesWhereItWasLeft() throws IOException {
        LearnViewModel vm = vm(Locale.ENGLISH);
        vm.open("one-step-by-hand");
        vm.next();
        vm.checkNumber("0.5624");
        vm.next();
        assertEquals(2, vm.stepProperty().get());
        String file = Files.readString(dir.resolve("p.properties"), StandardCharsets.UTF_8);
        assertTrue(file.contains("one-step-by-hand.step=2"), file);
        assertTrue(file.contains("one-step-by-hand.solved=1"), file);

        LearnViewModel again = vm(Locale.ENGLISH);
        assertEquals(1, again.lessons().get(0).solved());
        again.open("one-step-by-hand");
        assertEquals(2, again.stepProperty().get());
        assertTrue(again.canBackProperty().get());
        again.back();
        assertEquals(1, again.stepProperty().get());
        assertTrue(again.exerciseProperty().get().feedback().contains("before"));
    }

    /** "Reset progress" in the list: the lesson opens at its first step, nothing solved; "Undo" gives it back. */
    @Test
    void aLessonResetOpensAtItsFirstStepAndTheUndoGivesItsProgressBack() {
        LearnViewModel vm = vm(Locale.SIMPLIFIED_CHINESE);
        assertFalse(vm.lessons().get(0).started(), "nothing to reset yet");
        vm.open("one-step-by-hand");
        vm.next();
        vm.checkNumber("0.5624");
        vm.next();
        vm.close();
        assertTrue(vm.lessons().get(0).started());
        assertEquals(1, vm.lessons().get(0).solved());

        vm.forget("one-step-by-hand");
        assertEquals("“手算一步 LSTM”已重置：从第 1 步开始，练习都算没做过。", vm.forgottenProperty().get());
        assertFalse(vm.lessons().get(0).started());
        assertEquals(0, vm.lessons().get(0).solved());
        vm.undoForget();
        assertEquals("", vm.forgottenProperty().get());
        assertEquals(1, vm.lessons().get(0).solved(), "the undo gives the exercise back");

        vm.forget("one-step-by-hand");
        LearnViewModel again = vm(Locale.SIMPLIFIED_CHINESE);   // the next start of the app
        again.open("one-step-by-hand");
        assertEquals(0, again.stepProperty().get(), "it opens at its first step");
        again.next();
        String feedback = again.exerciseProperty().get().feedback();
        assertTrue(feedback == null || feedback.isEmpty(), "not \"solved before\": " + feedback);
        assertEquals("", again.forgottenProperty().get(), "opening a lesson ends the offer to undo");
    }

    /** A progress file that cannot be written is reported in the app's language, and the lesson goes on. */
    @Test
    void progressThatCannotBeSavedIsExplainedInChinese() throws IOException {
        Files.createDirectories(dir.resolve("p.properties").resolve("in-the-way"));  // a folder where the file goes
        LearnViewModel vm = vm(Locale.SIMPLIFIED_CHINESE);
        vm.open("one-step-by-hand");
        vm.next();
        String status = vm.statusProperty().get();
        assertTrue(status.startsWith("无法保存学习进度：") && status.contains("p.properties"), status);
        assertTrue(status.contains("文件夹") && !status.contains("folder"), "the reason in Chinese: " + status);
        assertEquals(1, vm.stepProperty().get());
    }

    @Test
    void showMeRepeatsEveryActionUpToTheStepOnTheHost() {
        LearnViewModel vm = vm(Locale.ENGLISH);
        vm.open("squashed-cell");
        vm.next();
        vm.showMe();
        List<Object> kinds = applied.stream().map(a -> (Object) a.action().getClass()).toList();
        assertEquals(Action.Setup.class, kinds.get(0));
        assertTrue(kinds.contains(Action.Beside.class));
        LessonRun.Applied last = applied.get(applied.size() - 1);
        assertEquals(1, last.after().cursor(), "at t = 1: the reveal (t = 14) waits for the answer");
        assertEquals("lstm-squashed-cell", last.after().cell().id());
    }

    @Test
    void aPredictionRunsItsExperimentAfterTheAnswer() {
        LearnViewModel vm = vm(Locale.ENGLISH);
        vm.open("squashed-cell");
        assertEquals(Exercise.Kind.PREDICT, vm.exerciseProperty().get().kind());
        vm.choose(0);
        ExerciseView ev = vm.exerciseProperty().get();
        assertEquals(Boolean.FALSE, ev.right());
        assertNotNull(ev.explanation(), "a prediction is explained whatever was chosen");
        assertTrue(ev.explanation().contains("0.960"), ev.explanation());
        assertTrue(ev.why().startsWith("The squashed cell holds 0.960."), "why 'about 10' is wrong, measured by "
                + "the reveal: " + ev.why());
    }

    /** View ▸ Language: the new view model says the same verdict, hints and explanation in its own language. */
    @Test
    void anAnswerIsSaidAgainInTheOtherLanguage() {
        LearnViewModel en = vm(Locale.ENGLISH);
        en.open("one-step-by-hand");
        en.next();
        en.checkNumber("0.9");
        en.hint();
        en.answerTextProperty().set("0.56");
        ExerciseAnswer wrong = en.answer();
        LearnViewModel zh = vm(Locale.SIMPLIFIED_CHINESE);
        zh.restore(wrong);
        zh.open("one-step-by-hand");
        ExerciseView ev = zh.exerciseProperty().get();
        assertEquals(1, zh.stepProperty().get());
        assertEquals(Boolean.FALSE, ev.right());
        assertEquals("不太对。再试一次，或者看看提示。", ev.feedback());
        assertEquals(1, ev.hints().size());
        assertEquals("0.56", zh.answerTextProperty().get(), "the number being typed, not yet checked");

        zh.checkNumber("0.5624");
        LearnViewModel again = vm(Locale.ENGLISH);
        again.restore(zh.answer());
        again.open("one-step-by-hand");
        assertEquals(Boolean.TRUE, again.exerciseProperty().get().right());
        assertEquals("Right.", again.exerciseProperty().get().feedback());
        assertTrue(again.exerciseProperty().get().explanation().contains("0.5624"));
        again.next();
        assertEquals("", again.answerTextProperty().get(), "the next step starts with an empty answer");
        assertNull(again.answer().checked());
    }

    @Test
    void aPredictionIsSaidAgainWithoutRunningItOnTheDebuggerTwice() {
        LearnViewModel en = vm(Locale.ENGLISH);
        en.open("squashed-cell");
        en.choose(0);
        int shown = applied.size();
        LearnViewModel zh = vm(Locale.SIMPLIFIED_CHINESE);
        zh.restore(en.answer());
        zh.open("squashed-cell");
        ExerciseView ev = zh.exerciseProperty().get();
        assertEquals(0, ev.chosen());
        assertEquals(Boolean.FALSE, ev.right());
        assertEquals("实际结果不是这样：见下文。", ev.feedback());
        assertTrue(ev.explanation().contains("0.960"), ev.explanation());
        assertEquals(shown, applied.size(), "the debugger shows the prediction's run already");
        zh.showMe();
        assertTrue(applied.size() > shown, "later actions reach the debugger again");
    }

    @Test
    void aMalformedTeacherFileSaysWhereAndChangesNothing() throws IOException {
        LearnViewModel vm = vm(Locale.ENGLISH);
        vm.open("forget-gate");
        int step = vm.stepProperty().get();
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "id: bad\ntitle: {en: Bad}\nsteps: []\n", StandardCharsets.UTF_8);
        vm.openFile(bad);
        assertTrue(vm.errorProperty().get().contains("bad.yaml:2"), vm.errorProperty().get());
        assertTrue(vm.errorProperty().get().contains("Chinese (zh)"), vm.errorProperty().get());
        assertEquals("forget-gate", vm.lessonProperty().get().id());
        assertEquals(step, vm.stepProperty().get());
    }

    @Test
    void aMalformedTeacherFileIsExplainedInChineseInTheChineseApp() throws IOException {
        LearnViewModel vm = vm(Locale.SIMPLIFIED_CHINESE);
        Path bad = teacherFile("""
                  - text: {en: a, zh: 甲}
                    actions:
                      - mode: sideways
                """);
        vm.openFile(bad);
        assertEquals("无法使用这一课：坏.yaml 第 6 行（steps[0].actions[0].mode）：应为 forward 或 backward，现在是“sideways”",
                vm.errorProperty().get());
        assertNull(vm.lessonProperty().get());

        Files.writeString(bad, "id: bad\ntitle: {en: Bad, zh: 坏}\nsteps:\n  - text: {en: a, zh: 甲}\n"
                + "    exercise: {type: numeric, prompt: {en: p, zh: 问}, answer: \"f[0] $\", tolerance: 0}\n",
                StandardCharsets.UTF_8);
        vm.openFile(bad);
        assertEquals("无法使用这一课：坏.yaml 第 5 行（steps[0].exercise.answer）：不是有效的表达式：第 6 个位置出现了意外的“$”",
                vm.errorProperty().get());
    }

    /**
     * The mistakes of a teacher's editor (a tab, a file saved as GBK) are said in the Chinese app as on the command
     * line, with the line and what to do, and the lesson on show stays where it was.
     */
    @Test
    void aTabOrAGbkFileIsExplainedInTheChineseAppAndTheOpenLessonStays() throws IOException {
        LearnViewModel vm = vm(Locale.SIMPLIFIED_CHINESE);
        vm.open("gru-gates");
        vm.next();
        Path tab = teacherFile("  - text: {en: a, zh: 甲}\n\tvalues: {v: \"1\"}\n");
        vm.openFile(tab);
        assertEquals("无法使用这一课：坏.yaml 第 5 行：第 1 列是一个制表符（Tab 键）：YAML 只能用空格缩进，请把它换成空格",
                vm.errorProperty().get());
        Files.write(tab, "id: bad\ntitle: {en: Bad, zh: 坏}\n".getBytes(java.nio.charset.Charset.forName("GBK")));
        vm.openFile(tab);
        assertTrue(vm.errorProperty().get().startsWith("无法使用这一课：坏.yaml 第 2 行：这一行不是 UTF-8 编码的文本（字节 0xBB）"),
                vm.errorProperty().get());
        assertEquals("gru-gates", vm.lessonProperty().get().id());
        assertEquals(1, vm.stepProperty().get());
    }

    /** A lesson file the file system cannot open (a name over its 255-byte limit) says the system's reason. */
    @Test
    void aTeacherFileTheFileSystemRefusesIsExplainedInTheAppsLanguage() {
        String name = "l".repeat(260) + ".yaml";
        LearnViewModel zh = vm(Locale.SIMPLIFIED_CHINESE);
        zh.openFile(dir.resolve(name));
        assertEquals("无法使用这一课：" + name + "：文件名太长", zh.errorProperty().get());
        LearnViewModel en = vm(Locale.ENGLISH);
        en.openFile(dir.resolve(name));
        assertEquals("Cannot use this lesson: " + name + ": File name too long", en.errorProperty().get());
    }

    /** A lesson that reads well but fails while it runs: the student is told where and why in the app's language. */
    @Test
    void aLessonThatFailsWhileItRunsSaysWhyInTheAppsLanguage() throws IOException {
        Path bad = teacherFile("""
                  - text: {en: a, zh: 甲}
                    exercise:
                      type: numeric
                      prompt: {en: p, zh: 问}
                      answer: "zz + 1"
                      tolerance: 0.1
                      hints: [{en: h, zh: 提示}]
                      explanation: {en: e, zh: 解}
                  - text: {en: b, zh: 乙}
                    actions:
                      - jump: 99
                """);
        String[][] expected = {
            {"Cannot use this lesson: 坏.yaml:6: 'zz + 1': 'zz' is not a value of this lstm trace",
                "Cannot use this lesson: 坏.yaml:14: timestep 99 is outside 1..20"},
            {"无法使用这一课：坏.yaml 第 6 行：表达式“zz + 1”：“zz”不是这条 lstm 轨迹里的量",
                "无法使用这一课：坏.yaml 第 14 行：时间步 99 超出了 1 到 20 的范围"},
        };
        Locale[] locales = {Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE};
        for (int k = 0; k < locales.length; k++) {
            LearnViewModel vm = vm(locales[k]);
            vm.openFile(bad);
            assertEquals("", vm.errorProperty().get());
            vm.checkNumber("1");
            assertEquals(expected[k][0], vm.errorProperty().get());
            vm.next();
            assertEquals(expected[k][1], vm.errorProperty().get());
            assertEquals(0, vm.stepProperty().get());
        }
    }

    /** A teacher's lesson file 坏.yaml (id bad) with these steps. */
    /**
     * A wrong choice says why it is wrong, with the engine's numbers, and the student may choose again; View ▸
     * Language says it again in the other language; a right choice, or one without feedback, says nothing more.
     */
    @Test
    void aWrongChoiceSaysWhyInEitherLanguage() throws Exception {
        Path file = Path.of(getClass().getResource("/lessons/wrong-choice.yaml").toURI());
        LearnViewModel en = vm(Locale.ENGLISH);
        en.openFile(file);
        assertEquals("", en.exerciseProperty().get().why());
        en.choose(0);
        ExerciseView ev = en.exerciseProperty().get();
        assertEquals(Boolean.FALSE, ev.right());
        assertEquals("It keeps 1.00 of c.", ev.why());
        assertNull(ev.explanation(), "the student may choose again");
        LearnViewModel zh = vm(Locale.SIMPLIFIED_CHINESE);
        zh.restore(en.answer());
        zh.openFile(file);
        assertEquals("它保留 c 的 1.00。", zh.exerciseProperty().get().why());
        assertEquals("不太对。再试一次，或者看看提示。", zh.exerciseProperty().get().feedback());
        zh.choose(2);
        assertEquals("", zh.exerciseProperty().get().why(), "this choice has no feedback: the last one goes");
        zh.choose(1);
        assertEquals(Boolean.TRUE, zh.exerciseProperty().get().right());
        assertEquals("", zh.exerciseProperty().get().why());
    }

    /** The marks a class reads from afar: the wrong choice answered, and once done, the right one. */
    @Test
    void anAnsweredChoiceMarksTheRightOneAndTheWrongOneChosen() throws Exception {
        LearnViewModel vm = vm(Locale.ENGLISH);
        vm.openFile(Path.of(getClass().getResource("/lessons/wrong-choice.yaml").toURI()));
        ExerciseView ev = vm.exerciseProperty().get();
        assertEquals(List.of(ChoiceMark.OPEN, ChoiceMark.OPEN, ChoiceMark.OPEN), marks(ev));
        vm.choose(0);
        assertEquals(List.of(ChoiceMark.WRONG, ChoiceMark.OPEN, ChoiceMark.OPEN), marks(vm.exerciseProperty().get()),
                "a wrong choice does not give the right one away");
        vm.hint();
        assertEquals(ChoiceMark.WRONG, vm.exerciseProperty().get().mark(0), "a hint keeps the mark");
        vm.choose(1);
        assertEquals(List.of(ChoiceMark.OTHER, ChoiceMark.RIGHT, ChoiceMark.OTHER), marks(vm.exerciseProperty().get()));

        LearnViewModel gaveUp = vm(Locale.ENGLISH);
        gaveUp.openFile(Path.of(getClass().getResource("/lessons/wrong-choice.yaml").toURI()));
        gaveUp.choose(2);
        gaveUp.reveal();
        assertEquals(List.of(ChoiceMark.OTHER, ChoiceMark.RIGHT, ChoiceMark.WRONG),
                marks(gaveUp.exerciseProperty().get()), "the answer given away, the wrong one answered");

        LearnViewModel predicted = vm(Locale.ENGLISH);
        predicted.open("squashed-cell");
        predicted.choose(0);
        ExerciseView p = predicted.exerciseProperty().get();
        assertEquals(ChoiceMark.WRONG, p.mark(0));
        assertEquals(ChoiceMark.RIGHT, p.mark(p.correct()), "a prediction shows what happened");
    }

    private static List<ChoiceMark> marks(ExerciseView ev) {
        return IntStream.range(0, ev.choices().size()).mapToObj(ev::mark).toList();
    }

    private Path teacherFile(String steps) throws IOException {
        Path file = dir.resolve("坏.yaml");
        Files.writeString(file, "id: bad\ntitle: {en: Bad, zh: 坏}\nsteps:\n" + steps, StandardCharsets.UTF_8);
        return file;
    }

    /**
     * "Show the answer" quotes the right choice with one full stop: a choice that ends with its own kept it, and the
     * message added another (vanishing-gradient's last step read "…少数单元。。").
     */
    @Test
    void theAnswerGivenAwayEndsWithOneFullStop() throws Exception {
        Path file = teacherFile("""
                  - text: {en: "The latch.", zh: "锁存器。"}
                    actions:
                      - setup: {cell: lstm, weights: latch, steps: 4}
                    exercise:
                      type: choice
                      prompt: {en: "Which is right?", zh: "哪个对？"}
                      choices:
                        - {en: "It forgets.", zh: "它会忘。"}
                        - {en: "It keeps c.", zh: "它保留 c。"}
                      correct: 2
                      hints: [{en: "Look.", zh: "看。"}]
                      explanation: {en: "It keeps it.", zh: "它保留了。"}
                """);
        LearnViewModel en = vm(Locale.ENGLISH);
        en.openFile(file);
        assertEquals("", en.errorProperty().get());
        en.reveal();
        assertEquals("The answer: It keeps c.", en.exerciseProperty().get().feedback());
        LearnViewModel zh = vm(Locale.SIMPLIFIED_CHINESE);
        zh.openFile(file);
        zh.reveal();
        assertEquals("答案：它保留 c。", zh.exerciseProperty().get().feedback());
    }

    @Test
    void numbersAsStudentsTypeThem() {
        assertEquals(0.5, TypedNumbers.parse(" 0,5 "));
        assertEquals(-0.25, TypedNumbers.parse("−0.25"));
        assertNull(TypedNumbers.parse("one"));
        assertNull(TypedNumbers.parse(""));
    }

    /**
     * A Chinese input method in full-width mode types ０．５ or, with Chinese punctuation, 0。5: the same number.
     * Java's own suffixes and spellings are not numbers a student means.
     */
    @Test
    void numbersTypedWithAChineseInputMethod() {
        assertEquals(50.0, TypedNumbers.parse("５０"));
        assertEquals(0.5, TypedNumbers.parse("０．５"));
        assertEquals(0.5, TypedNumbers.parse("0。5"));
        assertEquals(-1.5, TypedNumbers.parse("－１.５"));
        assertEquals(0.001, TypedNumbers.parse("1e-3"));
        assertEquals(0.5, TypedNumbers.parse("　0.5　"));  // ideographic spaces
        for (String odd : new String[] {"1d", "0.5f", "0x1p3", "NaN", "Infinity", "1e309", "5 0", "五十", "½"}) {
            assertNull(TypedNumbers.parse(odd), odd);
        }
    }
}
