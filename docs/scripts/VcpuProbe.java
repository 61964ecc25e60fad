/*
 * Are this machine's two CPUs as fast together as each one alone? Run with `java docs/scripts/VcpuProbe.java
 * [windows]` (JDK 11 or later runs a single source file; default 150 windows, about 8 seconds).
 *
 * A window times a fixed amount of scalar FMA work (twelve independent chains: the core's FMA throughput, no
 * memory, nothing shared between threads) twice on one thread alone, then once on each of two threads at the same
 * time. It prints, for the two threads, their time over the faster of the one-thread times: 1.00 means that CPU was
 * as fast with both busy. On a VM a value of 1.2 for a stretch of windows means that CPU was slower for that stretch
 * (another guest on its core's second hardware thread, or a lower clock), and 2.0 on both means the two threads
 * shared one core. Nothing in LSTM Lab can make up for that; it is why two-thread benchmarks there vary between runs.
 */
public final class VcpuProbe {
    private static final long WORK = 10_000_000L;

    public static void main(String[] args) throws InterruptedException {
        int windows = args.length > 0 ? Integer.parseInt(args[0]) : 150;
        double sink = 0;
        for (int i = 0; i < 5; i++) {
            sink += fmaChains(WORK);  // compiled before the first window
        }
        long origin = System.nanoTime();
        int slow = 0;
        for (int w = 0; w < windows; w++) {
            long t0 = System.nanoTime();
            sink += fmaChains(WORK);
            long t1 = System.nanoTime();
            sink += fmaChains(WORK);
            long alone = Math.min(t1 - t0, System.nanoTime() - t1);
            long[] other = new long[1];
            Thread helper = new Thread(() -> {
                long s = System.nanoTime();
                fmaChains(WORK);
                other[0] = System.nanoTime() - s;
            });
            helper.start();
            long s = System.nanoTime();
            sink += fmaChains(WORK);
            long mine = System.nanoTime() - s;
            helper.join();
            double a = (double) mine / alone;
            double b = (double) other[0] / alone;
            if (Math.max(a, b) > 1.1) {
                slow++;
            }
            System.out.printf("%6.2f s   alone %6.2f ms   together: %.2f  %.2f%n",
                    (t0 - origin) / 1e9, alone / 1e6, a, b);
        }
        System.out.printf("%d of %d windows had a CPU more than 10 %% slower with both busy (checksum %.3f)%n",
                slow, windows, sink);
    }

    /** Twelve independent multiply-add chains, n rounds: bound by FMA throughput, not latency. */
    static double fmaChains(long n) {
        double a0 = 1, a1 = 1, a2 = 1, a3 = 1, a4 = 1, a5 = 1, a6 = 1, a7 = 1, a8 = 1, a9 = 1, a10 = 1, a11 = 1;
        double m = 0.9999999;
        double c = 1e-9;
        for (long i = 0; i < n; i++) {
            a0 = Math.fma(a0, m, c);
            a1 = Math.fma(a1, m, c);
            a2 = Math.fma(a2, m, c);
            a3 = Math.fma(a3, m, c);
            a4 = Math.fma(a4, m, c);
            a5 = Math.fma(a5, m, c);
            a6 = Math.fma(a6, m, c);
            a7 = Math.fma(a7, m, c);
            a8 = Math.fma(a8, m, c);
            a9 = Math.fma(a9, m, c);
            a10 = Math.fma(a10, m, c);
            a11 = Math.fma(a11, m, c);
        }
        return a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9 + a10 + a11;
    }
}
