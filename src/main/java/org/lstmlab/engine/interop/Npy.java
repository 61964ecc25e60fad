package org.lstmlab.engine.interop;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.lstmlab.engine.io.ModelFileException;
import org.lstmlab.engine.text.Message;

/**
 * NumPy's {@code .npy} format (version 1.0 to 3.0) for arrays of numbers: a magic string, a version, a header
 * length, a Python dict literal ({@code {'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }}), then the
 * data in C order. Reads little-endian float64, float32 and int64/int32; writes float64. The data length must equal
 * the shape's, checked before any allocation.
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([<>|=]?)([fi])(\\d)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");
    static final long MAX_VALUES = 200_000_000L;
    /** Longest header read: NumPy's own headers are a few hundred bytes. */
    static final long MAX_HEADER_BYTES = 1L << 20;
    private static final int CHUNK_BYTES = 1 << 16;

    /** An array: its shape and its values in C order. */
    public record Array(int[] shape, double[] values) {
    }

    private Npy() {
    }

    /** Reads an array held in memory. */
    public static Array read(String file, byte[] b) throws ModelFileException {
        try {
            return read(file, new ByteArrayInputStream(b), b.length);
        } catch (ModelFileException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("reading memory cannot fail", e);
        }
    }

    /**
     * Reads an array from a stream of {@code length} bytes ({@code -1} when not known, e.g. inside a zip file). The
     * header is read and checked first: the shape must match the data's length and its values must fit in memory
     * ({@link InteropMemory}) before the array is allocated; the data is then read in chunks, never held twice.
     */
    public static Array read(String file, InputStream in, long length) throws IOException {
        byte[] head = readUpTo(in, 12);
        if (head.length < 10 || !Arrays.equals(Arrays.copyOf(head, 6), MAGIC)) {
            throw new ModelFileException(file, Message.of("engine.npy.magic"));
        }
        int major = head[6];
        ByteBuffer bb = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN);
        long headerLength;
        int start;
        if (major == 1) {
            headerLength = bb.getShort(8) & 0xffff;
            start = 10;
        } else if (major == 2 || major == 3) {
            if (head.length < 12) {
                throw new ModelFileException(file, Message.of("engine.npy.cutShort"));
            }
            headerLength = bb.getInt(8) & 0xffffffffL;
            start = 12;
        } else {
            throw new ModelFileException(file, Message.of("engine.npy.version", Integer.toString(major)));
        }
        long rest = length < 0 ? -1 : length - start;
        if (headerLength > MAX_HEADER_BYTES || rest >= 0 && headerLength > rest) {
            String claimed = Long.toString(headerLength);
            String max = Long.toString(MAX_HEADER_BYTES);
            throw new ModelFileException(file, rest < 0 ? Message.of("engine.npy.headerPastLimitUnknown", claimed, max)
                    : headerLength > MAX_HEADER_BYTES
                    ? Message.of("engine.npy.headerPastLimit", claimed, Long.toString(rest), max)
                    : Message.of("engine.npy.headerPastEnd", claimed, Long.toString(rest)));
        }
        byte[] headerBytes = new byte[(int) headerLength];
        int already = head.length - start;   // a version 1 header's first bytes came with the 12 read above
        System.arraycopy(head, start, headerBytes, 0, Math.min(already, headerBytes.length));
        if (already > headerBytes.length) {
            throw new ModelFileException(file, Message.of("engine.npy.headerTooShort", Long.toString(headerLength)));
        }
        if (readFully(in, headerBytes, already, headerBytes.length - already) < headerBytes.length - already) {
            throw new ModelFileException(file, Message.of("engine.npy.endsBefore", Long.toString(headerLength)));
        }
        String header = new String(headerBytes, StandardCharsets.ISO_8859_1);
        Matcher d = DESCR.matcher(header);
        Matcher f = FORTRAN.matcher(header);
        Matcher s = SHAPE.matcher(header);
        if (!d.find() || !f.find() || !s.find()) {
            throw new ModelFileException(file, Message.of("engine.npy.notDict", header.strip()));
        }
        if (d.group(1).equals(">")) {
            throw new ModelFileException(file, Message.of("engine.npy.bigEndian"));
        }
        if (f.group(1).equals("True")) {
            throw new ModelFileException(file, Message.of("engine.npy.fortran"));
        }
        char kind = d.group(2).charAt(0);
        int size = d.group(3).charAt(0) - '0';
        String dtype = kind + Integer.toString(size);
        if (!(kind == 'f' && (size == 8 || size == 4)) && !(kind == 'i' && (size == 8 || size == 4))) {
            throw new ModelFileException(file, Message.of("engine.npy.dtype", dtype));
        }
        String[] dims = s.group(1).split(",");
        int[] shape = new int[0];
        long n = 1;
        for (String dim : dims) {
            if (dim.isBlank()) {
                continue;
            }
            long v;
            try {
                v = Long.parseLong(dim.trim());
            } catch (NumberFormatException e) {
                throw new ModelFileException(file, Message.of("engine.npy.shapeNotSizes", s.group(1)));
            }
            n *= Math.max(v, 0);
            if (v < 0 || v > Integer.MAX_VALUE || n > MAX_VALUES) {
                throw new ModelFileException(file, Message.of("engine.npy.shapeTooLarge", s.group(1),
                        Long.toString(MAX_VALUES)));
            }
            shape = Arrays.copyOf(shape, shape.length + 1);
            shape[shape.length - 1] = (int) v;
        }
        long data = n * size;
        if (length >= 0 && length - start - headerLength != data) {
            throw new ModelFileException(file, Message.of("engine.npy.dataSize", s.group(1), dtype,
                    Long.toString(data), Long.toString(length - start - headerLength)));
        }
        InteropMemory.require(file + ": the .npy shape (" + s.group(1) + ") of " + n + " values needs", 8 * n,
                "Split the array into smaller files");
        double[] v = new double[(int) n];
        byte[] chunk = new byte[Math.max(size, CHUNK_BYTES - CHUNK_BYTES % size)];
        ByteBuffer cb = ByteBuffer.wrap(chunk).order(ByteOrder.LITTLE_ENDIAN);
        int i = 0;
        while (i < n) {
            int want = (int) Math.min(chunk.length, (n - i) * size);
            if (readFully(in, chunk, 0, want) < want) {
                throw new ModelFileException(file, Message.of("engine.npy.endsAfter", s.group(1), dtype,
                        Long.toString(data), Long.toString((long) i * size)));
            }
            for (int p = 0; p < want; p += size, i++) {
                v[i] = kind == 'f' ? (size == 8 ? cb.getDouble(p) : cb.getFloat(p))
                        : (size == 8 ? cb.getLong(p) : cb.getInt(p));
            }
        }
        if (length < 0 && in.read() >= 0) {
            throw new ModelFileException(file, Message.of("engine.npy.hasMore", s.group(1), dtype,
                    Long.toString(data)));
        }
        return new Array(shape, v);
    }

    private static byte[] readUpTo(InputStream in, int n) throws IOException {
        byte[] b = new byte[n];
        return Arrays.copyOf(b, readFully(in, b, 0, n));
    }

    /** Reads until {@code len} bytes or the end; returns how many were read. */
    private static int readFully(InputStream in, byte[] b, int off, int len) throws IOException {
        int done = 0;
        while (done < len) {
            int r = in.read(b, off + done, len - done);
            if (r < 0) {
                break;
            }
            done += r;
        }
        return done;
    }

    /** Writes a float64 array, C order, version 1.0. */
    public static void write(OutputStream out, int[] shape, double[] values) throws IOException {
        writeHeader(out, shape);
        writeValues(out, values);
    }

    /** The header of a float64 array of {@code shape}, C order, version 1.0; the values follow. */
    public static void writeHeader(OutputStream out, int[] shape) throws IOException {
        StringBuilder dims = new StringBuilder();
        for (int d : shape) {
            dims.append(d).append(", ");
        }
        if (shape.length > 1) {
            dims.setLength(dims.length() - 1);
        }
        String h = "{'descr': '<f8', 'fortran_order': False, 'shape': (" + dims.toString().stripTrailing()
                .replaceAll(",$", shape.length == 1 ? "," : "") + "), }";
        int total = 10 + h.length() + 1;
        int pad = (64 - total % 64) % 64;
        String header = h + " ".repeat(pad) + "\n";
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        head.write(MAGIC);
        head.write(1);
        head.write(0);
        head.write(header.length() & 0xff);
        head.write(header.length() >> 8);
        head.write(header.getBytes(StandardCharsets.ISO_8859_1));
        out.write(head.toByteArray());
    }

    /** Values after {@link #writeHeader}: float64 little-endian, in chunks. */
    public static void writeValues(OutputStream out, double[] values) throws IOException {
        ByteBuffer bb = ByteBuffer.allocate(CHUNK_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < values.length; ) {
            bb.clear();
            while (bb.remaining() >= 8 && i < values.length) {
                bb.putDouble(values[i++]);
            }
            out.write(bb.array(), 0, bb.position());
        }
    }
}
