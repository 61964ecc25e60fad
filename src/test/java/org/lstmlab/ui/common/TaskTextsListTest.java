package org.lstmlab.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.lstmlab.engine.tasks.Task;
import org.lstmlab.engine.tasks.UserData;

/**
 * A user's CSV series is described with its columns listed as the reader's language lists things: "time, load,
 * temp" in English (the engine's own description), "time、load、temp" in Chinese (it read "time, load, temp").
 */
class TaskTextsListTest {
    @Test
    void theColumnsOfAUsersSeriesAreListedAsTheLanguageDoes() throws Exception {
        Task t = UserData.read(new UserData.Request(Path.of("src/test/resources/data/good/series.csv"), false,
                List.of(), List.of(), 8, 2, 0.2, null)).task();
        assertEquals(t.description(), TaskTexts.description(I18n.bundle(Locale.ENGLISH), t));
        assertEquals("Forecast temp of series.csv from windows of time, load, temp",
                TaskTexts.description(I18n.bundle(Locale.ENGLISH), t));
        assertEquals("用 time、load、temp 的滑动窗口预测 series.csv 中的 temp",
                TaskTexts.description(I18n.bundle(Locale.SIMPLIFIED_CHINESE), t));
    }

    /** A file of 300 columns names the first twelve and how many there are, not all 300. */
    @Test
    void theColumnsOfAWideFileAreCutShort(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        StringBuilder b = new StringBuilder("c1");
        for (int c = 2; c <= 300; c++) {
            b.append(",c").append(c);
        }
        for (int r = 0; r < 30; r++) {
            b.append('\n').append(Math.sin(r));
            for (int c = 2; c <= 300; c++) {
                b.append(',').append(Math.sin(r * 0.3 + c));
            }
        }
        Path file = java.nio.file.Files.writeString(dir.resolve("wide.csv"), b + "\n");
        Task t = UserData.read(new UserData.Request(file, false, List.of(), List.of(), 4, 1, 0.2, null)).task();
        assertEquals("Forecast c300 of wide.csv from windows of c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, … "
                + "(300 in all)", TaskTexts.description(I18n.bundle(Locale.ENGLISH), t));
        assertEquals(t.description(), TaskTexts.description(I18n.bundle(Locale.ENGLISH), t));
        assertEquals("用 c1、c2、c3、c4、c5、c6、c7、c8、c9、c10、c11、c12 等（共 300 个）的滑动窗口预测 wide.csv 中的 c300",
                TaskTexts.description(I18n.bundle(Locale.SIMPLIFIED_CHINESE), t));
    }

    @Test
    void aListIsJoinedAsTheLanguageJoinsIt() {
        assertEquals("10, 25, 50", I18n.list(I18n.bundle(Locale.ENGLISH), List.of(10, 25, 50)));
        assertEquals("10、25、50", I18n.list(I18n.bundle(Locale.SIMPLIFIED_CHINESE), List.of(10, 25, 50)));
    }
}
