package org.lstmlab.engine.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.lstmlab.engine.text.FileRefusal;
import org.lstmlab.engine.text.Message;
import org.lstmlab.engine.text.Reasons;
import org.lstmlab.engine.text.UserFacing;

/**
 * Crash-safe file replacement: a reader of {@code target} sees either the old file or the complete new one,
 * never a half-written mix, even if the process is killed or the body throws.
 *
 * <ol>
 *   <li>refuse a target that exists but is not a regular file (a folder, a device, a FIFO, a socket): replacing
 *       it with a regular file would destroy it; a symbolic link is followed, so the file it points to is
 *       replaced and the link stays;</li>
 *   <li>delete temp files that killed saves of the same target left behind (only those no live process holds);</li>
 *   <li>write a new sibling temp file {@code .<name>.tmp-<random>} in the target's own folder (a rename is only
 *       atomic within one file system), holding a lock on it while it is written;</li>
 *   <li>{@code FileChannel.force(true)}, so the data is on disk before it gets the name;</li>
 *   <li>{@code Files.move(ATOMIC_MOVE, REPLACE_EXISTING)} over the target;</li>
 *   <li>fsync the folder, so the new name survives a power cut (skipped on Windows, which cannot open folders).</li>
 * </ol>
 * On any failure before the move the temp file is deleted and the old target is untouched; a temp file still being
 * written when the JVM shuts down (Ctrl+C, SIGTERM) is deleted by a shutdown hook. Errors of the file system
 * (a full disk, a read-only folder) name the target, never the hidden temp file.
 */
public final class AtomicFiles {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final boolean WINDOWS = System.getProperty("os.name", "").toLowerCase(Locale.ROOT)
            .startsWith("windows");
    private static final int BUFFER_BYTES = 1 << 16;
    private static final int MAX_LINKS = 40;
    /** Temp files being written now, deleted by the shutdown hook if the JVM exits first. */
    private static final Set<Path> IN_FLIGHT = ConcurrentHashMap.newKeySet();
    private static final AtomicBoolean HOOK = new AtomicBoolean();

    private AtomicFiles() {
    }

