package org.lstmlab.engine.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.engine.io.AtomicFiles;
import org.lstmlab.testing.PythonRun;

/**
 * The one {@code .npz} writer of the model export, the training scripts' data and predictions: NumPy's np.load reads
 * its arrays in the order written, float64, with their shapes and every value to the bit, whether the values came at
 * once or in parts; each entry holds the bytes {@link Npy#write} writes for the array alone.
 */
class NpzTest {
    private static final double[] A = {1.5, -2.25, 1e-300, Math.PI, -0.0, 7};
    private static final double[] B = {0.1, -1e300, 0.3, 4.9e-324};

    @TempDir Path dir;

    private Path written() throws Exception {
        Path f = dir.resolve("t.npz");
        AtomicFiles.write(f, out -> new Npz(out).add("a", new int[] {2, 3}, A)
                .add("b", new int[] {4}, sink -> {
                    sink.accept(Arrays.copyOfRange(B, 0, 1));
                    sink.accept(Arrays.copyOfRange(B, 1, 4));
                })
                .add("empty", new int[] {0, 2}, new double[0]).finish());
        return f;
    }

    @Test
    void numpyReadsTheArraysInOrderWithTheirShapesAndEveryBit() throws Exception {
        Path f = written();
        String out = PythonRun.run(List.of("/usr/bin/python3", "-c", """
                import sys
                import numpy as np
                d = np.load(sys.argv[1])
                for k in d.files:
                    print(k, d[k].dtype.str, 'x'.join(map(str, d[k].shape)), *[repr(float(v)) for v in d[k].ravel()])
                """, f.toString()));
        List<String> lines = out.strip().lines().toList();
        assertEquals(3, lines.size(), out);
        check(lines.get(0), "a", "2x3", A);
        check(lines.get(1), "b", "4", B);
        check(lines.get(2), "empty", "0x2", new double[0]);
    }

    private static void check(String line, String name, String shape, double[] values) {
        String[] w = line.split(" ");
        assertEquals(List.of(name, "<f8", shape), List.of(w[0], w[1], w[2]), line);
        assertArrayEquals(values, Arrays.stream(w).skip(3).mapToDouble(Double::parseDouble).toArray(), line);
    }

    @Test
    void eachEntryIsTheNpyOfItsArrayAloneDeflated() throws Exception {
        List<String> names = new ArrayList<>();
        try (ZipFile zip = new ZipFile(written().toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                names.add(e.getName());
                assertEquals(ZipEntry.DEFLATED, e.getMethod(), e.getName());
            }
            assertArrayEquals(npy(new int[] {2, 3}, A), zip.getInputStream(zip.getEntry("a.npy")).readAllBytes());
            assertArrayEquals(npy(new int[] {4}, B), zip.getInputStream(zip.getEntry("b.npy")).readAllBytes());
        }
        assertEquals(List.of("a.npy", "b.npy", "empty.npy"), names);
    }

    private static byte[] npy(int[] shape, double[] values) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Npy.write(out, shape, values);
        return out.toByteArray();
    }
}
