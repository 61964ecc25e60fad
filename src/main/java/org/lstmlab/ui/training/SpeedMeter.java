package org.lstmlab.ui.training;

/**
 * Samples per second over recent steps (an exponential average of step times), and the time left. Only training
 * steps are timed, so a pause never counts as slowness.
 */
final class SpeedMeter {
    private static final double ALPHA = 0.05;
    private double nanosPerSample = Double.NaN;
    private int lastSamples = 1;

    void record(int samples, long nanos) {
        if (samples <= 0 || nanos <= 0) {
            return;
        }
        double per = (double) nanos / samples;
        nanosPerSample = Double.isNaN(nanosPerSample) ? per : (1 - ALPHA) * nanosPerSample + ALPHA * per;
        lastSamples = samples;
    }

    double samplesPerSecond() {
        return Double.isNaN(nanosPerSample) ? 0 : 1e9 / nanosPerSample;
    }

    double secondsFor(long steps) {
        return Double.isNaN(nanosPerSample) ? Double.NaN : steps * lastSamples * nanosPerSample / 1e9;
    }
}
