package org.lstmlab;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The app's version, as Maven wrote it into {@code org/lstmlab/version.properties}. */
public final class Version {
    private static final String VERSION = read();

    private Version() {
    }

    /** For example {@code 0.1.0-SNAPSHOT}; {@code unknown} when run from sources that Maven did not copy. */
    public static String get() {
        return VERSION;
    }

    private static String read() {
        try (InputStream in = Version.class.getResourceAsStream("/org/lstmlab/version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "unknown");
            return v.startsWith("${") ? "unknown" : v;
        } catch (IOException e) {
            return "unknown";
        }
    }
}
