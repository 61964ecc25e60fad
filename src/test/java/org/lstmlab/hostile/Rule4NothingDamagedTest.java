package org.lstmlab.hostile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.engine.GoldenCase;
import org.lstmlab.engine.io.AtomicFiles;
import org.lstmlab.engine.io.ModelFile;
import org.lstmlab.engine.nn.ModelSpec;
import org.lstmlab.engine.nn.SequenceModel;
import org.lstmlab.testing.Await;

/**
 * Rule 4: nothing the user pointed at is damaged: not the input (a case, a data file), not a device or a pipe
 * given as the output, not a symbolic link, not the previous model when a save fails.
 */
class Rule4NothingDamagedTest {
    @TempDir
    Path dir;

    @Test
    void theInputIsNeverTheOutput() throws IOException {
        Path cas = GoldenCase.copyTo(dir, "lstm_l2");
        byte[] before = Files.readAllBytes(cas);
        Path link = Files.createSymbolicLink(dir.resolve("alias.safetensors"), cas);
        for (Path out : List.of(cas, link, dir.resolve(".").resolve("lstm_l2.safetensors"))) {
            Hostile.assertOneLineError(Hostile.cli("forward", "--case", cas.toString(), "--out", out.toString()),
                    "--out", "is the case file");
        }
        Path csv = Files.writeString(dir.resolve("series.csv"), "t,v\n" + "1,0.5\n2,0.25\n3,0.125\n".repeat(20));
        byte[] data = Files.readAllBytes(csv);
        Hostile.assertOneLineError(Hostile.cli("train", "--data", csv.toString(), "--save", csv.toString()),
                "--save", "input file");
        assertArrayEquals(before, Files.readAllBytes(cas));
        assertArrayEquals(data, Files.readAllBytes(csv));
        assertEquals(List.of("alias.safetensors", "lstm_l2.safetensors", "series.csv"), Hostile.names(dir));
    }

    @Test
    void predictTraceAndExportNeverWriteOverTheModelOrTheInput() throws IOException {
        Path model = dir.resolve("model.safetensors");
        ModelFile.save(model, new SequenceModel(ModelSpec.kerasExample(3)), null, null);
        Path input = Files.writeString(dir.resolve("x.csv"), "s1,s2,s3\n0.1,0.2,0.3\n");
        byte[] modelBytes = Files.readAllBytes(model);
        byte[] inputBytes = Files.readAllBytes(input);
        for (String command : List.of("predict", "trace")) {
            for (Path out : List.of(model, input)) {
                Hostile.assertOneLineError(Hostile.cli(command, "--model", model.toString(), "--input",
                        input.toString(), "--out", out.toString()), "--out", out.toString(), "would overwrite");
            }
        }
        Hostile.assertOneLineError(Hostile.cli("export", "--model", model.toString(), "--to", "pytorch", "--out",
                dir.toString()), "--out", "is the model file", "would overwrite");
        assertArrayEquals(modelBytes, Files.readAllBytes(model));
        assertArrayEquals(inputBytes, Files.readAllBytes(input));
        assertEquals(List.of("model.safetensors", "x.csv"), Hostile.names(dir));
    }

    @Test
    void aDeviceAPipeOrASocketAsTheTargetIsRefusedAndStaysWhatItWas() throws Exception {
        Path fifo = Hostile.fifo(dir.resolve("pipe.safetensors"));
        try (ServerSocketChannel sock = Hostile.socket(dir.resolve("sock.safetensors"))) {
            Path linkToNull = Files.createSymbolicLink(dir.resolve("null.safetensors"), Path.of("/dev/null"));
            for (Path target : List.of(Path.of("/dev/null"), fifo, dir.resolve("sock.safetensors"), linkToNull)) {
                BasicFileAttributes before = Files.readAttributes(target, BasicFileAttributes.class);
                IOException e = assertTimeoutPreemptively(Duration.ofSeconds(Await.LIMIT_SECONDS), () -> assertThrows(
                        IOException.class, () -> AtomicFiles.writeBytes(target, new byte[] {1, 2, 3})));
                assertTrue(e.getMessage().startsWith(target + ": is a "), e.getMessage());
                assertTrue(e.getMessage().contains("not a regular file; a save would replace it"), e.getMessage());
                BasicFileAttributes after = Files.readAttributes(target, BasicFileAttributes.class);
                assertTrue(after.isOther() && before.isOther(), target + " is still what it was");
                assertEquals(before.fileKey(), after.fileKey(), target + " is the same file");
            }
            assertTrue(Files.isSymbolicLink(linkToNull));
        }
        assertEquals(List.of("null.safetensors", "pipe.safetensors"), Hostile.names(dir).stream()
                .filter(n -> !n.equals("sock.safetensors")).toList(), "no temp files");
    }

