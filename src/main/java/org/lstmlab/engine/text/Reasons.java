package org.lstmlab.engine.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Why something failed, as a {@link Message} the app can show in its own language: the engine's own sentence when
 * the exception (or one it wraps) is {@link UserFacing}; a sentence of its own for the file system's usual
 * refusals (no such file, no permission), which Java reports with only the file's name, and for the operating
 * system's usual reasons (a full disk, a read-only file system), which Java passes on in the system's English
 * ({@link SystemReasons}), with the file's name when Java gives one; else the exception's English message, as it
 * is. Wrappers that futures and streams add are looked through.
 */
public final class Reasons {
    private Reasons() {
    }

    /** The reason for {@code t}, never null. */
    public static Message of(Throwable t) {
        Throwable e = unwrap(t);
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof UserFacing u) {
                return u.userMessage();
            }
        }
        if (e instanceof FileSystemException f) {
            String file = f.getFile() == null ? "" : f.getFile();
            if (e instanceof NoSuchFileException) {
                return Message.of("engine.file.notFound", file);
            }
            if (e instanceof AccessDeniedException) {
                return Message.of("engine.file.denied", file);
            }
            if (e instanceof NotDirectoryException) {
                return Message.of("engine.file.notFolder", file);
            }
            if (e instanceof DirectoryNotEmptyException) {
                return Message.of("engine.file.folderNotEmpty", file);
            }
            Message why = e instanceof FileAlreadyExistsException && f.getReason() == null
                    ? Message.of("engine.os.exists") : SystemReasons.parse(f.getReason());
            if (why != null) {
                return named(f, why);
            }
        } else if (e instanceof IOException) {
            Message why = SystemReasons.parse(e.getMessage());
            if (why != null) {
                return why;
            }
        }
        String text = e.getMessage();
        return Message.verbatim(text == null || text.isBlank() ? e.getClass().getSimpleName() : text);
    }

    /**
     * The sentence for a reason the operating system gave as text, as Java passes it on: alone ("Is a directory"),
     * followed by details, or after a file's name in parentheses ("/tmp (Is a directory)"); the text as it is when
     * it is not one of the usual reasons ({@link SystemReasons}).
     */
    public static Message ofSystemText(String text) {
        Message why = SystemReasons.parse(text);
        return why != null ? why : Message.verbatim(text == null ? "" : text);
    }

    /** {@code why} with the file (or the two files) {@code f} names, as its English message places them. */
    private static Message named(FileSystemException f, Message why) {
        if (f.getOtherFile() != null) {
            return Message.of("engine.file.namedPair", f.getFile() == null ? "" : f.getFile(), f.getOtherFile(), why);
        }
        return f.getFile() == null ? why : Message.of("engine.file.named", f.getFile(), why);
    }

    /** {@code t} without the {@link CompletionException}s, {@link ExecutionException}s and unchecked wrappers. */
    public static Throwable unwrap(Throwable t) {
        Throwable e = t;
        while ((e instanceof CompletionException || e instanceof ExecutionException
                || e instanceof UncheckedIOException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }
}
