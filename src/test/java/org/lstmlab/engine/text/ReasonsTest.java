package org.lstmlab.engine.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileNotFoundException;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.testing.EngineBundles;

/**
 * The operating system's usual reasons for a failed file operation, which Java gives only in the system's English,
 * have a sentence of their own: the Chinese app says them in Chinese, with the file's name Java gave; the command
 * line's English is the system's text as before; a reason the app does not know stays as it is.
 */
class ReasonsTest {
    /** The system's texts (Linux's wording, then macOS's where it differs) and what the Chinese app says. */
    static final Map<String, String> CHINESE = new LinkedHashMap<>();

    static {
        CHINESE.put("No space left on device", "磁盘已满，没有剩余空间");
        CHINESE.put("Read-only file system", "文件系统是只读的");
        CHINESE.put("Is a directory", "是一个文件夹，不是文件");
        CHINESE.put("File name too long", "文件名太长");
        CHINESE.put("Disk quota exceeded", "超出了磁盘配额");
        CHINESE.put("Disc quota exceeded", "超出了磁盘配额");
        CHINESE.put("Too many open files", "本程序打开的文件太多");
        CHINESE.put("Too many open files in system", "整个系统打开的文件太多");
        CHINESE.put("File exists", "文件已存在");
        CHINESE.put("Input/output error", "输入/输出错误（磁盘或设备可能出了故障）");
        CHINESE.put("Device or resource busy", "设备或资源正忙");
        CHINESE.put("Resource busy", "设备或资源正忙");
        CHINESE.put("File too large", "文件太大，超过了允许的上限");
        CHINESE.put("Operation not permitted", "不允许执行这一操作");
        CHINESE.put("Too many levels of symbolic links", "符号链接的层数太多");
        CHINESE.put("No such file or directory", "文件或文件夹不存在");
        CHINESE.put("Permission denied", "没有访问权限");
        CHINESE.put("Not a directory", "不是文件夹");
        CHINESE.put("Directory not empty", "文件夹不是空的");
        CHINESE.put("Stale file handle", "文件句柄已失效（网络文件系统上的文件可能已被移走或删除）");
        CHINESE.put("Stale NFS file handle", "文件句柄已失效（网络文件系统上的文件可能已被移走或删除）");
    }

    /** The English of macOS's wordings is Linux's (the sentence is one per reason). */
    private static final Map<String, String> LINUX_WORDING = Map.of("Disc quota exceeded", "Disk quota exceeded",
            "Resource busy", "Device or resource busy", "Stale NFS file handle", "Stale file handle");

    /** Three or more words of Latin letters in a row: an English sentence left in the Chinese. */
    private static final Pattern ENGLISH = Pattern.compile("\\b[A-Za-z]{2,}(?: [A-Za-z]{2,}){2,}\\b");

    private static String en(Throwable t) {
        return Reasons.of(t).in(EngineBundles.EN);
    }

    private static String zh(Throwable t) {
        return Reasons.of(t).in(EngineBundles.ZH);
    }

    private static String english(String text) {
        return LINUX_WORDING.getOrDefault(text, text);
    }

    @Test
    void everyUsualReasonOfAFileSystemExceptionIsChineseWithTheFileName() {
        String file = "/home/学生/models/m.safetensors";
        for (Map.Entry<String, String> r : CHINESE.entrySet()) {
            FileSystemException e = new FileSystemException(file, null, r.getKey());
            assertEquals(file + "：" + r.getValue(), zh(e), r.getKey());
            assertEquals(file + ": " + english(r.getKey()), en(e), r.getKey());
            if (english(r.getKey()).equals(r.getKey())) {
                assertEquals(e.getMessage(), en(e), "the English is Java's own message");
            }
            assertFalse(ENGLISH.matcher(zh(e)).find(), zh(e));
        }
    }

    @Test
    void everyUsualReasonOfAPlainIOExceptionIsChinese() {
        for (Map.Entry<String, String> r : CHINESE.entrySet()) {
            IOException e = new IOException(r.getKey());
            assertEquals(r.getValue(), zh(e), r.getKey());
            assertEquals(english(r.getKey()), en(e), r.getKey());
            assertEquals(r.getValue(), zh(new UncheckedIOException(e)), "through the wrapper a stream adds");
            assertEquals(r.getValue(), zh(new CompletionException(new UncheckedIOException(e))), "and a future's");
        }
    }

    @Test
    void englishDetailsAfterAReasonAreLeftToTheEnglishAndPathsNumbersAndAFileInParenthesesAreKept() {
        IOException detailed = new IOException("No space left on device: wrote 4096 of 65536 bytes");
        assertEquals("磁盘已满，没有剩余空间", zh(detailed));
        assertEquals(detailed.getMessage(), en(detailed), "the command line says what the system said");
        IOException bracket = new IOException("Input/output error (sector 7)");
        assertEquals("输入/输出错误（磁盘或设备可能出了故障）", zh(bracket));
        assertEquals(bracket.getMessage(), en(bracket));
        assertEquals("整个系统打开的文件太多", zh(new IOException("Too many open files in system; retry")),
                "the longest reason that fits");
        assertEquals("输入/输出错误（磁盘或设备可能出了故障） (7)", zh(new IOException("Input/output error (7)")));
        IOException path = new IOException("Read-only file system: /mnt/光盘/a.csv");
        assertEquals("文件系统是只读的: /mnt/光盘/a.csv", zh(path), "a path after the reason is kept");
        assertEquals(path.getMessage(), en(path));
        String file = "/home/学生/models/m.safetensors";
        FileSystemException named = new FileSystemException(file, null,
                "No space left on device (wrote 4096 of 65536 bytes to C:\\tmp\\x.bin)");
        assertEquals(file + "：磁盘已满，没有剩余空间", zh(named));
        assertEquals(named.getMessage(), en(named));
        assertEquals("a.bin：文件已存在", zh(new FileSystemException("a.bin", null, "File exists; try another name")));

        // java.io's streams put the file first and the reason in parentheses
        FileNotFoundException folder = new FileNotFoundException("/tmp/数据 (1) (Is a directory)");
        assertEquals("/tmp/数据 (1)（是一个文件夹，不是文件）", zh(folder));
        assertEquals(folder.getMessage(), en(folder));
        assertEquals("/mnt/cd/a.csv（文件系统是只读的）",
                zh(new FileNotFoundException("/mnt/cd/a.csv (Read-only file system)")));
    }

