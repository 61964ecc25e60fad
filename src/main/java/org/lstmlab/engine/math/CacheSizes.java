package org.lstmlab.engine.math;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The per-core L2 cache size, which sets how much of B the products keep in one block: half of L2, between
 * 256 KiB and 512 KiB. Read once from Linux's {@code /sys/devices/system/cpu/cpu0/cache/index2/size} (e.g.
 * {@code 1024K} on AMD Zen 4, {@code 512K} on Zen 3); 512 KiB when that file is missing or unreadable. Measured on
 * Zen 4 (docs/notes/engine-bench-2-2026-11-28.md): 512 KiB blocks make the float64 weight-gradient product
 * 1024×3200×256 13 % faster than 256 KiB ones, because its 256 columns of B then fit one block and A is packed
 * once instead of twice.
 */
public final class CacheSizes {
    private static final Path L2_SIZE = Path.of("/sys/devices/system/cpu/cpu0/cache/index2/size");
    private static final int L2_BYTES = readL2(L2_SIZE);

    private CacheSizes() {
    }

    /** This machine's L2 per core in bytes (512 KiB when unknown). */
    public static int l2Bytes() {
        return L2_BYTES;
    }

    /** KiB of B one block of a product may span: half of L2, clamped to 256..512 KiB. */
    public static int productBlockKiB() {
        return Math.max(256, Math.min(512, L2_BYTES / 2048));
    }

    /** Parses a sysfs cache size ("1024K", "2M", "524288"), or returns 512 KiB when it cannot. */
    static int readL2(Path file) {
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > 64) {
                return 512 * 1024;
            }
            return parse(Files.readString(file));
        } catch (IOException | RuntimeException e) {
            return 512 * 1024;
        }
    }

    static int parse(String text) {
        String s = text.trim().toUpperCase(Locale.ROOT);
        int scale = 1;
        if (s.endsWith("K")) {
            scale = 1024;
            s = s.substring(0, s.length() - 1);
        } else if (s.endsWith("M")) {
            scale = 1024 * 1024;
            s = s.substring(0, s.length() - 1);
        }
        long bytes = Long.parseLong(s) * scale;
        if (bytes < 64 * 1024 || bytes > 64L * 1024 * 1024) {
            return 512 * 1024;
        }
        return (int) bytes;
    }
}
