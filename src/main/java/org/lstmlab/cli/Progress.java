package org.lstmlab.cli;

import java.io.PrintWriter;
import java.util.Locale;

/** A one-line progress bar on stderr, redrawn at most ten times a second; silent when stderr is not a terminal. */
final class Progress {
    private static final int WIDTH = 30;
    private final PrintWriter err;
    private final boolean interactive;
    private long lastDraw;

    Progress(PrintWriter err) {
        this.err = err;
        this.interactive = System.console() != null;
    }

    void update(int epoch, int epochs, int batch, int batches, double loss) {
        long now = System.nanoTime();
        if (!interactive || batch < batches && now - lastDraw < 100_000_000L) {
            return;
        }
        lastDraw = now;
        int filled = (int) ((long) WIDTH * batch / batches);
        String bar = "=".repeat(Math.max(0, filled - 1)) + (filled > 0 ? ">" : "") + " ".repeat(WIDTH - filled);
        err.printf(Locale.ROOT, "\repoch %d/%d %4d/%d [%s] loss %.4f", epoch, epochs, batch, batches, bar, loss);
        err.flush();
    }

    void clear() {
        if (interactive) {
            err.print("\r" + " ".repeat(WIDTH + 50) + "\r");
            err.flush();
        }
    }
}
