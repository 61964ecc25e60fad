package org.lstmlab.engine.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/**
 * Reading and writing safetensors files (https://github.com/huggingface/safetensors): an 8-byte little-endian
 * header length N, N bytes of JSON header, then the tensors' raw little-endian bytes. The reader enforces every
 * rule of the reference implementation plus the extra checks described in {@code docs/formats.md}; anything it
 * refuses is a {@link SafeTensorsException}, never another exception type. The writer replaces files atomically.
 */
public final class SafeTensors {
    private SafeTensors() {
    }

    /** Reads and validates the whole file; messages name it as given. */
    public static SafeTensorsFile read(Path path) throws IOException {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            return SafeTensorsReader.read(ByteSource.of(ch), path.toString());
        }
    }

    /** Reads and validates a file held in memory; {@code sourceName} starts every error message. */
    public static SafeTensorsFile read(byte[] bytes, String sourceName) throws SafeTensorsException {
        try {
            return SafeTensorsReader.read(ByteSource.of(bytes), sourceName);
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
