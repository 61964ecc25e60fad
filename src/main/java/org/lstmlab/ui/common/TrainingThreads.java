package org.lstmlab.ui.common;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** The one place the UI's training code makes threads: named daemon threads, so closing the window ends them. */
public final class TrainingThreads {
    private static final AtomicInteger COUNT = new AtomicInteger();
    /** Saving and loading files, one at a time, off the FX thread. */
    private static final ExecutorService FILES = Executors.newSingleThreadExecutor(r -> daemon(r, "lstmlab-files"));

    private TrainingThreads() {
    }

    /** Starts a daemon thread running {@code body}. */
    public static Thread start(String name, Runnable body) {
        Thread t = daemon(body, name + "-" + COUNT.incrementAndGet());
        t.start();
        return t;
    }

    /** The executor for file work. */
    public static Executor files() {
        return FILES;
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
