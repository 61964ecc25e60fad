package org.lstmlab.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.lstmlab.cli.LstmLabCommand;

/** Hostile files and the checks every hostile-input test makes. */
final class Hostile {
    private Hostile() {
    }

    /** One tensor of a crafted file: name, dtype, shape. Its data is zeros (a hole in a sparse file). */
    record T(String name, String dtype, long... shape) {
        long bytes() {
            long n = dtype.equals("F64") || dtype.equals("I64") ? 8 : 4;
            for (long d : shape) {
                n *= d;
            }
            return n;
        }
    }

    static T t(String name, long... shape) {
        return new T(name, "F64", shape);
    }

    /**
     * A safetensors file with this metadata and these tensors, all zeros; the data is a hole, so a file whose
     * header claims gigabytes takes no disk space.
     */
    static Path safetensors(Path file, Map<String, String> meta, List<T> tensors) throws IOException {
        StringBuilder h = new StringBuilder("{\"__metadata__\":{");
        boolean first = true;
        for (Map.Entry<String, String> m : meta.entrySet()) {
            h.append(first ? "" : ",").append('"').append(m.getKey()).append("\":\"")
                    .append(m.getValue().replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            first = false;
        }
        h.append('}');
        long offset = 0;
        for (T t : tensors) {
            StringBuilder shape = new StringBuilder();
            for (long d : t.shape()) {
                shape.append(shape.length() == 0 ? "" : ",").append(d);
            }
            h.append(",\"").append(t.name()).append("\":{\"dtype\":\"").append(t.dtype()).append("\",\"shape\":[")
                    .append(shape).append("],\"data_offsets\":[").append(offset).append(',')
                    .append(offset + t.bytes()).append("]}");
            offset += t.bytes();
        }
        h.append('}');
        return raw(file, h.toString(), offset);
    }

    /** An 8-byte length, this header, then {@code dataBytes} bytes of hole. */
    static Path raw(Path file, String header, long dataBytes) throws IOException {
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            ByteBuffer n = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(json.length);
            f.write(n.array());
            f.write(json);
            f.setLength(8L + json.length + dataBytes);
        }
        return file;
    }

    static Map<String, String> meta(String... keyValues) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put(keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    /** The four tensors of layer k of a stack of G·H units on D inputs, with an optional name prefix. */
    static List<T> layer(String prefix, int k, long gh, long d, long h) {
        return List.of(t(prefix + "weight_ih_l" + k, gh, d), t(prefix + "weight_hh_l" + k, gh, h),
                t(prefix + "bias_ih_l" + k, gh), t(prefix + "bias_hh_l" + k, gh));
    }

    /** A named pipe (made with mkfifo). */
    static Path fifo(Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("mkfifo", file.toString()).inheritIO().start();
        assertEquals(0, p.waitFor(), "mkfifo " + file);
        return file;
    }

    /** A UNIX domain socket file, bound and kept open by the returned channel. */
    static ServerSocketChannel socket(Path file) throws IOException {
        ServerSocketChannel ch = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        ch.bind(UnixDomainSocketAddress.of(file));
        return ch;
    }

    /** Bytes this thread allocates while {@code c} runs, and what it threw (or null). */
    record Run(long allocated, Throwable thrown) {
    }

    static Run measure(Callable<?> c) {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long before = mx.getThreadAllocatedBytes(id);
        Throwable thrown = null;
        try {
            c.call();
        } catch (Throwable t) {
            thrown = t;
        }
        return new Run(mx.getThreadAllocatedBytes(id) - before, thrown);
    }

    /** The command line run in this JVM. */
    record Cli(int exitCode, String out, String err) {
    }

    static Cli cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = LstmLabCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Cli(code, out.toString(), err.toString());
    }

    /** Rule 3's shape of an error: exit 2, one line on stderr starting with the program's name, no stack trace. */
    static void assertOneLineError(Cli r, String... mustMention) {
        String all = "exit " + r.exitCode() + "\nstdout: " + r.out() + "\nstderr: " + r.err();
        assertEquals(2, r.exitCode(), all);
        assertEquals(1, r.err().strip().lines().count(), all);
        assertTrue(r.err().startsWith("lstm-lab: "), all);
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat ") || r.err().contains("Error:"), all);
        for (String m : mustMention) {
            assertTrue(r.err().contains(m), "the error should mention '" + m + "': " + r.err());
        }
    }

    /** The names in a folder, sorted (to see that nothing was left behind). */
    static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }
}
