package org.lstmlab.engine.interop;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Why the Keras export writes .npz and not .weights.h5: Keras 3 needs an empty root group {@code vars}, and jhdf
 * 0.9.4 writes an empty group beside another that it cannot read back itself (h5py cannot either). When this test
 * fails, jhdf has been fixed and {@link KerasWeightsWriter} can write Keras' .weights.h5 directly.
 */
class KerasExportTest {
    @TempDir Path dir;

    @Test
    void jhdfCannotReadBackAnEmptyGroupItWrote() {
        Path f = dir.resolve("empty-group.h5");
        try (WritableHdfFile w = HdfFile.write(f)) {
            w.putGroup("vars");
            w.putGroup("layers").putGroup("lstm").putGroup("cell").putGroup("vars").putDataset("0", new double[] {1, 2});
        }
        assertThrows(RuntimeException.class, () -> {
            try (HdfFile h = new HdfFile(f)) {
                h.getChildren();
            }
        });
    }
}
