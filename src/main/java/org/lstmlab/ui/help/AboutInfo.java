package org.lstmlab.ui.help;

import java.util.List;
import java.util.ResourceBundle;

import org.lstmlab.engine.io.AppVersion;
import org.lstmlab.engine.math.Simd;
import org.lstmlab.engine.math.simd.VectorGemm;
import org.lstmlab.ui.common.I18n;

/** What the About window says about this copy: its version, the Java and JavaFX it runs on, its kernels. */
final class AboutInfo {
    private AboutInfo() {
    }

    /** One line of facts. */
    record Fact(String label, String value) {
    }

    static List<Fact> facts(ResourceBundle i18n) {
        String java = System.getProperty("java.version") + " (" + System.getProperty("java.vendor", "?") + ", "
                + System.getProperty("java.vm.name", "?") + ")";
        String fx = System.getProperty("javafx.runtime.version", System.getProperty("javafx.version", "?"));
        String os = System.getProperty("os.name") + " " + System.getProperty("os.version") + ", "
                + System.getProperty("os.arch") + ", " + Runtime.getRuntime().availableProcessors() + " CPU";
        return List.of(
                new Fact(i18n.getString("about.version"), AppVersion.VERSION),
                new Fact(i18n.getString("about.java"), java),
                new Fact(i18n.getString("about.javafx"), fx),
                new Fact(i18n.getString("about.os"), os),
                new Fact(i18n.getString("about.kernels"), kernels(i18n)));
    }

    /**
     * Which matrix and activation kernels the engine uses in this process, in the app's language: the Vector API
     * with its width, or the plain loops (the engine's own names, such as "vector-api (8 lanes)", are for logs).
     */
    static String kernels(ResourceBundle i18n) {
        // VectorGemm is not touched without the module: its class would not load
        return Simd.enabled() ? kernels(i18n, true, VectorGemm.lanes()) : kernels(i18n, false, 0);
    }

    static String kernels(ResourceBundle i18n, boolean vector, int lanes) {
        return vector ? I18n.format(i18n, "about.kernels.vector", Integer.toString(lanes))
                : i18n.getString("about.kernels.plain");
    }
}