    @Test
    void aReasonIsMatchedExactlyAndAnUnknownOneStaysAsItIs() {
        for (String text : List.of("no space left on device", "No space left", "Is a directoryX",
                "No space left on devices", "Connection reset by peer", "磁盘已满",
                "There is not enough space on the disk")) {
            IOException plain = new IOException(text);
            assertEquals(text, zh(plain), text);
            assertEquals(text, en(plain), text);
            FileSystemException named = new FileSystemException("a.bin", null, text);
            assertEquals("a.bin: " + text, zh(named), "verbatim, as Java says it: " + text);
            assertEquals(named.getMessage(), en(named));
        }
        assertEquals("x (Something odd)", zh(new FileNotFoundException("x (Something odd)")));
        assertEquals("No space left on device", zh(new IllegalStateException("No space left on device")),
                "only an I/O error's message is the system's reason");
        assertEquals("IOException", zh(new IOException()), "no message: the exception's kind, as before");
        assertEquals("a.bin", zh(new FileSystemException("a.bin")), "no reason: Java's message, as before");
    }

    @Test
    void theFileSystemsOwnRefusalsKeepTheirSentences() {
        assertEquals("m.bin：没有访问权限", zh(new AccessDeniedException("m.bin", null, "Permission denied")));
        assertEquals("m.bin: permission denied", en(new AccessDeniedException("m.bin", null, "Permission denied")));
    }

    @Test
    void aFileThatAlreadyExistsAndAFailureBetweenTwoFilesNameTheirFiles() {
        FileAlreadyExistsException exists = new FileAlreadyExistsException("/tmp/run.csv");
        assertEquals("/tmp/run.csv：文件已存在", zh(exists));
        assertEquals("/tmp/run.csv: File exists", en(exists));
        assertEquals("a -> b：文件已存在", zh(new FileAlreadyExistsException("a", "b", "File exists")));

        FileSystemException move = new FileSystemException("/tmp/.m.tmp-1", "/media/u/m.safetensors",
                "Read-only file system");
        assertEquals("/tmp/.m.tmp-1 -> /media/u/m.safetensors：文件系统是只读的", zh(move));
        assertEquals(move.getMessage(), en(move));
        FileSystemException noFile = new FileSystemException(null, null, "Too many open files");
        assertEquals("本程序打开的文件太多", zh(noFile));
        assertEquals(noFile.getMessage(), en(noFile));
    }

    @Test
    void aSystemTextAloneIsSaidTheSameWay() {
        assertEquals("磁盘已满，没有剩余空间", Reasons.ofSystemText("No space left on device").in(EngineBundles.ZH));
        assertEquals("Weird", Reasons.ofSystemText("Weird").in(EngineBundles.ZH));
        assertEquals(Message.VERBATIM, Reasons.ofSystemText("Weird").key());
    }

    /** A real failure: writing to /dev/full fails as a full disk does (ENOSPC). */
    @Test
    void writingToAFullDeviceIsExplainedInChinese() {
        Path full = Path.of("/dev/full");
        Assumptions.assumeTrue(Files.exists(full), "no /dev/full here");
        IOException e = assertThrows(IOException.class, () -> {
            try (FileOutputStream out = new FileOutputStream(full.toFile())) {
                out.write(new byte[4096]);
                out.flush();
            }
        });
        assertTrue(e.getMessage().startsWith("No space left on device"), e.getMessage());
        assertTrue(zh(e).startsWith("磁盘已满，没有剩余空间") && !ENGLISH.matcher(zh(e)).find(), zh(e));
        assertEquals(e.getMessage(), en(e), "the command line's English is Java's message");

        IOException nio = assertThrows(IOException.class, () -> Files.write(full, new byte[4096]));
        assertTrue(zh(new UncheckedIOException(nio)).startsWith("磁盘已满，没有剩余空间"), zh(nio));
    }

    @Test
    void aRealFolderOpenedAsAFileIsExplainedInChinese(@TempDir Path dir) throws IOException {
        Path folder = Files.createDirectory(dir.resolve("数据"));
        IOException stream = assertThrows(IOException.class, () -> new FileOutputStream(folder.toFile()).close());
        IOException nio = assertThrows(IOException.class, () -> Files.newOutputStream(folder).close());
        IOException exists = assertThrows(IOException.class, () -> Files.createFile(folder));
        Assumptions.assumeTrue(stream.getMessage().endsWith("(Is a directory)"), "not the POSIX wording here");
        assertEquals(folder + "（是一个文件夹，不是文件）", zh(stream));
        assertEquals(folder + "：是一个文件夹，不是文件", zh(nio));
        assertEquals(folder + "：文件已存在", zh(exists));
    }
}