    @Test
    void aSaveThroughASymbolicLinkReplacesTheFileItNamesAndKeepsTheLink() throws IOException {
        Path real = Files.createDirectory(dir.resolve("models")).resolve("m.safetensors");
        Files.writeString(real, "old");
        Path link = Files.createSymbolicLink(dir.resolve("current.safetensors"), Path.of("models/m.safetensors"));
        AtomicFiles.writeBytes(link, "new".getBytes());
        assertTrue(Files.isSymbolicLink(link), "the link is still a link");
        assertEquals("new", Files.readString(real));
        Path dangling = Files.createSymbolicLink(dir.resolve("next.safetensors"), Path.of("models/n.safetensors"));
        AtomicFiles.writeBytes(dangling, "created".getBytes());
        assertTrue(Files.isSymbolicLink(dangling));
        assertEquals("created", Files.readString(dir.resolve("models/n.safetensors")));
        assertEquals(List.of("current.safetensors", "models", "next.safetensors"), Hostile.names(dir));
        assertEquals(List.of("m.safetensors", "n.safetensors"), Hostile.names(dir.resolve("models")));
        Path loop = Files.createSymbolicLink(dir.resolve("loop"), Path.of("loop"));
        assertTrue(assertThrows(IOException.class, () -> AtomicFiles.writeBytes(loop, new byte[1])).getMessage()
                .contains("too many levels of symbolic links"));
        assertTrue(Files.isSymbolicLink(loop));
    }

    @Test
    void aFailingFileSystemLeavesThePreviousModelAndNamesTheTargetNotTheTemp() throws Exception {
        Path cas = GoldenCase.copyTo(dir, "lstm_l2");
        Path out = Files.writeString(dir.resolve("results.safetensors"), "previous results");
        // A file-size limit of 1 kB makes the write fail with EFBIG halfway through the temp file, as a full
        // disk would with ENOSPC (the JVM ignores SIGXFSZ, so the write returns the error).
        Process p = new ProcessBuilder("sh", "-c", "ulimit -f 1; exec \"$0\" -XX:-UsePerfData -cp \"$1\" "
                + "org.lstmlab.Main forward --case \"$2\" --out \"$3\"",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                System.getProperty("java.class.path"), cas.toString(), out.toString())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertEquals(2, p.waitFor(), output);
        assertEquals("lstm-lab: " + out + ": cannot save (File too large)", output.strip());
        assertEquals("previous results", Files.readString(out));
        assertEquals(List.of("lstm_l2.safetensors", "results.safetensors"), Hostile.names(dir), "no temp left");
    }

    @Test
    void staleTempsAreCleanedButATempThatASaveIsWritingIsNot() throws IOException {
        Path target = Files.writeString(dir.resolve("m.safetensors"), "old");
        Path stale = Files.writeString(dir.resolve(".m.safetensors.tmp-0123abcd"), "half a save killed by -9");
        Path live = dir.resolve(".m.safetensors.tmp-4567ef01");
        try (FileChannel ch = FileChannel.open(live, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
             FileLock lock = ch.lock()) {
            assertTrue(lock.isValid());
            AtomicFiles.writeBytes(target, "new".getBytes());
            assertFalse(Files.exists(stale), "a stale temp is removed by the next save");
            assertTrue(Files.exists(live), "a temp another save holds locked is left alone");
        }
        assertEquals(1, AtomicFiles.deleteStaleTemps(target), "once its save is over, it is stale too");
        assertEquals(List.of("m.safetensors"), Hostile.names(dir));
        assertEquals("new", Files.readString(target));
        Path other = Files.writeString(dir.resolve(".other.safetensors.tmp-1"), "another target's temp");
        assertEquals(0, AtomicFiles.deleteStaleTemps(target), "only the target's own temps");
        assertTrue(Files.exists(other, LinkOption.NOFOLLOW_LINKS));
    }
}
