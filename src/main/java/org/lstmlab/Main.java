package org.lstmlab;

import org.lstmlab.cli.LstmLabCommand;
import org.lstmlab.ui.LstmLabApp;

/**
 * Entry point of {@code lstm-lab.jar}. With no arguments it opens the desktop app; with a sub-command it runs
 * the command line, which needs no display.
 *
 * <p>This class deliberately does not extend {@code javafx.application.Application}: the Java launcher refuses
 * such a main class when JavaFX is on the class path, as it is in the shaded jar.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            LstmLabApp.launchApp(args);
        } else {
            System.exit(LstmLabCommand.run(args));
        }
    }
}