    /**
     * Replaces {@code target} with what {@code body} writes. The stream is buffered; the body need not close it
     * (closing it is harmless). Any exception from the body is rethrown unchanged after the temp file is removed;
     * a failure of the file system is an {@link IOException} whose message starts with {@code target}.
     */
    public static void write(Path target, IOConsumer<OutputStream> body) throws IOException {
        Path abs = resolveTarget(target);
        Path dir = abs.getParent();
        String name = target.toString();
        deleteStaleTemps(abs);
        Path tmp = null;
        FileChannel ch = null;
        for (int attempt = 0; ch == null; attempt++) {
            tmp = dir.resolve(tempPrefix(abs) + Long.toHexString(RANDOM.nextLong()));
            try {
                ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 10) {
                    throw failure(name, dir, e);
                }
            } catch (IOException e) {
                throw failure(name, dir, e);
            }
        }
        registerHook();
        IN_FLIGHT.add(tmp);
        try {
            try (FileChannel c = ch; FileLock ignored = lock(c)) {
                OutputStream out = new BufferedOutputStream(new KeepOpen(Channels.newOutputStream(c), name, dir),
                        BUFFER_BYTES);
                body.accept(out);
                out.flush();
                try {
                    c.force(true);
                    if (!WINDOWS) {
                        move(tmp, abs); // while the lock is held, so no other process takes the temp for stale
                    }
                } catch (IOException e) {
                    throw failure(name, dir, e);
                }
            }
            if (WINDOWS) {
                try {
                    move(tmp, abs); // Windows cannot rename an open file
                } catch (IOException e) {
                    throw failure(name, dir, e);
                }
            }
        } catch (Throwable t) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException | RuntimeException cleanup) {
                t.addSuppressed(cleanup);
            }
            throw t;
        } finally {
            IN_FLIGHT.remove(tmp);
        }
        fsyncDirectory(dir);
    }

    /**
     * The file a save to {@code target} replaces: the target itself, or the end of its chain of symbolic links.
     * Refuses an empty path, a target in a folder that does not exist, and a target that is not a regular file.
     */
    static Path resolveTarget(Path target) throws IOException {
        String name = target.toString();
        if (name.isEmpty()) {
            throw new FileRefusal("(empty path)", Message.of("engine.file.noName"));
        }
        Path abs = target.toAbsolutePath();
        for (int links = 0; Files.isSymbolicLink(abs); links++) {
            if (links >= MAX_LINKS) {
                throw new FileRefusal(name, Message.of("engine.file.linkLoop"));
            }
            Path to = Files.readSymbolicLink(abs);
            abs = abs.resolveSibling(to).normalize();
        }
        if (abs.getParent() == null) {
            throw new FileRefusal(name, Message.of("engine.file.notAFilePath"));
        }
        Message kind = org.lstmlab.engine.bounds.InputFiles.nonRegular(abs);
        if (kind != null) {
            throw new FileRefusal(name, Message.of("engine.file.wouldReplace", kind));
        }
        if (!Files.isDirectory(abs.getParent())) {
            throw new NoFolder(name, abs.getParent().toString());
        }
        return abs;
    }

    /** The same failure, told about the target: "model.safetensors: cannot save (No space left on device)". */
    private static IOException failure(String target, Path dir, IOException e) {
        if (e instanceof AccessDeniedException) {
            FileSystemException f = new FileRefusal(target, Message.of("engine.file.saveDenied", String.valueOf(dir)));
            f.initCause(e);
            return f;
        }
        String text = e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason()
                : e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        // the system's reason in the app's language ("No space left on device" is 磁盘已满 in Chinese)
        FileSystemException f = new FileRefusal(target, Message.of("engine.file.saveFailed",
                Reasons.ofSystemText(text)));
        f.initCause(e);
        return f;
    }

    /** A save into a folder that does not exist (a {@link NoSuchFileException} that names the folder). */
    private static final class NoFolder extends NoSuchFileException implements UserFacing {
        private static final long serialVersionUID = 1L;
        private final String folder;

        NoFolder(String file, String folder) {
            super(file, null, Message.of("engine.file.noFolder", folder).english());
            this.folder = folder;
        }

        @Override
        public Message userMessage() {
            return Message.of("engine.file.named", getFile(), Message.of("engine.file.noFolder", folder));
        }
    }

    private static FileLock lock(FileChannel c) {
        try {
            return c.tryLock();
        } catch (IOException | OverlappingFileLockException | UnsupportedOperationException e) {
            return null; // no locks on this file system: stale-temp cleaning then leaves our temp alone by age
        }
    }

    private static void registerHook() {
        if (HOOK.compareAndSet(false, true)) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                for (Path p : IN_FLIGHT) {
                    try {
                        Files.deleteIfExists(p);
                    } catch (IOException | RuntimeException ignored) {
                        // the JVM is going away; nothing else can be done
                    }
                }
            }, "atomic-save-cleanup"));
        }
    }

    /** Replaces {@code target} with {@code bytes}, atomically. */
    public static void writeBytes(Path target, byte[] bytes) throws IOException {
        write(target, out -> out.write(bytes));
    }

    /**
     * Deletes temp files killed saves left next to {@code target} ({@code .<name>.tmp-*}). A temp file that a save
     * in this or another process is still writing is locked by it and left alone, so this is safe to call at any
     * time; every {@link #write} calls it first.
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
                if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && !IN_FLIGHT.contains(p) && unlocked(p)
                        && Files.deleteIfExists(p)) {
                    deleted++;
                }
            }
        } catch (IOException e) {
            return deleted; // a folder we cannot list: nothing to clean, and the save itself will say why
        }
        return deleted;
    }

    /** True when no process holds the lock a live save keeps on its temp file. */
    private static boolean unlocked(Path p) {
        try (FileChannel c = FileChannel.open(p, StandardOpenOption.WRITE)) {
            FileLock l = c.tryLock();
            if (l == null) {
                return false;
            }
            l.release();
            return true;
        } catch (OverlappingFileLockException e) {
            return false;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /**
     * {@code .<name>.tmp-}, with the name cut to at most {@value #TEMP_NAME_BYTES} bytes of UTF-8 (whole characters)
     * so that the temp name stays under the usual limit of 255 bytes (Linux, macOS) or 255 UTF-16 units (Windows) a
     * name: a legal name of 80 Chinese characters is 240 bytes.
     */
    static String tempPrefix(Path absTarget) {
        String name = absTarget.getFileName().toString();
        int end = 0;
        for (int bytes = 0; end < name.length(); ) {
            int cp = name.codePointAt(end);
            bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (bytes > TEMP_NAME_BYTES) {
                break;
            }
            end += Character.charCount(cp);
        }
        return "." + name.substring(0, end) + ".tmp-";
    }

    private static final int TEMP_NAME_BYTES = 100;

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

    /**
     * Lets the body close its stream without closing the channel that still has to be forced, and turns a failed
     * write into an error about the target.
     */
    private static final class KeepOpen extends OutputStream {
        private final OutputStream out;
        private final String target;
        private final Path dir;

        KeepOpen(OutputStream out, String target, Path dir) {
            this.out = out;
            this.target = target;
            this.dir = dir;
        }

        @Override
        public void write(int b) throws IOException {
            try {
                out.write(b);
            } catch (IOException e) {
                throw failure(target, dir, e);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                throw failure(target, dir, e);
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                throw failure(target, dir, e);
            }
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
