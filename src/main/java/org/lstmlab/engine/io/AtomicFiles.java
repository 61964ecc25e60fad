package org.lstmlab.engine.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.Locale;

/**
 * Crash-safe file replacement: a reader of {@code target} sees either the old file or the complete new one,
 * never a half-written mix, even if the process is killed or the body throws.
 *
 * <ol>
 *   <li>write a new sibling temp file {@code .<name>.tmp-<random>} in the target's own folder (a rename is only
 *       atomic within one file system);</li>
 *   <li>{@code FileChannel.force(true)}, so the data is on disk before it gets the name;</li>
 *   <li>{@code Files.move(ATOMIC_MOVE, REPLACE_EXISTING)} over the target;</li>
 *   <li>fsync the folder, so the new name survives a power cut (skipped on Windows, which cannot open folders).</li>
 * </ol>
 * On any failure before the move the temp file is deleted and the old target is untouched.
 */
public final class AtomicFiles {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final boolean WINDOWS = System.getProperty("os.name", "").toLowerCase(Locale.ROOT)
            .startsWith("windows");
    private static final int BUFFER_BYTES = 1 << 16;

    private AtomicFiles() {
    }

    /**
     * Replaces {@code target} with what {@code body} writes. The stream is buffered; the body need not close it
     * (closing it is harmless). Any exception from the body is rethrown after the temp file is removed.
     */
    public static void write(Path target, IOConsumer<OutputStream> body) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir == null) {
            throw new FileSystemException(target.toString(), null, "not a file path");
        }
        if (Files.isDirectory(abs)) {
            throw new FileSystemException(target.toString(), null, "is a folder, not a file");
        }
        Path tmp = null;
        FileChannel ch = null;
        for (int attempt = 0; ch == null; attempt++) {
            tmp = dir.resolve(tempPrefix(abs) + Long.toHexString(RANDOM.nextLong()));
            try {
                ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 10) {
                    throw e;
                }
            }
        }
        try {
            try (FileChannel c = ch) {
                OutputStream out = new BufferedOutputStream(new KeepOpen(Channels.newOutputStream(c)), BUFFER_BYTES);
                body.accept(out);
                out.flush();
                c.force(true);
            }
            move(tmp, abs);
        } catch (Throwable t) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException | RuntimeException cleanup) {
                t.addSuppressed(cleanup);
            }
            throw t;
        }
        fsyncDirectory(dir);
    }

    /** Replaces {@code target} with {@code bytes}, atomically. */
    public static void writeBytes(Path target, byte[] bytes) throws IOException {
        write(target, out -> out.write(bytes));
    }

    /**
     * Deletes temp files a killed process left next to {@code target} ({@code .<name>.tmp-*}). Call it when no
     * other save of the same target can be running, e.g. at start-up.
     *
     * @return how many were deleted
     */
    public static int deleteStaleTemps(Path target) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            return 0;
        }
        String prefix = tempPrefix(abs);
        int deleted = 0;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir,
                p -> p.getFileName().toString().startsWith(prefix))) {
            for (Path p : ds) {
                if (Files.isRegularFile(p) && Files.deleteIfExists(p)) {
                    deleted++;
                }
            }
        }
        return deleted;
    }

    /** {@code .<name>.tmp-}, with the name cut so that the temp name stays under common 255-byte limits. */
    static String tempPrefix(Path absTarget) {
        String name = absTarget.getFileName().toString();
        if (name.length() > 100) {
            name = name.substring(0, 100);
        }
        return "." + name + ".tmp-";
    }

    private static void move(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // Same folder, so this is still a rename on every common file system, just not promised atomic.
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Makes the rename durable. Best effort: the new file is already in place, so a file system that cannot sync
     * folders must not turn a successful save into a reported failure.
     */
    private static void fsyncDirectory(Path dir) {
        if (WINDOWS) {
            return;
        }
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException ignored) {
            // e.g. a network or FUSE file system that refuses fsync on a folder
        }
    }

    /** Lets the body close its stream without closing the channel that still has to be forced. */
    private static final class KeepOpen extends OutputStream {
        private final OutputStream out;

        KeepOpen(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
