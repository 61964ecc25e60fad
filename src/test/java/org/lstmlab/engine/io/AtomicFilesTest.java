package org.lstmlab.engine.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.engine.text.Reasons;
import org.lstmlab.testing.EngineBundles;

/** PER-8 and the atomic save protocol: the old file survives every failure, and no temp file is left behind. */
class AtomicFilesTest {
    private static final byte[] OLD = "old model".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }

    @Test
    void createsAndReplaces() throws IOException {
        Path target = dir.resolve("model.safetensors");
        AtomicFiles.writeBytes(target, OLD);
        assertArrayEquals(OLD, Files.readAllBytes(target));
        AtomicFiles.writeBytes(target, new byte[] {7});
        assertArrayEquals(new byte[] {7}, Files.readAllBytes(target));
        assertEquals(List.of("model.safetensors"), names());
    }

    @Test
    void aLongChineseNameSavesAndItsTempFitsTheFileSystem() throws IOException {
        // 80 Chinese characters and ".st": 243 bytes of UTF-8, a legal name; a temp name cut at 100 characters
        // (300 bytes) was not
        Path target = dir.resolve("长".repeat(80) + ".st");
        AtomicFiles.writeBytes(target, OLD);
        assertArrayEquals(OLD, Files.readAllBytes(target));
        String prefix = AtomicFiles.tempPrefix(target.toAbsolutePath());
        assertTrue(prefix.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + 16 <= 255, prefix);
        assertTrue(prefix.startsWith("." + "长".repeat(33)) && !prefix.startsWith("." + "长".repeat(34)), prefix);
        String emoji = "\uD83D\uDE00".repeat(30) + ".st";  // 4 bytes each: cut between characters, never inside one
        String cut = AtomicFiles.tempPrefix(dir.resolve(emoji).toAbsolutePath());
        assertEquals("." + "\uD83D\uDE00".repeat(25) + ".tmp-", cut);
        assertEquals(List.of("长".repeat(80) + ".st"), names());
    }

    @Test
    void refusalsOfItsOwnAreSaidInBothLanguages() throws IOException {
        Path loop = Files.createSymbolicLink(dir.resolve("loop"), Path.of("loop"));
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.writeBytes(loop, OLD));
        assertEquals(loop + ": too many levels of symbolic links", e.getMessage());
        assertEquals(loop + "：符号链接的层数太多（可能链接成了环）", Reasons.of(e).in(EngineBundles.ZH));
        e = assertThrows(IOException.class, () -> AtomicFiles.writeBytes(Path.of("/"), OLD));
        assertEquals("/: not a file path", e.getMessage());
        assertEquals("/：不是文件路径（例如只给了根目录）", Reasons.of(e).in(EngineBundles.ZH));
        e = assertThrows(IOException.class, () -> AtomicFiles.writeBytes(Path.of(""), OLD));
        assertEquals("(empty path): no file name given", e.getMessage());
        assertEquals("(empty path)：没有给出文件名", Reasons.of(e).in(EngineBundles.ZH));
        assertEquals(List.of("loop"), names());
    }

    @Test
    void whileTheBodyWritesTheTargetStillHoldsTheOldFileAndTheTempIsASibling() throws IOException {
        Path target = dir.resolve("model.safetensors");
        AtomicFiles.writeBytes(target, OLD);
        AtomicFiles.write(target, out -> {
            out.write(new byte[100_000]);
            out.flush();
            assertArrayEquals(OLD, Files.readAllBytes(target), "readers see the old file during the save");
            List<String> now = names();
            assertEquals(2, now.size(), now.toString());
            assertTrue(now.get(0).startsWith(".model.safetensors.tmp-"), now.toString());
        });
        assertEquals(100_000, Files.size(target));
        assertEquals(List.of("model.safetensors"), names());
    }

    @Test
    void aBodyThatFailsHalfwayLeavesTheOldFileAndNoTemp() throws IOException {
        Path target = dir.resolve("model.safetensors");
        AtomicFiles.writeBytes(target, OLD);
        IOException diskFull = new IOException("No space left on device");
        IOException thrown = assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            out.write(new byte[200_000]); // more than the buffer: part of it is already in the temp file
            throw diskFull;
        }));
        assertSame(diskFull, thrown);
        assertArrayEquals(OLD, Files.readAllBytes(target));
        assertEquals(List.of("model.safetensors"), names());

        IllegalStateException bug = new IllegalStateException("bug in the saver");
        assertSame(bug, assertThrows(IllegalStateException.class, () -> AtomicFiles.write(target, out -> {
            out.write(1);
            throw bug;
        })));
        assertArrayEquals(OLD, Files.readAllBytes(target));
        assertEquals(List.of("model.safetensors"), names());
    }

    @Test
    void theBodyMayCloseTheStream() throws IOException {
        Path target = dir.resolve("a.bin");
        AtomicFiles.write(target, out -> {
            out.write(new byte[] {1, 2});
            out.close();
        });
        assertArrayEquals(new byte[] {1, 2}, Files.readAllBytes(target));
    }

    @Test
    void aFolderIsNeverReplaced() throws IOException {
        Path target = Files.createDirectory(dir.resolve("model.safetensors"));
        assertThrows(IOException.class, () -> AtomicFiles.writeBytes(target, OLD));
        assertTrue(Files.isDirectory(target));
        assertEquals(List.of("model.safetensors"), names());
    }

    @Test
    void aMissingFolderIsAnIOException() {
        assertThrows(NoSuchFileException.class, () -> AtomicFiles.writeBytes(dir.resolve("no/such/m.bin"), OLD));
    }

    /**
     * A save the file system refuses with its own reason (a name over the 255-byte limit) names the target, not the
     * temp file; the command line keeps the system's English, the Chinese app says it in Chinese.
     */
    @Test
    void aReasonOfTheFileSystemIsSaidInBothLanguages() throws IOException {
        Path target = dir.resolve("m".repeat(260) + ".bin");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.writeBytes(target, OLD));
        assertEquals(target + ": cannot save (File name too long)", e.getMessage());
        assertEquals(target + "：无法保存（文件名太长）", Reasons.of(e).in(EngineBundles.ZH));
        assertEquals(List.of(), names(), "no temp file left");
    }

    @Test
    void nonAsciiPathsWork() throws IOException {
        Path sub = Files.createDirectory(dir.resolve("模型 ü"));
        Path target = sub.resolve("权重 é.safetensors");
        AtomicFiles.writeBytes(target, OLD);
        assertArrayEquals(OLD, Files.readAllBytes(target));
        try (Stream<Path> s = Files.list(sub)) {
            assertEquals(1, s.count());
        }
    }

    @Test
    void staleTempsOfOneTargetAreDeleted() throws IOException {
        Path target = dir.resolve("model.safetensors");
        AtomicFiles.writeBytes(target, OLD);
        Files.write(dir.resolve(".model.safetensors.tmp-1a2b"), new byte[3]);
        Files.write(dir.resolve(".model.safetensors.tmp-ffff"), new byte[3]);
        Files.write(dir.resolve(".other.bin.tmp-1a2b"), new byte[3]);
        assertEquals(2, AtomicFiles.deleteStaleTemps(target));
        assertEquals(List.of(".other.bin.tmp-1a2b", "model.safetensors"), names());
        assertArrayEquals(OLD, Files.readAllBytes(target));
    }

    @Test
    void aReadOnlyFolderFailsLoudlyAndKeepsTheOldFile() throws Exception {
        Path ro = Files.createDirectory(dir.resolve("ro"));
        Path target = ro.resolve("model.safetensors");
        Files.write(target, OLD);
        boolean immutable = makeReadOnly(ro);
        try {
            IOException e = assertThrows(IOException.class, () -> AtomicFiles.writeBytes(target, new byte[10]));
            assertTrue(e.getMessage().contains(ro.toString()), e.getMessage());
            assertArrayEquals(OLD, Files.readAllBytes(target));
            try (Stream<Path> s = Files.list(ro)) {
                assertEquals(List.of(target), s.collect(Collectors.toList()));
            }
        } finally {
            if (immutable) {
                run("chattr", "-i", ro.toString());
            }
            Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    /**
     * Makes {@code folder} refuse new files: by permissions, or, when the tests run as root (who ignores them),
     * with {@code chattr +i}. Skips the test when neither works here. Returns true if chattr was used.
     */
    private static boolean makeReadOnly(Path folder) throws Exception {
        Assumptions.assumeTrue(folder.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Files.setPosixFilePermissions(folder, Set.of(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_READ,
                PosixFilePermission.GROUP_EXECUTE));
        if (!canCreateIn(folder)) {
            return false;
        }
        boolean chattr = run("chattr", "+i", folder.toString());
        if (chattr && canCreateIn(folder)) {
            run("chattr", "-i", folder.toString());
            chattr = false;
        }
        Assumptions.assumeTrue(chattr, "cannot make a read-only folder here (root without a working chattr)");
        return true;
    }

    private static boolean canCreateIn(Path folder) {
        try {
            Files.delete(Files.createFile(folder.resolve("probe")));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean run(String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(org.lstmlab.testing.Await.LIMIT_SECONDS, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
