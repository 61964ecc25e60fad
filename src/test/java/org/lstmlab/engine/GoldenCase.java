package org.lstmlab.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One PyTorch reference case from src/test/resources/golden (see its README). Test-side loader kept deliberately
 * independent of the engine's own safetensors reader, so that a bug there cannot hide a bug in the engine.
 */
public final class GoldenCase {
    public final String name;
    public final Map<String, String> meta = new LinkedHashMap<>();
    public final Map<String, double[]> values = new LinkedHashMap<>();
    public final Map<String, int[]> shapes = new LinkedHashMap<>();

    private static final Pattern TENSOR = Pattern.compile(
            "\"([^\"]+)\"\\s*:\\s*\\{\\s*\"dtype\"\\s*:\\s*\"(\\w+)\"\\s*,\\s*\"shape\"\\s*:\\s*\\[([^\\]]*)\\]\\s*,"
                    + "\\s*\"data_offsets\"\\s*:\\s*\\[\\s*(\\d+)\\s*,\\s*(\\d+)\\s*\\]\\s*\\}");
    private static final Pattern META = Pattern.compile("\"__metadata__\"\\s*:\\s*\\{([^}]*)\\}");
    private static final Pattern PAIR = Pattern.compile("\"([^\"]+)\"\\s*:\\s*\"([^\"]*)\"");

    private GoldenCase(String name) {
        this.name = name;
    }

    /** A copy of the case's file in {@code dir} (kept if already there), for tests that run it as a user would. */
    public static Path copyTo(Path dir, String name) throws IOException {
        Path p = dir.resolve(name + ".safetensors");
        if (!Files.exists(p)) {
            try (InputStream in = GoldenCase.class.getResourceAsStream("/golden/" + name + ".safetensors")) {
                Files.copy(in, p);
            }
        }
        return p;
    }

    public static GoldenCase load(String name) {
        try (InputStream in = GoldenCase.class.getResourceAsStream("/golden/" + name + ".safetensors")) {
            if (in == null) {
                throw new IllegalArgumentException("no golden case " + name);
            }
            return parse(name, in.readAllBytes());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static GoldenCase parse(String name, byte[] bytes) {
        GoldenCase c = new GoldenCase(name);
        ByteBuffer bb = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int n = (int) bb.getLong(0);
        String header = new String(bytes, 8, n, StandardCharsets.UTF_8);
        Matcher m = META.matcher(header);
        if (m.find()) {
            Matcher p = PAIR.matcher(m.group(1));
            while (p.find()) {
                c.meta.put(p.group(1), p.group(2));
            }
        }
        Matcher t = TENSOR.matcher(header);
        while (t.find()) {
            String tname = t.group(1);
            String dtype = t.group(2);
            String dims = t.group(3).trim();
            int[] shape = dims.isEmpty() ? new int[0]
                    : java.util.Arrays.stream(dims.split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
            int begin = Integer.parseInt(t.group(4));
            int end = Integer.parseInt(t.group(5));
            int count = (end - begin) / 8;
            double[] v = new double[count];
            for (int i = 0; i < count; i++) {
                int at = 8 + n + begin + 8 * i;
                v[i] = dtype.equals("I64") ? (double) bb.getLong(at) : bb.getDouble(at);
            }
            c.values.put(tname, v);
            c.shapes.put(tname, shape);
        }
        return c;
    }

    public double[] get(String tensor) {
        double[] v = values.get(tensor);
        if (v == null) {
            throw new IllegalArgumentException(name + " has no tensor " + tensor + "; it has " + values.keySet());
        }
        return v;
    }

    public boolean has(String tensor) {
        return values.containsKey(tensor);
    }

    public int metaInt(String key) {
        return Integer.parseInt(meta.get(key));
    }

    /** (B, T, W) batch-first to (T, B, W) time-major. */
    public static double[] toTimeMajor(double[] v, int batch, int steps, int width) {
        double[] out = new double[v.length];
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < steps; t++) {
                System.arraycopy(v, (b * steps + t) * width, out, (t * batch + b) * width, width);
            }
        }
        return out;
    }

    /** (T, B, W) time-major to (B, T, W) batch-first. */
    public static double[] toBatchFirst(double[] v, int batch, int steps, int width) {
        double[] out = new double[v.length];
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < steps; t++) {
                System.arraycopy(v, (t * batch + b) * width, out, (b * steps + t) * width, width);
            }
        }
        return out;
    }
}
