package org.lstmlab.testing;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waiting for a condition in a test, never for a fixed time. The limit is only a backstop against a hang: it is
 * long (120 s, or {@code -Dlstmlab.test.waitSeconds=N}) so that a loaded machine never fails a test that would
 * pass on a quiet one, and a failure says what was awaited and what was last seen.
 */
public final class Await {
    /** Seconds before a wait gives up. */
    public static final long LIMIT_SECONDS = Long.getLong("lstmlab.test.waitSeconds", 120);

    private Await() {
    }

    /** Polls {@code condition} until it holds; fails naming {@code what} after {@link #LIMIT_SECONDS}. */
    public static void until(String what, BooleanSupplier condition) {
        until(what, condition, () -> "");
    }

    /**
     * Polls {@code condition} until it holds; a failure message includes {@code lastSeen}, e.g. the text of the
     * label that never showed the expected value.
     */
    public static void until(String what, BooleanSupplier condition, Supplier<String> lastSeen) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(LIMIT_SECONDS);
        long pause = 1;
        while (true) {
            boolean holds;
            try {
                holds = condition.getAsBoolean();
            } catch (RuntimeException e) {
                holds = false; // a node or value not there yet counts as "not yet"
            }
            if (holds) {
                return;
            }
            if (System.nanoTime() > end) {
                String seen = lastSeen.get();
                throw new AssertionError("waited " + LIMIT_SECONDS + " s for " + what
                        + (seen.isEmpty() ? "" : "; last seen: " + seen));
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
            pause = Math.min(pause * 2, 20);
        }
    }
}
