package org.lstmlab.engine.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.lstmlab.engine.io.SafeTensorsException.Kind;

/**
 * Lays out and writes a safetensors file: {@code __metadata__} first, then the tensors with contiguous offsets
 * from 0, the header padded with spaces to a multiple of 8, data little-endian. Tensors are ordered by element
 * size (largest first), then by name, as the reference writer does, so every tensor starts at a multiple of its
 * element size; when all tensors have the same element size (as F64 + I64 files do) that is plain name order.
 */
final class SafeTensorsWriter {
    private final byte[] header;
    private final List<Tensor> ordered;

    private SafeTensorsWriter(byte[] header, List<Tensor> ordered) {
        this.header = header;
        this.ordered = ordered;
    }

    /** Checks everything before a single byte is written, so a refused save never touches the target. */
    static SafeTensorsWriter plan(String target, Map<String, Tensor> tensors, Map<String, String> metadata,
            WriteOptions options) throws SafeTensorsException {
        Objects.requireNonNull(options, "options");
        if (tensors.size() > SafeTensorsHeader.MAX_TENSORS) {
            throw new IllegalArgumentException(tensors.size() + " tensors, more than a reader accepts ("
                    + SafeTensorsHeader.MAX_TENSORS + ")");
        }
        for (Map.Entry<String, String> m : metadata.entrySet()) {
            Objects.requireNonNull(m.getKey(), "metadata key");
            Objects.requireNonNull(m.getValue(), () -> "metadata value of '" + m.getKey() + "'");
        }
        List<Tensor> ordered = new ArrayList<>(tensors.size());
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            Tensor t = Objects.requireNonNull(e.getValue(), () -> "tensor '" + e.getKey() + "'");
            if (!t.name().equals(e.getKey())) {
                throw new IllegalArgumentException("map key '" + e.getKey() + "' holds tensor '" + t.name() + "'");
            }
            if (t.name().equals(SafeTensorsHeader.METADATA_KEY)) {
                throw new IllegalArgumentException("'" + SafeTensorsHeader.METADATA_KEY
                        + "' is reserved and cannot name a tensor");
            }
            if (t.name().length() > SafeTensorsHeader.MAX_NAME_LENGTH) {
                throw new IllegalArgumentException("tensor name longer than " + SafeTensorsHeader.MAX_NAME_LENGTH
                        + " characters: '" + JsonWriter.abbreviate(t.name()) + "'");
            }
            if (options.rejectNonFinite()) {
                checkFinite(target, t);
            }
            ordered.add(t);
        }
        ordered.sort(Comparator.comparingInt((Tensor t) -> -t.dtype().byteSize()).thenComparing(Tensor::name));
        List<SafeTensorsHeader.Entry> entries = new ArrayList<>(ordered.size());
        long offset = 0;
        for (Tensor t : ordered) {
            long end = offset + (long) t.numel() * t.dtype().byteSize();
            entries.add(new SafeTensorsHeader.Entry(t.name(), t.dtype(), t.shape(), t.numel(), offset, end));
            offset = end;
        }
        byte[] header = SafeTensorsHeader.encode(metadata, entries);
        if (header.length > SafeTensorsHeader.MAX_HEADER_BYTES) {
            throw new IllegalArgumentException("header of " + header.length + " bytes, more than a reader accepts");
        }
        return new SafeTensorsWriter(header, ordered);
    }

    private static void checkFinite(String target, Tensor t) throws SafeTensorsException {
        if (!t.dtype().isFloating()) {
            return;
        }
        for (int i = 0; i < t.numel(); i++) {
            double v = t.doubleAt(i);
            if (!Double.isFinite(Tensor.roundTo(t.dtype(), v))) {
                String why = Double.isFinite(v) ? " overflows " + t.dtype() : " is not finite";
                throw new SafeTensorsException(Kind.NON_FINITE_VALUE, target, "tensor '" + t.name() + "': value "
                        + v + " at flat index " + i + why + "; refusing to save");
            }
        }
    }

    /** Total file length: 8 + header + data. */
    long size() {
        long n = 8L + header.length;
        for (Tensor t : ordered) {
            n += (long) t.numel() * t.dtype().byteSize();
        }
        return n;
    }

    void writeTo(OutputStream out) throws IOException {
        ByteBuffer length = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(0, header.length);
        out.write(length.array());
        out.write(header);
        ByteBuffer chunk = TensorCodec.newChunk();
        for (Tensor t : ordered) {
            TensorCodec.write(out, t, chunk);
        }
    }
}
