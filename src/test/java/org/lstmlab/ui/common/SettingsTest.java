package org.lstmlab.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {
    private final Settings settings = Settings.inMemory();

    @Test
    void theFirstStartFollowsTheSystemThenTheChoiceIsRemembered() {
        assertEquals(Locale.SIMPLIFIED_CHINESE, settings.startLanguage(null, Locale.forLanguageTag("zh-CN")));
        assertEquals(Locale.ENGLISH, settings.startLanguage(null, Locale.FRANCE));
        settings.setLanguage(Locale.SIMPLIFIED_CHINESE);
        assertEquals(Locale.SIMPLIFIED_CHINESE, settings.startLanguage(null, Locale.US), "remembered");
        assertEquals(Locale.ENGLISH, settings.startLanguage("en", Locale.US), "--lang wins");
        assertEquals(Locale.SIMPLIFIED_CHINESE, settings.startLanguage("zh-CN", Locale.US));
    }

    @Test
    void recentFilesAreNewestFirstOnceEachAtMostEightAndOnlyExistingOnes(@TempDir Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            files.add(Files.writeString(dir.resolve("m" + i + ".safetensors"), "x"));
            settings.addRecentFile(files.get(i));
        }
        settings.addRecentFile(files.get(5));
        List<Path> recent = settings.recentFiles();
        assertEquals(Settings.MAX_RECENT, recent.size());
        assertEquals(files.get(5).toAbsolutePath(), recent.get(0));
        assertEquals(files.get(9).toAbsolutePath(), recent.get(1));
        Files.delete(files.get(9));
        assertEquals(files.get(8).toAbsolutePath(), settings.recentFiles().get(1), "a deleted file is not offered");
        settings.clearRecentFiles();
        assertEquals(List.of(), settings.recentFiles());
    }
}
