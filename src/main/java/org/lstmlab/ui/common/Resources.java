package org.lstmlab.ui.common;

import java.net.URL;

/** Finds the UI's FXML and CSS under {@code resources/org/lstmlab/ui}, failing early with the missing name. */
public final class Resources {
    private Resources() {
    }

    public static URL url(String relativeName) {
        URL url = Resources.class.getResource("/org/lstmlab/ui/" + relativeName);
        if (url == null) {
            throw new IllegalStateException("Resource not found: org/lstmlab/ui/" + relativeName);
        }
        return url;
    }
}
