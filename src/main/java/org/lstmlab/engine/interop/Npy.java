package org.lstmlab.engine.interop;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.lstmlab.engine.io.ModelFileException;

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

    /** An array: its shape and its values in C order. */
    public record Array(int[] shape, double[] values) {
    }

    private Npy() {
    }

    public static Array read(String file, byte[] b) throws ModelFileException {
        if (b.length < 10 || !Arrays.equals(Arrays.copyOf(b, 6), MAGIC)) {
            throw new ModelFileException(file, "is not a NumPy .npy array (no \\x93NUMPY magic)");
        }
        int major = b[6];
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        long headerLength;
        int start;
        if (major == 1) {
            headerLength = bb.getShort(8) & 0xffff;
            start = 10;
        } else if (major == 2 || major == 3) {
            if (b.length < 12) {
                throw new ModelFileException(file, "the .npy header is cut short");
            }
            headerLength = bb.getInt(8) & 0xffffffffL;
            start = 12;
        } else {
            throw new ModelFileException(file, ".npy version " + major + " is not supported (1 to 3)");
        }
        if (start + headerLength > b.length) {
            throw new ModelFileException(file, "the .npy header claims " + headerLength + " bytes; the file has "
                    + (b.length - start));
        }
        String header = new String(b, start, (int) headerLength, StandardCharsets.ISO_8859_1);
        Matcher d = DESCR.matcher(header);
        Matcher f = FORTRAN.matcher(header);
        Matcher s = SHAPE.matcher(header);
        if (!d.find() || !f.find() || !s.find()) {
            throw new ModelFileException(file, "the .npy header is not a dict of descr, fortran_order and shape: "
                    + header.strip());
        }
        if (d.group(1).equals(">")) {
            throw new ModelFileException(file, "the .npy array is big-endian; save it little-endian");
        }
        if (f.group(1).equals("True")) {
            throw new ModelFileException(file, "the .npy array is in Fortran order; save it with np.ascontiguousarray");
        }
        char kind = d.group(2).charAt(0);
        int size = d.group(3).charAt(0) - '0';
        if (!(kind == 'f' && (size == 8 || size == 4)) && !(kind == 'i' && (size == 8 || size == 4))) {
            throw new ModelFileException(file, "the .npy array holds " + kind + size + "; LSTM Lab reads f8, f4, i8, i4");
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
                throw new ModelFileException(file, "the .npy shape (" + s.group(1) + ") is not a list of sizes");
            }
            n *= Math.max(v, 0);
            if (v < 0 || v > Integer.MAX_VALUE || n > MAX_VALUES) {
                throw new ModelFileException(file, "the .npy shape (" + s.group(1) + ") is too large");
            }
            shape = Arrays.copyOf(shape, shape.length + 1);
            shape[shape.length - 1] = (int) v;
        }
        long data = b.length - start - headerLength;
        if (data != n * size) {
            throw new ModelFileException(file, "the .npy shape (" + s.group(1) + ") of " + kind + size + " needs "
                    + n * size + " bytes of data; the file has " + data);
        }
        double[] v = new double[(int) n];
        int at = (int) (start + headerLength);
        for (int i = 0; i < n; i++) {
            int p = at + i * size;
            v[i] = kind == 'f' ? (size == 8 ? bb.getDouble(p) : bb.getFloat(p)) : (size == 8 ? bb.getLong(p) : bb.getInt(p));
        }
        return new Array(shape, v);
    }

    /** Writes a float64 array, C order, version 1.0. */
    public static void write(OutputStream out, int[] shape, double[] values) throws IOException {
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
        ByteBuffer bb = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : values) {
            bb.putDouble(v);
        }
        out.write(bb.array());
    }
}
