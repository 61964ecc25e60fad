package org.lstmlab.engine.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.lstmlab.engine.io.SafeTensorsException.Kind;

/**
 * Little-endian tensor data to and from Java arrays, a bounded chunk at a time so that a large tensor never needs
 * a second full-size byte copy.
 */
final class TensorCodec {
    /** Bytes per chunk; a multiple of every element size. */
    static final int CHUNK_BYTES = 1 << 16;

    private TensorCodec() {
    }

    static ByteBuffer newChunk() {
        return ByteBuffer.allocate(CHUNK_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Reads the tensor of {@code e} whose data begins at {@code dataStart + e.begin()}. */
    static Tensor read(String source, ByteSource src, long dataStart, SafeTensorsHeader.Entry e, ByteBuffer chunk)
            throws IOException {
        DType t = e.dtype();
        double[] doubles = t.isFloating() ? new double[e.numel()] : null;
        long[] longs = t.isFloating() ? null : new long[e.numel()];
        int perChunk = CHUNK_BYTES / t.byteSize();
        long position = dataStart + e.begin();
        for (int done = 0; done < e.numel(); ) {
            int n = Math.min(perChunk, e.numel() - done);
            chunk.clear().limit(n * t.byteSize());
            src.readFully(position, chunk);
            chunk.flip();
            if (doubles != null) {
                decodeFloats(t, chunk, doubles, done, n);
            } else {
                decodeInts(source, e.name(), t, chunk, longs, done, n);
            }
            position += (long) n * t.byteSize();
            done += n;
        }
        return new Tensor(e.name(), t, e.shape(), doubles, longs);
    }

    private static void decodeFloats(DType t, ByteBuffer b, double[] dst, int off, int n) {
        switch (t) {
            case F64 -> b.asDoubleBuffer().get(dst, off, n);
            case F32 -> {
                for (int i = 0; i < n; i++) {
                    dst[off + i] = b.getFloat();
                }
            }
            case F16 -> {
                for (int i = 0; i < n; i++) {
                    dst[off + i] = HalfFloats.f16ToDouble(b.getShort());
                }
            }
            case BF16 -> {
                for (int i = 0; i < n; i++) {
                    dst[off + i] = HalfFloats.bf16ToDouble(b.getShort());
                }
            }
            default -> throw new IllegalArgumentException(t + " is not floating");
        }
    }

    private static void decodeInts(String source, String name, DType t, ByteBuffer b, long[] dst, int off, int n)
            throws SafeTensorsException {
        for (int i = 0; i < n; i++) {
            dst[off + i] = switch (t) {
                case I64 -> b.getLong();
                case I32 -> b.getInt();
                case I16 -> b.getShort();
                case I8 -> b.get();
                case U8 -> b.get() & 0xff;
                case BOOL -> {
                    int v = b.get() & 0xff;
                    if (v > 1) {
                        throw new SafeTensorsException(Kind.INVALID_VALUE, source, "tensor '"
                                + JsonWriter.abbreviate(name) + "': BOOL byte 0x" + String.format("%02X", v)
                                + " at flat index " + (off + i) + " is neither 0 nor 1");
                    }
                    yield v;
                }
                default -> throw new IllegalArgumentException(t + " is not an integer type");
            };
        }
    }

    /** Writes the data of {@code t} as its dtype, little-endian. */
    static void write(OutputStream out, Tensor t, ByteBuffer chunk) throws IOException {
        DType dt = t.dtype();
        int numel = t.numel();
        int perChunk = CHUNK_BYTES / dt.byteSize();
        for (int done = 0; done < numel; ) {
            int n = Math.min(perChunk, numel - done);
            chunk.clear();
            for (int i = done; i < done + n; i++) {
                encode(dt, t, i, chunk);
            }
            out.write(chunk.array(), 0, chunk.position());
            done += n;
        }
    }

    private static void encode(DType dt, Tensor t, int i, ByteBuffer b) {
        switch (dt) {
            case F64 -> b.putDouble(t.doubleAt(i));
            case F32 -> b.putFloat((float) t.doubleAt(i));
            case F16 -> b.putShort((short) HalfFloats.doubleToF16(t.doubleAt(i)));
            case BF16 -> b.putShort((short) HalfFloats.doubleToBf16(t.doubleAt(i)));
            case I64 -> b.putLong(t.longAt(i));
            case I32 -> b.putInt((int) t.longAt(i));
            case I16 -> b.putShort((short) t.longAt(i));
            case I8, U8, BOOL -> b.put((byte) t.longAt(i));
            default -> throw new IllegalArgumentException("unhandled dtype " + dt);
        }
    }
}
