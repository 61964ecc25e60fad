package org.lstmlab.engine.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.engine.GoldenCase;
import org.lstmlab.engine.Tolerance;
import org.lstmlab.engine.io.SafeTensors;
import org.lstmlab.engine.io.SafeTensorsFile;
import org.lstmlab.testing.Subprocess;

/**
 * The engine without the Vector API module, end to end, as {@code java -jar lstm-lab.jar} runs it: a JVM started
 * without {@code --add-modules jdk.incubator.vector} uses the plain loops, reproduces every PyTorch reference case
 * to the golden tolerance (1e-9 relative), and trains to the same losses as the vector kernels within 1e-9
 * relative over three epochs. The losses are not bit-identical: the vector kernels add in another order, and the
 * rounding differences grow as training feeds each step's result into the next (docs/kernels.md).
 */
class PlainKernelsEndToEndTest {
    /** How far the mean training loss of an epoch may drift between the kernels over three epochs. */
    static final double TRAINING_TOLERANCE = 1e-9;

    @TempDir
    Path dir;

    private Run run(String name, List<String> jvm) throws Exception {
        Path golden = Path.of("src/test/resources/golden");
        Path out = Files.createDirectory(dir.resolve(name));
        Subprocess p = new Subprocess(dir, jvm, KernelPathRun.class.getName(), golden.toAbsolutePath().toString(),
                out.toString());
        assertEquals(0, p.waitFor(), p.out() + "\n" + p.err());
        List<Double> losses = new ArrayList<>();
        Matcher m = Pattern.compile("epoch \\d loss (\\S+)").matcher(p.out());
        while (m.find()) {
            losses.add(Double.parseDouble(m.group(1)));
        }
        assertEquals(3, losses.size(), p.out());
        return new Run(p.out().lines().findFirst().orElse(""), out, losses);
    }

    private record Run(String kernels, Path results, List<Double> losses) {
    }

    @Test
    void thePlainLoopsMatchPyTorchAndTrainLikeTheVectorKernels() throws Exception {
        Run plain = run("plain", List.of());
        Run vector = run("vector", List.of("--add-modules", "jdk.incubator.vector"));
        assertEquals("kernels: gemm plain, activations plain", plain.kernels());
        assertTrue(vector.kernels().contains("vector"), vector.kernels());

        int compared = 0;
        try (var files = Files.list(plain.results())) {
            for (Path f : (Iterable<Path>) files.sorted()::iterator) {
                compared += compareWithGolden(f);
            }
        }
        assertTrue(compared >= 10 * 3, compared + " tensors compared");

        for (int e = 0; e < 3; e++) {
            double a = plain.losses().get(e);
            double b = vector.losses().get(e);
            assertTrue(Math.abs(a - b) <= TRAINING_TOLERANCE * Math.abs(b), "epoch " + (e + 1) + ": plain " + a
                    + ", vector " + b);
        }
    }

    private static int compareWithGolden(Path result) throws IOException {
        String name = result.getFileName().toString().replace(".safetensors", "");
        SafeTensorsFile got = SafeTensors.read(result);
        GoldenCase expected = GoldenCase.load(name);
        int n = 0;
        for (String key : expected.values.keySet()) {
            if (key.startsWith("expected.")) {
                Tolerance.assertClose(name + " " + key, expected.get(key),
                        got.tensor(key.substring("expected.".length())).doubles());
                n++;
            }
        }
        return n;
    }
}
