package org.lstmlab.engine.interop;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;

import org.lstmlab.engine.bounds.MemoryBudget;
import org.lstmlab.testing.FileErrorCases.Attempt;
import org.lstmlab.testing.FileErrorCases.Case;
import org.lstmlab.testing.FileErrorTest;

/**
 * Sequences that cannot be read say why in the app's language: every refusal of Npy and SequenceFiles, on
 * {@code .npy}, {@code .npz} and {@code .csv} files written here and read as {@code predict} reads its input (for a
 * model of 2 features), and on a {@code .npy} stream of unknown length (a zip member), in English as the command
 * line always said it and in Chinese ({@code file-errors/sequences.txt}). In the case file, {@code %MAX%} and
 * {@code %LIMIT%} stand for the values and bytes this Java's memory limit allows.
 */
class SequenceInputLanguagesTest extends FileErrorTest {
    private static final Map<String, Attempt> ATTEMPTS = new LinkedHashMap<>();
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};

    static {
        input("npy.magic", "m.npy", "hello, not numpy".getBytes(StandardCharsets.US_ASCII));
        input("npy.cutShort", "m.npy", concat(MAGIC, new byte[] {2, 0, 16, 0, 0}));
        input("npy.version", "m.npy", concat(MAGIC, new byte[] {4, 0, 16, 0, 0, 0}, new byte[16]));
        input("npy.headerPastEnd", "m.npy", concat(MAGIC, new byte[] {1, 0, (byte) 255, 0, '{', '}'}));
        input("npy.headerPastLimit", "m.npy", concat(MAGIC, new byte[] {2, 0}, le32(3 << 20), new byte[] {'{', '}'}));
        input("npy.headerTooShort", "m.npy", concat(MAGIC, new byte[] {1, 0, 1, 0, '{', '}', ' ', ' '}));
        input("npy.notDict", "m.npy", concat(MAGIC, new byte[] {1, 0, 8, 0}, "{'a': 1}".getBytes()));
        input("npy.bigEndian", "m.npy", npy(">f8", "False", "(2, 2)", 32));
        input("npy.fortran", "m.npy", npy("<f8", "True", "(2, 2)", 32));
        input("npy.dtype", "m.npy", npy("<f2", "False", "(2, 2)", 8));
        input("npy.shapeNotSizes", "m.npy", npy("<f8", "False", "(T, 2)", 0));
        input("npy.shapeTooLarge", "m.npy", npy("<f8", "False", "(100000, 100000, 2)", 0));
        input("npy.dataSize", "m.npy", npy("<f8", "False", "(2, 3, 2)", 40));
        stream("npy.headerPastLimitUnknown", concat(MAGIC, new byte[] {2, 0}, le32(3 << 20), new byte[] {'{', '}'}));
        stream("npy.endsBefore", concat(MAGIC, new byte[] {1, 0, 100, 0}, "{'descr'".getBytes()));
        stream("npy.endsAfter", npy("<f4", "False", "(2, 3, 2)", 20));
        stream("npy.hasMore", npy("<f8", "False", "(1, 2, 2)", 40));
        input("sequences.shape", "m.npy", npy("<f8", "False", "(4,)", 32));
        input("sequences.features", "m.npy", npy("<f8", "False", "(2, 3, 5)", 240));
        input("sequences.empty", "m.npy", npy("<f8", "False", "(0, 3, 2)", 0));
        byte[] nan = npy("<f8", "False", "(1, 2, 2)", 32);
        ByteBuffer.wrap(nan).order(ByteOrder.LITTLE_ENDIAN).putDouble(nan.length - 16, Double.NaN);
        input("sequences.notFinite", "m.npy", nan);
        input("sequences.columns", "series.csv", "date,a,b,c\n2024-01-01,1,2,3\n2024-01-02,4,5,6\n".getBytes(), 2);
        ATTEMPTS.put("sequences.missingColumn", d -> {
            Path f = d.resolve("other.csv");
            Files.writeString(f, "date,load,pressure\n2024-01-01,1,2\n2024-01-02,3,4\n");
            SequenceFiles.read(f, 2, OptionalInt.of(1), java.util.List.of("load", "temp"));
        });
        input("sequences.window", "series.csv", "a,b\n1,2\n3,4\n".getBytes(), 5);
        input("sequences.windowTooLarge", "series.csv", ("a,b\n" + "1,2\n".repeat(20_000)).getBytes(), 10_000);
        input("sequences.length", "rows.csv", "a,b,c,d,length\n1,2,0,0,1.5\n".getBytes());
        input("sequences.notWholeSteps", "rows.csv", "a,b,c\n1,2,3\n".getBytes());
        ATTEMPTS.put("sequences.tooLarge", d -> {
            Path f = d.resolve("huge.npy");
            try (RandomAccessFile r = new RandomAccessFile(f.toFile(), "rw")) {
                r.setLength((1L << 30) + 1);
            }
            read(f, OptionalInt.empty());
        });
        ATTEMPTS.put("sequences.npzArrays", d -> read(ImportFiles.zip(d.resolve("two.npz"),
                "a.npy", npy("<f8", "False", "(1, 2, 2)", 32), "b.npy", npy("<f8", "False", "(1, 2, 2)", 32)),
                OptionalInt.empty()));
        ATTEMPTS.put("sequences.npzMember", d -> read(ImportFiles.zip(d.resolve("x.npz"),
                "input.npy", npy("<f8", "True", "(1, 2, 2)", 32)), OptionalInt.empty()));
        input("sequences.npzDamaged", "x.npz", "PK\u0003\u0004 not a zip".getBytes(StandardCharsets.ISO_8859_1));
    }

    SequenceInputLanguagesTest() {
        super("/file-errors/sequences.txt", ATTEMPTS);
    }

    /** A case that reads {@code bytes} written as {@code file} as the input of a model of 2 features. */
    private static void input(String name, String file, byte[] bytes, int... window) {
        ATTEMPTS.put(name, d -> {
            Path f = d.resolve(file);
            Files.write(f, bytes);
            read(f, window.length == 0 ? OptionalInt.empty() : OptionalInt.of(window[0]));
        });
    }

    /** A case that reads {@code bytes} as a {@code .npy} stream of unknown length. */
    private static void stream(String name, byte[] bytes) {
        ATTEMPTS.put(name, d -> Npy.read("s.npz:input.npy", new ByteArrayInputStream(bytes), -1));
    }

    private static void read(Path f, OptionalInt window) throws IOException {
        SequenceFiles.read(f, 2, window, java.util.List.of());
    }

    /** A version 1 {@code .npy} file of this header and {@code dataBytes} zero bytes of data. */
    static byte[] npy(String descr, String fortran, String shape, int dataBytes) {
        String h = "{'descr': '" + descr + "', 'fortran_order': " + fortran + ", 'shape': " + shape + ", }";
        int pad = (64 - (10 + h.length() + 1) % 64) % 64;
        byte[] header = (h + " ".repeat(pad) + "\n").getBytes(StandardCharsets.ISO_8859_1);
        return concat(MAGIC, new byte[] {1, 0, (byte) header.length, (byte) (header.length >> 8)}, header,
                new byte[dataBytes]);
    }

    private static byte[] le32(int n) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(n).array();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** The cases with this Java's memory limit in place of {@code %MAX%} and {@code %LIMIT%}. */
    @Override
    public Map<String, Case> cases() throws IOException {
        Map<String, Case> out = new LinkedHashMap<>();
        String max = Long.toString(Math.min(Npy.MAX_VALUES, MemoryBudget.limit() / Double.BYTES));
        String limit = MemoryBudget.bytes(MemoryBudget.limit());
        for (Case c : super.cases().values()) {
            out.put(c.name(), new Case(c.name(), c.english().replace("%MAX%", max).replace("%LIMIT%", limit),
                    c.chinese().replace("%MAX%", max).replace("%LIMIT%", limit)));
        }
        return out;
    }
}
