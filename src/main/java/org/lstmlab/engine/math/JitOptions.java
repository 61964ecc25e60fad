package org.lstmlab.engine.math;

import java.lang.management.ManagementFactory;
import java.util.Optional;

import com.sun.management.HotSpotDiagnosticMXBean;

/**
 * Whether this JVM runs with the option the vector kernels need on JDK 17 to 24: {@code -XX:PerMethodTrapLimit=100000}.
 * Without it, about one start in five compiles the kernels' tiles without their vector stores and trains 2 to 10
 * times slower (docs/training.md, "When training is much slower than usual"). Every launcher the project ships sets
 * it; a plain {@code java -jar} does not, so the command line and the app print a one-line hint then.
 */
public final class JitOptions {
    /** The value every launcher passes. */
    public static final long TRAP_LIMIT = 100_000;
    /** The first JDK on which the slow compilations were not seen (Temurin 25). */
    static final int FIXED_IN = 25;

    private JitOptions() {
    }

    /** The hint for this JVM, or empty when the option is set, the vector kernels are off or the JDK is 25 or later. */
    public static Optional<String> missingHint() {
        int feature = Runtime.version().feature();
        if (!Simd.enabled() || feature >= FIXED_IN) {
            return Optional.empty();  // without asking the JVM for the flag: that loads its management beans
        }
        return hintFor(true, trapLimit(), feature);
    }

    /** The hint for a JVM with these facts; {@code limit} is −1 when the JVM does not report the flag. */
    public static Optional<String> hintFor(boolean vectorKernels, long limit, int javaFeature) {
        if (!vectorKernels || limit < 0 || limit >= TRAP_LIMIT || javaFeature >= FIXED_IN) {
            return Optional.empty();
        }
        return Optional.of("note: Java " + javaFeature + " runs without -XX:PerMethodTrapLimit=" + TRAP_LIMIT
                + " (it is " + limit + "); about one start in five may then train 2 to 10 times slower. bin/lstm-lab,"
                + " mvn javafx:run and the app image set it; with java -jar, add it before -jar.");
    }

    /** This JVM's PerMethodTrapLimit, or −1 when it cannot be read (not a HotSpot JVM). */
    static long trapLimit() {
        try {
            HotSpotDiagnosticMXBean bean = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            return bean == null ? -1 : Long.parseLong(bean.getVMOption("PerMethodTrapLimit").getValue());
        } catch (RuntimeException | LinkageError e) {
            return -1;
        }
    }
}
