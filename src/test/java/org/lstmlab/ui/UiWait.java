package org.lstmlab.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import javafx.application.Platform;
import org.lstmlab.testing.Await;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The shared way UI tests wait: for a condition, read on the FX thread, then for the FX events it caused to be
 * processed. Never a fixed sleep; the only limit is {@link Await}'s long backstop.
 */
public final class UiWait {
    private UiWait() {
    }

    /** Waits until {@code condition}, evaluated on the FX thread, is true, then lets pending FX events run. */
    public static void until(String what, Callable<Boolean> condition) {
        until(what, condition, () -> "");
    }

    /** As {@link #until(String, Callable)}; {@code lastSeen} (read on the FX thread) goes into a failure. */
    public static void until(String what, Callable<Boolean> condition, Supplier<String> lastSeen) {
        Await.until(what, () -> Boolean.TRUE.equals(onFx(condition)), () -> String.valueOf(onFx(lastSeen::get)));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The value of {@code c} computed on the FX thread (directly when already on it). */
    public static <T> T onFx(Callable<T> c) {
        if (Platform.isFxApplicationThread()) {
            try {
                return c.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(c.call());
            } catch (Exception | Error e) {
                f.completeExceptionally(e);
            }
        });
        try {
            return f.get(Await.LIMIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("the FX thread did not answer within " + Await.LIMIT_SECONDS + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }
}
