package org.lstmlab.engine.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheSizesTest {
    @Test
    void parsesTheSysfsForms() {
        assertEquals(1024 * 1024, CacheSizes.parse("1024K\n"));
        assertEquals(2 * 1024 * 1024, CacheSizes.parse("2M"));
        assertEquals(524288, CacheSizes.parse("524288"));
    }

    @Test
    void fallsBackTo512KiBOnNonsense(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("size");
        Files.writeString(file, "lots");
        assertEquals(512 * 1024, CacheSizes.readL2(file));
        assertEquals(512 * 1024, CacheSizes.readL2(dir.resolve("missing")));
        assertEquals(512 * 1024, CacheSizes.readL2(dir));  // a directory, not a regular file
        assertEquals(512 * 1024, CacheSizes.parse("1K"));   // implausibly small
    }

    @Test
    void blocksAreHalfOfL2WithinBounds() {
        int kib = CacheSizes.productBlockKiB();
        assertTrue(kib >= 256 && kib <= 512, "block " + kib);
        assertEquals(Math.max(256, Math.min(512, CacheSizes.l2Bytes() / 2048)), kib);
    }
}
