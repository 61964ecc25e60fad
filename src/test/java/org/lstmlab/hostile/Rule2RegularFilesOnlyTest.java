package org.lstmlab.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.engine.bounds.InputFiles;
import org.lstmlab.engine.data.CsvSeries;
import org.lstmlab.engine.data.DataFileException;
import org.lstmlab.engine.data.TextFiles;
import org.lstmlab.engine.interop.ImportOptions;
import org.lstmlab.engine.interop.ModelImport;
import org.lstmlab.engine.lessons.LessonFormatException;
import org.lstmlab.engine.lessons.LessonReader;
import org.lstmlab.engine.interop.SequenceFiles;
import org.lstmlab.engine.interop.CaseRunner;
import org.lstmlab.engine.io.CheckpointFile;
import org.lstmlab.engine.io.ModelFile;
import org.lstmlab.engine.io.SafeTensors;
import org.lstmlab.engine.tasks.UserData;
import org.lstmlab.engine.text.Message;
import org.lstmlab.testing.Await;

/**
 * Rule 2: only regular files are read, within bounds. Every loader is given every kind of thing that is not a
 * regular file (devices that never end or never answer, a FIFO nobody writes to, a socket, a folder, an empty
 * path, a link to a device) and must refuse it by its type, naming it, without reading: a loader that read
 * {@code /dev/zero} or opened the FIFO would hang, and the preemptive timeout below (a backstop against a hang,
 * not a speed limit) would fail the test.
 */
class Rule2RegularFilesOnlyTest {
    @TempDir
    static Path dir;
    private static ServerSocketChannel socket;
    /** What each thing is, as the message must say it, and its path. */
    private static final List<Map.Entry<String, Path>> NOT_FILES = new ArrayList<>();

    @BeforeAll
    static void makeThem() throws Exception {
        NOT_FILES.add(Map.entry("a device", Path.of("/dev/zero")));
        NOT_FILES.add(Map.entry("a device", Path.of("/dev/urandom")));
        NOT_FILES.add(Map.entry("a device", Path.of("/dev/null")));
        NOT_FILES.add(Map.entry("a FIFO (named pipe)", Hostile.fifo(dir.resolve("pipe"))));
        socket = Hostile.socket(dir.resolve("sock"));
        NOT_FILES.add(Map.entry("a socket", dir.resolve("sock")));
        NOT_FILES.add(Map.entry("a folder", Files.createDirectory(dir.resolve("folder.safetensors"))));
        NOT_FILES.add(Map.entry("a device", Files.createSymbolicLink(dir.resolve("link-to-zero.csv"),
                Path.of("/dev/zero"))));
        NOT_FILES.add(Map.entry("no file name given", Path.of("")));
    }

    @AfterAll
    static void closeSocket() throws IOException {
        socket.close();
    }

    private static Map<String, Callable<?>> loaders(Path p) {
        Map<String, Callable<?>> m = new LinkedHashMap<>();
        m.put("SafeTensors.read", () -> SafeTensors.read(p));
        m.put("SafeTensors.readIndex", () -> SafeTensors.readIndex(p));
        m.put("ModelFile.load", () -> ModelFile.load(p));
        m.put("CheckpointFile.load", () -> CheckpointFile.load(p));
        m.put("CaseRunner.run", () -> CaseRunner.run(p));
        m.put("TextFiles.read", () -> TextFiles.read(p));
        m.put("CsvSeries.load", () -> CsvSeries.load(p, CsvSeries.Options.defaults()));
        m.put("InputFiles.readAll", () -> InputFiles.readAll(p, 1 << 20, Message.verbatim("test files")));
        m.put("ModelImport.load", () -> ModelImport.load(p, ImportOptions.NONE));
        m.put("SequenceFiles.read", () -> SequenceFiles.read(p, 1, OptionalInt.empty(), java.util.List.of()));
        m.put("UserData.read", () -> UserData.read(UserData.Request.of(p)));
        return m;
    }

