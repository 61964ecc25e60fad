package org.lstmlab.engine.io;

/** The application's version, written into every model file it saves and shown by {@code lstm-lab --version}. */
public final class AppVersion {
    /** Keep equal to the pom's version without {@code -SNAPSHOT}. */
    public static final String VERSION = "0.1.0";

    private AppVersion() {
    }
}
