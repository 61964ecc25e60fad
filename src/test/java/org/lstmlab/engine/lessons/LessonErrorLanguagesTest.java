package org.lstmlab.engine.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lstmlab.engine.lessons.LessonCaseFile.Case;
import org.lstmlab.engine.tasks.Tasks;
import org.lstmlab.engine.text.Message;
import org.lstmlab.engine.trace.expr.ExprError;
import org.lstmlab.engine.trace.expr.ExprParser;

/**
 * A malformed lesson says what is wrong in the language of the app: the command line's English is what it always
 * was, and the Chinese app says the same in Chinese, with the file, the line, the field and the values that are
 * wrong. The cases are in {@code lessons/malformed-lessons.txt} (one for each reason the reader gives).
 */
class LessonErrorLanguagesTest {
    private static final ResourceBundle EN = LessonCaseFile.EN;
    private static final ResourceBundle ZH = LessonCaseFile.ZH;
    private static final Pattern HAN = LessonCaseFile.HAN;

    static List<Case> cases() throws IOException {
        return LessonCaseFile.read("/lessons/malformed-lessons.txt");
    }

    private static LessonFormatException refusal(String yaml) {
        return assertThrows(LessonFormatException.class, () -> LessonReader.parse("x.yaml", yaml));
    }

    /** The reason inside the place: the last argument of the message the app shows. */
    private static Message reason(LessonFormatException e) {
        List<Object> args = e.userMessage().args();
        return assertInstanceOf(Message.class, args.get(args.size() - 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aMalformedLessonSaysWhatIsWrongInEnglishAndInChinese(Case c) {
        LessonFormatException e = refusal(c.yaml());
        assertEquals(c.english(), e.getMessage(), "the command line's English");
        assertEquals(c.english(), e.userMessage().in(EN), "the English app shows the command line's sentence");
        assertEquals(c.chinese(), e.userMessage().in(ZH));
    }

    /**
     * Each reason the reader can give while parsing has a case, so that each is seen in Chinese: a new reason
     * without a case fails here. Reasons about the file as a whole are tested below; the others are parts of a
     * sentence (a language's name, the place) or cannot happen from a file (an action the switch does not know).
     */
    @Test
    void everyReasonHasACase() throws IOException {
        Set<String> seen = new TreeSet<>();
        for (Case c : cases()) {
            seen.add(reason(refusal(c.yaml())).key());
        }
        seen.add(reason(refusal(LessonReaderTest.HEAD + LessonReaderTest.STEP
                + "    actions:\n      - train: {name: r, task: nope, cell: lstm, steps: 5, hidden: 2, epochs: 1}\n"))
                .key());
        Set<String> expected = new TreeSet<>();
        for (String k : EN.keySet()) {
            if (k.startsWith("engine.lesson.") && !k.startsWith("engine.lesson.language.")
                    && !k.startsWith("engine.lesson.textIn.")) {
                expected.add(k);
            }
        }
        expected.add("engine.cell.unknown");
        expected.removeAll(Set.of("engine.lesson.at", "engine.lesson.atLine", "engine.lesson.atField",
                "engine.lesson.files", "engine.lesson.noSuchFile", "engine.lesson.denied", "engine.lesson.notUtf8",
                "engine.lesson.utf16",
                "engine.lesson.noBuiltIn", "engine.lesson.idMismatch", "engine.lesson.unknownAction"));
        assertEquals(expected, seen);
    }

    @Test
    void anUnknownTaskNamesTheTasksThereAre() {
        LessonFormatException e = refusal(LessonReaderTest.HEAD + LessonReaderTest.STEP
                + "    actions:\n      - train: {name: r, task: nope, cell: lstm, steps: 5, hidden: 2, epochs: 1}\n");
        String tasks = String.join(", ", Tasks.names());
        assertEquals("x.yaml:6: steps[0].actions[0].train.task: unknown task 'nope' (expected one of " + tasks + ")",
                e.getMessage());
        assertEquals("x.yaml 第 6 行（steps[0].actions[0].train.task）：未知的任务“nope”（应为以下之一：" + tasks + "）",
                e.userMessage().in(ZH));
    }

    @Test
    void aFileThatCannotBeReadSaysWhyInBothLanguages(@TempDir Path dir) throws IOException {
        Path utf16 = dir.resolve("utf16.yaml");
        Files.write(utf16, "id: t\n".getBytes(StandardCharsets.UTF_16));
        Path big = dir.resolve("big.yaml");
        Files.write(big, new byte[(int) LessonReader.MAX_BYTES + 1]);
        Object[][] cases = {
            {dir.resolve("gone.yaml"), "gone.yaml: no such file", "gone.yaml：文件不存在"},
            {dir, dir.getFileName() + ": is a folder, not a regular file", dir.getFileName() + "：是文件夹，不是普通文件"},
            {utf16, "utf16.yaml: the file was saved as UTF-16 (Notepad calls it \"Unicode\"); lesson files are UTF-8: "
                + "save it again choosing the encoding UTF-8",
                "utf16.yaml：文件是以 UTF-16 保存的（记事本里叫“Unicode”）；课程文件要用 UTF-8：请重新保存，编码选 UTF-8"},
            {big, "big.yaml: is 1.0 MiB; lesson files are limited to 1.0 MiB",
                "big.yaml：大小为 1.0 MiB；课程文件最大只能是 1.0 MiB"},
        };
        for (Object[] c : cases) {
            LessonFormatException e = assertThrows(LessonFormatException.class, () -> LessonReader.read((Path) c[0]));
            assertEquals(c[1], e.getMessage());
            assertEquals(c[2], e.userMessage().in(ZH));
            assertEquals(0, e.line());
        }
    }

    /**
     * A file a Chinese Windows editor saved as GBK (or a Western one as Latin-1, "ANSI") names the line of its first
     * byte that is not UTF-8 and what to do; so does one saved as UTF-16 without a BOM.
     */
    @Test
    void aFileInAnotherEncodingNamesItsLineAndHowToSaveItAsUtf8(@TempDir Path dir) throws IOException {
        String lesson = "id: t\ntitle:\n  en: The update gate\n  zh: 更新门\n";
        Path gbk = dir.resolve("gbk.yaml");
        Files.write(gbk, lesson.getBytes(java.nio.charset.Charset.forName("GBK")));
        Path latin1 = dir.resolve("latin1.yaml");
        Files.write(latin1, "id: t\n\ntitle: {en: caf\u00e9, zh: x}\n".getBytes(StandardCharsets.ISO_8859_1));
        Path bare16 = dir.resolve("bare16.yaml");
        Files.write(bare16, lesson.getBytes(StandardCharsets.UTF_16LE));
        Object[][] cases = {
            {gbk, 4, "gbk.yaml:4: this line is not UTF-8 text (byte 0xB8): the file was saved in another encoding, "
                + "such as GBK or \"ANSI\"; lesson files are UTF-8: save it again choosing the encoding UTF-8",
                "gbk.yaml 第 4 行：这一行不是 UTF-8 编码的文本（字节 0xB8）：文件是用别的编码（例如 GBK 或“ANSI”）保存的；"
                + "课程文件要用 UTF-8：请重新保存，编码选 UTF-8"},
            {latin1, 3, "latin1.yaml:3: this line is not UTF-8 text (byte 0xE9)", "latin1.yaml 第 3 行：这一行不是"},
            {bare16, 0, "bare16.yaml: the file was saved as UTF-16", "bare16.yaml：文件是以 UTF-16 保存的"},
        };
        for (Object[] c : cases) {
            LessonFormatException e = assertThrows(LessonFormatException.class, () -> LessonReader.read((Path) c[0]));
            assertEquals(c[1], e.line(), e.getMessage());
            assertTrue(e.getMessage().startsWith((String) c[2]), e.getMessage());
            assertTrue(e.userMessage().in(ZH).startsWith((String) c[3]), e.userMessage().in(ZH));
        }
    }

    /** A BOM and Windows line ends (CRLF) are read as they are meant, and lines are counted as an editor does. */
    @Test
    void aBomAndWindowsLineEndsAreReadAndCountedAsAnEditorDoes(@TempDir Path dir) throws IOException {
        Path crlf = dir.resolve("crlf.yaml");
        String lesson = LessonReaderTest.HEAD + LessonReaderTest.STEP + "    actions:\n      - jump: soon\n";
        byte[] body = lesson.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        Files.write(crlf, withBom);
        LessonFormatException e = assertThrows(LessonFormatException.class, () -> LessonReader.read(crlf));
        assertEquals(lesson.split("jump")[0].split("\n", -1).length, e.line(), e.getMessage());
        assertTrue(e.getMessage().endsWith("jump: expected a whole number, got 'soon'"), e.getMessage());
    }

    @Test
    void aBuiltInLessonThatDoesNotExistSaysSoInBothLanguages() {
        LessonFormatException e = assertThrows(LessonFormatException.class, () -> Lessons.load("nope"));
        assertEquals("nope.yaml: no built-in lesson has the id 'nope'", e.getMessage());
        assertEquals("nope.yaml：没有 id 为“nope”的内置课程", e.userMessage().in(ZH));
    }

    /**
     * Every problem the expression parser reports reads in English exactly as the parser says it (the command line
     * shows that sentence) and in Chinese with the same specifics (the character, its position, the limit).
     */
    @Test
    void everyParseProblemOfAnExpressionIsSaidInChinese() {
        String deep = "(".repeat(ExprParser.MAX_NESTING + 1) + "1" + ")".repeat(ExprParser.MAX_NESTING + 1);
        Set<ExprError.Kind> seen = EnumSet.noneOf(ExprError.Kind.class);
        for (String src : List.of(" ", "f[0] $ 1", "f[0] <", "f[0", "max(1 2)", "1.2.3", "1+".repeat(600) + "1",
                deep)) {
            ExprError err = assertThrows(ExprError.class, () -> ExprParser.parse(src), src);
            seen.add(err.kind());
            Message m = ExpressionReasons.of(err);
            assertTrue(m.key().startsWith("engine.expr."), m.key());
            assertEquals(err.getMessage(), m.english());
            String zh = m.in(ZH);
            assertTrue(HAN.matcher(zh).find(), zh);
            for (Object a : err.args()) {
                assertTrue(zh.contains(String.valueOf(a)), zh + " lacks " + a);
            }
        }
        assertEquals(EnumSet.of(ExprError.Kind.EMPTY, ExprError.Kind.UNEXPECTED_CHARACTER,
                ExprError.Kind.UNEXPECTED_END, ExprError.Kind.UNEXPECTED_TOKEN, ExprError.Kind.BAD_NUMBER,
                ExprError.Kind.TOO_LONG, ExprError.Kind.TOO_DEEP), seen);
        ExprError debuggerOnly = new ExprError(ExprError.Kind.NOT_YET_COMPUTED, -1, "not yet computed");
        assertEquals(Message.verbatim("not yet computed"), ExpressionReasons.of(debuggerOnly));
    }

    /**
     * Every key the lesson reader and its helpers name has an English and a Chinese template, and the Chinese one is
     * Chinese (not an English sentence copied over). A key the code completes ({@code "engine.lesson.textIn." +
     * lang}) stands for every key it starts.
     */
    /** Templates that only place a reason ("{0}：{1}"): their Chinese is Chinese punctuation, not words. */
    private static final Set<String> PLACE_ONLY = Set.of("engine.file.named", "engine.lesson.atField");

    @Test
    void everyReasonKeyHasAnEnglishAndAChineseText() throws IOException {
        Set<String> keys = LessonCaseFile.keysNamedIn("lessons/LessonReader.java", "lessons/ActionReader.java",
                "lessons/HeldBack.java", "lessons/YamlNode.java", "lessons/Lessons.java",
                "lessons/LessonFormatException.java", "lessons/ExpressionReasons.java", "nn/CellType.java");
        assertTrue(keys.size() > 60, "found " + keys.size() + " keys: " + keys);
        assertEquals(List.of(), LessonCaseFile.untranslated(keys, PLACE_ONLY));
    }
}
