package org.lstmlab.engine.train;

import org.lstmlab.engine.math.Gemm;
import org.lstmlab.engine.math.GemmKernel;
import org.lstmlab.engine.math.GemmReference;
import org.lstmlab.engine.math.PlainGemm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The harness runs and reports; no timing is asserted (that would make the build depend on the machine). */
class KernelBenchTest {
    @Test
    void reportsOneRecordPerKernelAndShape() {
        List<KernelBench.Shape> shapes = List.of(new KernelBench.Shape(KernelBench.Op.MM, 5, 3, 9, "tiny"),
                new KernelBench.Shape(KernelBench.Op.MTM, 4, 6, 2, "tiny"));
        List<GemmKernel> kernels = KernelBench.kernels();
        List<KernelBench.Result> results = KernelBench.compare(kernels, shapes, new KernelBench.Settings(1, 1, 3));
        assertEquals(shapes.size() * kernels.size(), results.size());
        assertEquals(List.of("reference", "plain", Gemm.kernelName()), kernels.stream().map(GemmKernel::name).toList());
        for (KernelBench.Result r : results) {
            assertTrue(r.gflops() > 0 && r.millis() > 0 && r.bestGflops() >= r.gflops(), r.toString());
        }
        String table = KernelBench.format(results);
        assertTrue(table.contains("mtm 4×6×2"), table);
        assertEquals(1 + results.size(), table.lines().count());
    }

    @Test
    void interleavedComparesAgainstTheFirstKernel() {
        KernelBench.Shape shape = new KernelBench.Shape(KernelBench.Op.MM, 8, 5, 9, "tiny");
        List<KernelBench.Comparison> out = KernelBench.interleaved(List.of(new PlainGemm(), new GemmReference()),
                shape, new KernelBench.Settings(1, 1, 0), 3);
        assertEquals(List.of("plain", "reference"), out.stream().map(KernelBench.Comparison::kernel).toList());
        assertEquals(1.0, out.get(0).ratioToFirst());
        assertTrue(out.get(1).cpuGflops() > 0 && out.get(1).bestCpuGflops() >= out.get(1).cpuGflops());
        assertEquals(3, KernelBench.formatComparisons(out).lines().count());
    }

    @Test
    void shapesAreLstmSizedAndValid() {
        assertEquals(10, KernelBench.lstmShapes().size());
        assertEquals(2.0 * 32 * 50 * 200, KernelBench.lstmShapes().get(1).flops());
        assertThrows(IllegalArgumentException.class, () -> new KernelBench.Shape(KernelBench.Op.MM, 0, 1, 1, ""));
    }
}
