package org.lstmlab.ui.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.engine.lessons.Lessons;

/**
 * A teacher's lesson file with numbers typed where a placeholder belongs opens all the same, with notes for its
 * author that name the step, the field and the number, in the app's language, on every step until it is closed;
 * a number in full-width digits is refused, as on the command line; the example lessons of docs/examples ship with
 * the app, and a teacher's copy of one opens. Driven without a toolkit.
 */
class TeacherLessonFilesTest {
    @TempDir
    Path dir;

    private static final String LESSON = """
            id: typed
            title: {en: Typed, zh: 手写}
            steps:
              - text: {en: The start., zh: 开始。}
                actions:
                  - setup: {cell: gru, weights: torch, seed: 3, steps: 10, input-size: 1, hidden: HIDDEN, input: sine}
              - text:
                  en: |
                    The update gate is $z_3[0] = 0.350$, and a learning rate of 0.01 is a setting.
                  zh: |
                    更新门是 $z_3[0] = 0.350$，学习率 0.01 是一个设置。
                values:
                  z3: {expr: "z[0]", t: 3}
                exercise:
                  type: numeric
                  answer: "z[0]"
                  t: 3
                  tolerance: 0.001
                  prompt: {en: "What is $z_3[0]$?", zh: "$z_3[0]$ 是多少？"}
                  hints: [{en: A sigmoid., zh: 它是 sigmoid。}]
                  explanation: {en: "It is {{z3:.3f}}, not 0.3512.", zh: "它是 {{z3:.3f}}。"}
            """;

    private LearnViewModel vm(Locale locale) {
        return LearnViewModelTest.vm(locale, dir.resolve("p.properties"), new ArrayList<>());
    }

    private Path file(String hidden) throws IOException {
        Path f = dir.resolve("typed.yaml");
        Files.writeString(f, LESSON.replace("HIDDEN", hidden), StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void typedNumbersAreNotesThatStayOnEveryStepUntilTheLessonCloses() throws IOException {
        LearnViewModel en = vm(Locale.ENGLISH);
        en.openFile(file("4"));
        assertEquals("", en.errorProperty().get(), "the lesson plays");
        assertEquals("typed", en.lessonProperty().get().id());
        String notes = """
                Notes on this lesson file, for its author. A number the engine computes is written as a placeholder \
                defined under values, so that it always agrees with the engine: lessons --verify refuses the numbers \
                below until they are, and names the engine's nearest one. The lesson plays as it is.
                • typed.yaml:7: step 2 (steps[1].text): the number 0.350 is typed into the en and zh texts
                • typed.yaml:15: step 2 (steps[1].exercise.explanation): the number 0.3512 is typed into the en text\
                """;
        assertEquals(notes, en.notesProperty().get());
        en.next();
        assertEquals(1, en.stepProperty().get());
        assertEquals(notes, en.notesProperty().get(), "the notes stay as the student moves on");
        en.close();
        assertEquals("", en.notesProperty().get());

        LearnViewModel zh = vm(Locale.SIMPLIFIED_CHINESE);
        zh.openFile(file("4"));
        String first = zh.notesProperty().get().split("\n")[1];
        assertEquals("• typed.yaml 第 7 行，第 2 步（steps[1].text）：英文（en）和中文（zh）文字里直接写了数字 0.350", first);
        assertTrue(zh.notesProperty().get().startsWith("关于这个课程文件的提示（写给课程作者）："), zh.notesProperty().get());
        zh.open("forget-gate");
        assertEquals("", zh.notesProperty().get(), "a built-in lesson has none");
    }

    @Test
    void manyNotesAreCutShortAndSaySoInEitherLanguage() throws IOException {
        Path f = file("4");
        Files.writeString(f, Files.readString(f).replace("not 0.3512.", "not 0.3512, 0.3513, 0.3514, 0.3515 or "
                + "0.3516."));
        LearnViewModel en = vm(Locale.ENGLISH);
        en.openFile(f);
        String[] lines = en.notesProperty().get().split("\n");
        assertEquals(7, lines.length);
        assertEquals("\u2026 and one more: lessons --verify lists them all.", lines[6]);
        LearnViewModel zh = vm(Locale.SIMPLIFIED_CHINESE);
        zh.openFile(f);
        assertTrue(zh.notesProperty().get().endsWith("\n……还有 1 条：lessons --verify 会全部列出。"),
                zh.notesProperty().get());
    }

    @Test
    void aNumberInFullWidthDigitsIsRefusedAndTheLessonOnShowStays() throws IOException {
        LearnViewModel zh = vm(Locale.SIMPLIFIED_CHINESE);
        zh.open("gru-gates");
        zh.openFile(file("６４"));
        assertEquals("无法使用这一课：typed.yaml 第 6 行（steps[0].actions[0].setup.hidden）：“６４”用的是中文输入法打出的全角数字；"
                + "课程文件里的数字要用半角（ASCII）数字：请写成 64", zh.errorProperty().get());
        assertEquals("gru-gates", zh.lessonProperty().get().id());
        LearnViewModel en = vm(Locale.ENGLISH);
        en.openFile(file("６４"));
        assertEquals("Cannot use this lesson: typed.yaml:6: steps[0].actions[0].setup.hidden: '６４' is typed with the "
                + "full-width digits of a Chinese input method; a number in a lesson file takes ordinary (ASCII) "
                + "digits: write 64", en.errorProperty().get());
        assertNull(en.lessonProperty().get());
    }

    @Test
    void theExampleLessonsShipWithTheAppAndACopyOpens() throws IOException {
        List<String> docs;
        try (var files = Files.list(Path.of("docs/examples"))) {
            docs = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted().toList();
        }
        assertEquals(docs, Lessons.examples().stream().sorted().toList(), "docs/examples/index.txt lists each");
        for (String name : docs) {
            assertArrayEquals(Files.readAllBytes(Path.of("docs/examples", name)), Lessons.example(name), name);
        }
        LearnViewModel en = vm(Locale.ENGLISH);
        assertEquals(new LearnViewModel.Example("gru-update-gate.yaml", "The GRU's update gate"), en.examples().get(0));
        LearnViewModel zh = vm(Locale.SIMPLIFIED_CHINESE);
        assertEquals("GRU 的更新门", zh.examples().get(0).title());
        Path copy = dir.resolve("my-lesson.yaml");
        zh.copyExample("gru-update-gate.yaml", copy);
        assertArrayEquals(Files.readAllBytes(Path.of("docs/examples/gru-update-gate.yaml")), Files.readAllBytes(copy));
        assertEquals("", zh.errorProperty().get());
        assertEquals("gru-update-gate", zh.lessonProperty().get().id());
        assertEquals(copy, zh.lessonFile(), "the copy is the teacher's file: View ▸ Language opens it again");
        assertEquals("", zh.notesProperty().get(), "the example types no number");

        zh.copyExample("gru-update-gate.yaml", dir.resolve("no-such-folder").resolve("x.yaml"));
        assertTrue(zh.errorProperty().get().startsWith("无法保存示例课程："), zh.errorProperty().get());
        assertEquals("gru-update-gate", zh.lessonProperty().get().id(), "the lesson on show stays");
    }
}