    @Test
    void everyLoaderRefusesEveryNonRegularFileByItsTypeWithoutReadingIt() {
        List<String> checked = new ArrayList<>();
        for (Map.Entry<String, Path> thing : NOT_FILES) {
            String kind = thing.getKey();
            Path p = thing.getValue();
            for (Map.Entry<String, Callable<?>> loader : loaders(p).entrySet()) {
                String what = loader.getKey() + "(" + p + ")";
                Throwable t = assertTimeoutPreemptively(Duration.ofSeconds(Await.LIMIT_SECONDS), () -> {
                    try {
                        loader.getValue().call();
                        return null;
                    } catch (Exception e) {
                        return e;
                    }
                }, what + " did not return: it read or opened what it should have refused");
                assertNotNull(t, what + " loaded something");
                assertInstanceOf(InputFiles.NotRegularFileException.class, t, what + ": " + t);
                String name = p.toString().isEmpty() ? "(empty path)" : p.toString();
                assertEquals(name + ": " + (kind.equals("no file name given") ? kind : "is " + kind
                        + ", not a regular file"), t.getMessage(), what);
                checked.add(what);
            }
        }
        assertEquals(NOT_FILES.size() * loaders(Path.of("x")).size(), checked.size());
    }

    @Test
    void theLessonReaderRefusesEveryNonRegularFileByItsTypeToo() {
        for (Map.Entry<String, Path> thing : NOT_FILES) {
            String kind = thing.getKey();
            Path p = thing.getValue();
            Throwable t = assertTimeoutPreemptively(Duration.ofSeconds(Await.LIMIT_SECONDS), () -> {
                try {
                    LessonReader.read(p);
                    return null;
                } catch (Exception e) {
                    return e;
                }
            }, "LessonReader.read(" + p + ") did not return");
            LessonFormatException e = assertInstanceOf(LessonFormatException.class, t, p + ": " + t);
            assertEquals(kind.equals("no file name given") ? kind : "is " + kind + ", not a regular file", e.reason(),
                    p.toString());
        }
    }

    @Test
    void filesOverTheCapAreRefusedBeforeTheyAreRead() throws IOException {
        Path big = dir.resolve("huge.txt");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(TextFiles.MAX_BYTES + 1);  // a hole: nothing to read but its size
        }
        for (Callable<?> c : List.<Callable<?>>of(() -> TextFiles.read(big),
                () -> CsvSeries.load(big, CsvSeries.Options.defaults()))) {
            Hostile.Run run = Hostile.measure(c);
            IOException e = assertInstanceOf(IOException.class, run.thrown());
            assertEquals(big + ": is 64.0 MiB; text and CSV files are limited to 64.0 MiB", e.getMessage());
            assertTrue(run.allocated() < 1 << 20, "refused before reading: allocated " + run.allocated());
        }
        Path small = Files.writeString(dir.resolve("small.txt"), "x".repeat(2000));
        Message kind = Message.verbatim("test files");
        assertTrue(assertThrows(IOException.class, () -> InputFiles.readAll(small, 1000, kind)).getMessage()
                .endsWith("is 2.0 KiB; test files are limited to 1000 bytes"));
        assertEquals(1000, InputFiles.readAll(Files.writeString(dir.resolve("k.txt"), "y".repeat(1000)), 1000,
                kind).length, "a file of exactly the cap is read");
    }

    @Test
    void emptyAndBomOnlyFilesAreEmptyInEveryEncodingNotAMisleadingDecodingError() throws IOException {
        byte[][] contents = {{}, {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, {(byte) 0xFF, (byte) 0xFE},
            {(byte) 0xFE, (byte) 0xFF}};
        for (byte[] c : contents) {
            Path f = Files.write(dir.resolve("empty" + c.length + ".csv"), c);
            for (Callable<?> load : List.<Callable<?>>of(() -> TextFiles.read(f),
                    () -> TextFiles.read(f, StandardCharsets.UTF_8), () -> CsvSeries.load(f,
                            CsvSeries.Options.defaults()))) {
                DataFileException e = assertInstanceOf(DataFileException.class, Hostile.measure(load).thrown());
                assertTrue(e.getMessage().equals(f + ": is empty") || e.getMessage().equals(f
                        + ": holds only a byte-order mark"), e.getMessage());
            }
        }
    }

    @Test
    void aMissingFileIsNamedAsMissing() {
        Path none = dir.resolve("none.safetensors");
        for (Callable<?> c : loaders(none).values()) {
            Throwable t = Hostile.measure(c).thrown();
            assertInstanceOf(java.nio.file.NoSuchFileException.class, t);
            assertEquals(none.toString(), ((java.nio.file.NoSuchFileException) t).getFile());
        }
    }
}
