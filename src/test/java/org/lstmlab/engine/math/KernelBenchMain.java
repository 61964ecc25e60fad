package org.lstmlab.engine.math;

import org.lstmlab.engine.train.KernelBench;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs {@link KernelBench} from the test classpath until the command line has {@code bench --kernels}. Not a test.
 * Arguments: optional kernel names to keep (reference, plain, vector), and {@code interleaved} for the CPU-time A/B
 * comparison ({@link KernelBench#interleaved}, 21 rounds of 15 ms bursts) instead of separate timings, e.g.
 * {@code java --add-modules jdk.incubator.vector -cp target/classes:target/test-classes
 * org.lstmlab.engine.math.KernelBenchMain interleaved plain vector}.
 */
public final class KernelBenchMain {
    private KernelBenchMain() {
    }

    public static void main(String[] args) {
        List<String> wanted = new ArrayList<>(List.of(args));
        boolean interleaved = wanted.remove("interleaved");
        List<GemmKernel> kernels = new ArrayList<>();
        for (GemmKernel kernel : KernelBench.kernels()) {
            String name = kernel.name().split("[ -]")[0];
            if (wanted.isEmpty() || wanted.contains(name)) {
                kernels.add(kernel);
            }
        }
        for (KernelBench.Shape shape : KernelBench.lstmShapes()) {
            if (interleaved) {
                KernelBench.Settings settings = new KernelBench.Settings(1000, 15, 0);
                System.out.print(KernelBench.formatComparisons(
                        KernelBench.interleaved(kernels, shape, settings, 21)));
            } else {
                System.out.print(KernelBench.format(
                        KernelBench.compare(kernels, List.of(shape), KernelBench.Settings.defaults())));
            }
            System.out.flush();
        }
    }
}
