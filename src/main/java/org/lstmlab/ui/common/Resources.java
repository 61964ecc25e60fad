package org.lstmlab.ui.common;

import java.net.URL;

/** Finds the UI's FXML and CSS under {@code resources/org/lstmlab/ui}, failing early with the missing name. */
public final class Resources {
    private Resources() {
    }

    /**
     * Gives a window of the app the theme (the gate colours) and the font that shows the language of {@code i18n}
     * (see {@link Fonts}).
     */
    public static javafx.scene.Scene themed(javafx.scene.Scene scene, java.util.ResourceBundle i18n) {
        String theme = url("theme.css").toExternalForm();
        if (!scene.getStylesheets().contains(theme)) {
            scene.getStylesheets().add(0, theme);
        }
        Fonts.apply(scene.getRoot(), i18n.getLocale());
        return scene;
    }

    public static URL url(String relativeName) {
        URL url = Resources.class.getResource("/org/lstmlab/ui/" + relativeName);
        if (url == null) {
            throw new IllegalStateException("Resource not found: org/lstmlab/ui/" + relativeName);
        }
        return url;
    }
}
