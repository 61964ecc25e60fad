package org.lstmlab.engine.bounds;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;

import org.lstmlab.engine.text.FileRefusal;
import org.lstmlab.engine.text.Message;

/**
 * Opening the files a user points at, safely: only regular files are read (a folder, a device such as
 * {@code /dev/zero}, a FIFO or a socket is refused by its type before anything is opened, so nothing blocks or
 * reads without end), and whole-file reads are capped. Every refusal is an {@link IOException} whose message
 * starts with the file's name: {@code /dev/zero: is a device, not a regular file}.
 */
public final class InputFiles {
    private static final int S_IFMT = 0170000;
    private static final int S_IFIFO = 0010000;
    private static final int S_IFCHR = 0020000;
    private static final int S_IFBLK = 0060000;
    private static final int S_IFSOCK = 0140000;

    private InputFiles() {
    }

    /**
     * Checks that {@code file} names an existing regular file (following symbolic links) and returns its size.
     *
     * @throws NoSuchFileException when it does not exist
     * @throws NotRegularFileException naming the file when the path is empty or the file is not a regular file
     */
    public static long requireRegular(Path file) throws IOException {
        String name = file.toString();
        if (name.isEmpty()) {
            throw new NotRegularFileException("(empty path)", Message.of("engine.file.noName"));
        }
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(name);
        }
        if (!a.isRegularFile()) {
            throw new NotRegularFileException(name, Message.of("engine.file.notRegular", kindOf(file, a)));
        }
        return a.size();
    }

    /** Opens a regular file for reading (see {@link #requireRegular}). */
    public static FileChannel openRegular(Path file) throws IOException {
        requireRegular(file);
        return FileChannel.open(file, StandardOpenOption.READ);
    }

    /**
     * Reads a whole regular file of at most {@code maxBytes} bytes; {@code kindOfFile} names the limit in the
     * message, e.g. "text files" (said in the app's language). A file that grows while it is read is still cut at
     * the cap and refused.
     */
    public static byte[] readAll(Path file, long maxBytes, Message kindOfFile) throws IOException {
        long size = requireRegular(file);
        if (size > maxBytes) {
            throw tooLarge(file, size, maxBytes, kindOfFile);
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            int cap = (int) Math.min(Integer.MAX_VALUE - 16L, maxBytes + 1);
            byte[] buf = new byte[(int) Math.min(cap, Math.max(size, 0) + 1)];
            int n = 0;
            while (true) {
                if (n == buf.length) {
                    if (buf.length >= cap) {
                        throw tooLarge(file, n, maxBytes, kindOfFile);
                    }
                    buf = Arrays.copyOf(buf, (int) Math.min(cap, Math.max(buf.length * 2L, 1 << 16)));
                }
                int r = ch.read(ByteBuffer.wrap(buf, n, buf.length - n));
                if (r < 0) {
                    break;
                }
                n += r;
            }
            if (n > maxBytes) {
                throw tooLarge(file, n, maxBytes, kindOfFile);
            }
            return n == buf.length ? buf : Arrays.copyOf(buf, n);
        }
    }

    private static FileSystemException tooLarge(Path file, long size, long max, Message kindOfFile) {
        return new FileRefusal(file.toString(), Message.of("engine.file.tooLarge", MemoryBudget.bytes(size),
                kindOfFile, MemoryBudget.bytes(max)));
    }

    /** "a folder", "a device", "a FIFO (named pipe)", "a socket", or "something else" for a file of another type. */
    static Message kindOf(Path file, BasicFileAttributes a) {
        return Message.of("engine.file.kind." + kindKey(file, a));
    }

    private static String kindKey(Path file, BasicFileAttributes a) {
        if (a.isDirectory()) {
            return "folder";
        }
        try {
            Object mode = Files.getAttribute(file, "unix:mode");
            if (mode instanceof Integer m) {
                switch (m & S_IFMT) {
                    case S_IFIFO:
                        return "fifo";
                    case S_IFCHR:
                    case S_IFBLK:
                        return "device";
                    case S_IFSOCK:
                        return "socket";
                    default:
                        break;
                }
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            // no unix view on this platform: fall through to the generic words
        }
        return a.isOther() ? "special" : "other";
    }

    /**
     * For a path that is about to be written: "a folder", "a device", ... when it exists and is not a regular file
     * (following links), else {@code null}.
     */
    public static String nonRegularKind(Path file) {
        Message kind = nonRegular(file);
        return kind == null ? null : kind.english();
    }

    /** {@link #nonRegularKind} as a message. */
    public static Message nonRegular(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return a.isRegularFile() ? null : kindOf(file, a);
        } catch (IOException e) {
            return null;
        }
    }

    /** Whether two paths name the same existing file (following links); false when either does not exist. */
    public static boolean sameFile(Path a, Path b) {
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    /** A path that is empty, or names a folder, a device, a FIFO or a socket where a regular file is needed. */
    public static final class NotRegularFileException extends FileRefusal {
        private static final long serialVersionUID = 1L;

        public NotRegularFileException(String file, Message reason) {
            super(file, reason);
        }
    }
}
