package org.lstmlab.engine.io;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The application's version, written into every model file it saves and shown by {@code lstm-lab --version} and
 * Help ▸ About: the pom's version without {@code -SNAPSHOT}, which Maven writes into
 * {@code org/lstmlab/version.properties} when it copies the resources.
 */
public final class AppVersion {
    /** For example {@code 0.1.0}; {@code unknown} when run from sources Maven has not copied. */
    public static final String VERSION = read();

    private AppVersion() {
    }

    private static String read() {
        try (InputStream in = AppVersion.class.getResourceAsStream("/org/lstmlab/version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "unknown");
            return v.startsWith("${") ? "unknown" : v.replace("-SNAPSHOT", "");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
