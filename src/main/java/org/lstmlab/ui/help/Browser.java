package org.lstmlab.ui.help;

import javafx.application.HostServices;

/**
 * Opens a web address from a user guide ({@link GuideLink.Kind#WEB}) in the system's browser. The app's is
 * {@link #of}; tests give their own, to see what would open without starting a browser.
 */
@FunctionalInterface
public interface Browser {
    /** Opens the address (http or https) in the system's browser. */
    void open(String address);

    /** The system's browser, as the application's host services reach it. */
    static Browser of(HostServices host) {
        return host::showDocument;
    }
}
