package org.lstmlab.engine.io;

/** Between files' batch-first {@code (B, T, W)} and the engine's time-major {@code (T, B, W)}. */
public final class Layout {
    private Layout() {
    }

    public static double[] toTimeMajor(double[] v, int batch, int steps, int width) {
        double[] out = new double[v.length];
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < steps; t++) {
                System.arraycopy(v, (b * steps + t) * width, out, (t * batch + b) * width, width);
            }
        }
        return out;
    }

    public static double[] toBatchFirst(double[] v, int batch, int steps, int width) {
        double[] out = new double[batch * steps * width];
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < steps; t++) {
                System.arraycopy(v, (t * batch + b) * width, out, (b * steps + t) * width, width);
            }
        }
        return out;
    }
}
