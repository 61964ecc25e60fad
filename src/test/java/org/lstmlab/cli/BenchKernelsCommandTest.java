package org.lstmlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.testing.Await;
import org.lstmlab.testing.Subprocess;

/**
 * {@code bench --kernels} end to end, as a user runs it: the first product is timed with the reference, plain and
 * (the module being on) vector kernels, one JSON line each with positive speeds. The command then goes on through
 * larger products for minutes, so the test stops it once the first product is done.
 */
class BenchKernelsCommandTest {
    /** JSON numbers may have an exponent: a product under a microsecond prints its ms_per_call as 8.0E-4. */
    private static final String NUMBER = "([0-9.]+(?:[Ee][+-]?[0-9]+)?)";
    private static final Pattern LINE = Pattern.compile("\\{\"product\": \"([^\"]+)\", \"meaning\": \"[^\"]+\", "
            + "\"kernel\": \"([^\"]+)\", \"gflops\": " + NUMBER + ", \"cpu_gflops\": " + NUMBER
            + ", \"ms_per_call\": " + NUMBER + "\\}");

    private static final Pattern THIN = Pattern.compile("\\{\"product\": \"([^\"]+)\", \"meaning\": \"[^\"]+\", "
            + "\"kernel\": \"([^\"]+)\", \"cpu_gflops\": " + NUMBER + ", \"best_cpu_gflops\": " + NUMBER
            + ", \"us_per_call\": " + NUMBER + ", \"ratio_to_plain\": " + NUMBER + "\\}");

    @TempDir
    Path dir;

    @Test
    void everyKernelOfTheFirstProductGetsAJsonLine() throws Exception {
        Subprocess p = new Subprocess(dir, List.of("--add-modules", "jdk.incubator.vector"), "org.lstmlab.Main",
                "bench", "--kernels", "--seconds", "0.5");
        try {
            Await.until("three kernel lines", () -> products(p.out()).count() >= 3 || !p.process.isAlive(),
                    p::err);
            List<String> kernels = new ArrayList<>();
            String product = null;
            for (String line : products(p.out()).limit(3).toList()) {
                Matcher m = LINE.matcher(line);
                assertTrue(m.matches(), line);
                product = product == null ? m.group(1) : product;
                assertEquals(product, m.group(1), "the first three lines are one product");
                kernels.add(m.group(2));
                assertTrue(Double.parseDouble(m.group(3)) > 0 && Double.parseDouble(m.group(5)) > 0, line);
            }
            assertEquals("reference", kernels.get(0));
            assertEquals("plain", kernels.get(1));
            assertTrue(kernels.get(2).startsWith("vector-api ("), kernels.toString());
        } finally {
            p.marked().forEach(ProcessHandle::destroyForcibly);
        }
    }

    /** With --thin: the first one-row product, plain loops then vector kernel, the plain line at ratio 1. */
    @Test
    void thinComparesThePlainLoopsWithTheVectorKernel() throws Exception {
        Subprocess p = new Subprocess(dir, List.of("--add-modules", "jdk.incubator.vector"), "org.lstmlab.Main",
                "bench", "--kernels", "--thin", "--seconds", "0.5");
        try {
            Await.until("two kernel lines", () -> p.out().lines().count() >= 2 || !p.process.isAlive(), p::err);
            List<String> lines = p.out().lines().limit(2).toList();
            Matcher plain = THIN.matcher(lines.get(0));
            Matcher vector = THIN.matcher(lines.get(1));
            assertTrue(plain.matches() && vector.matches(), lines.toString());
            assertEquals("mm 1×256×1024", plain.group(1));
            assertEquals(plain.group(1), vector.group(1));
            assertEquals("plain", plain.group(2));
            assertTrue(vector.group(2).startsWith("vector-api ("), vector.group(2));
            assertEquals(1.0, Double.parseDouble(plain.group(6)));
            assertTrue(Double.parseDouble(vector.group(3)) > 0 && Double.parseDouble(vector.group(6)) > 0,
                    lines.get(1));
        } finally {
            p.marked().forEach(ProcessHandle::destroyForcibly);
        }
    }

    /** The lines about products; the FMA peak probe prints its own line ({"probe": ...}) first. */
    private static java.util.stream.Stream<String> products(String out) {
        return out.lines().filter(l -> !l.startsWith("{\"probe\""));
    }
}
