package org.lstmlab.engine.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Predicate;

import org.lstmlab.engine.bounds.InputFiles;

/**
 * Reading and writing safetensors files (https://github.com/huggingface/safetensors): an 8-byte little-endian
 * header length N, N bytes of JSON header, then the tensors' raw little-endian bytes. The reader enforces every
 * rule of the reference implementation plus the extra checks described in {@code docs/formats.md}; anything it
 * refuses in a file's contents is a {@link SafeTensorsException}. A path that is not a regular file (a folder, a
 * device, a FIFO) is refused before it is opened ({@link InputFiles.NotRegularFileException}). The writer
 * replaces files atomically.
 *
 * <p>Loaders that need particular metadata or shapes pass a {@link HeaderCheck}: it sees the validated header
 * before any tensor data is read, so a wrong file is refused after reading its header only. The tensors to be
 * read must fit the {@link org.lstmlab.engine.bounds.MemoryBudget}, checked before anything is allocated.
 */
public final class SafeTensors {
    /** Looks at a validated header before any data is read, and throws to refuse the file. */
    @FunctionalInterface
    public interface HeaderCheck {
        HeaderCheck NONE = index -> { };

        void check(SafeTensorsIndex index) throws IOException;
    }

    private SafeTensors() {
    }

    /** Reads and validates the whole file; messages name it as given. */
    public static SafeTensorsFile read(Path path) throws IOException {
        return read(path, HeaderCheck.NONE, name -> true);
    }

    /** Reads the file after {@code check} has accepted its header. */
    public static SafeTensorsFile read(Path path, HeaderCheck check) throws IOException {
        return read(path, check, name -> true);
    }

    /**
     * Reads the tensors whose names {@code wanted} accepts (the others are validated but never read or held),
     * after {@code check} has accepted the header.
     */
    public static SafeTensorsFile read(Path path, HeaderCheck check, Predicate<String> wanted) throws IOException {
        try (FileChannel ch = InputFiles.openRegular(path)) {
            return SafeTensorsReader.read(ByteSource.of(ch), path.toString(), check, wanted);
        }
    }

    /** The validated header of a file, without reading any tensor data. */
    public static SafeTensorsIndex readIndex(Path path) throws IOException {
        SafeTensorsIndex[] seen = new SafeTensorsIndex[1];
        read(path, index -> seen[0] = index, name -> false);
        return seen[0];
    }

    /** Reads and validates a file held in memory; {@code sourceName} starts every error message. */
    public static SafeTensorsFile read(byte[] bytes, String sourceName) throws SafeTensorsException {
        try {
            return SafeTensorsReader.read(ByteSource.of(bytes), sourceName, HeaderCheck.NONE, name -> true);
        } catch (SafeTensorsException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("reading from memory cannot fail this way", e);
        }
    }

    /** Writes {@code tensors} (keyed by their names) and {@code metadata}, replacing {@code path} atomically. */
    public static void write(Path path, Map<String, Tensor> tensors, Map<String, String> metadata)
            throws IOException {
        write(path, tensors, metadata, WriteOptions.DEFAULT);
    }

    /**
     * Writes {@code tensors} (keyed by their names) and {@code metadata}, replacing {@code path} atomically (see
     * {@link AtomicFiles#write}). Everything is checked before the file is touched: a tensor refused by
     * {@code options} leaves the old file as it was.
     *
     * @throws SafeTensorsException of kind {@code NON_FINITE_VALUE} when {@code options.rejectNonFinite()} and a
     *                              value is NaN or infinite
     * @throws IllegalArgumentException if a map key differs from its tensor's name, or a name is reserved or too long
     */
    public static void write(Path path, Map<String, Tensor> tensors, Map<String, String> metadata,
            WriteOptions options) throws IOException {
        SafeTensorsWriter plan = SafeTensorsWriter.plan(path.toString(), tensors, metadata, options);
        AtomicFiles.write(path, plan::writeTo);
    }

    /** Writes {@code file}'s tensors and metadata to {@code path}, atomically. */
    public static void write(Path path, SafeTensorsFile file, WriteOptions options) throws IOException {
        write(path, file.tensors(), file.metadata(), options);
    }

    /** The bytes of the file {@link #write} would produce. */
    public static byte[] toBytes(Map<String, Tensor> tensors, Map<String, String> metadata, WriteOptions options)
            throws SafeTensorsException {
        SafeTensorsWriter plan = SafeTensorsWriter.plan("<memory>", tensors, metadata, options);
        long size = plan.size();
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a file of " + size + " bytes does not fit in a byte array");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) size);
        try {
            plan.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return out.toByteArray();
    }
}
