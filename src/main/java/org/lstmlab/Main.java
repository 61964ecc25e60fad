package org.lstmlab;

import org.lstmlab.cli.LstmLabCommand;
import org.lstmlab.engine.math.JitOptions;
import org.lstmlab.ui.LstmLabApp;

/**
 * Entry point of {@code lstm-lab.jar}. With no arguments it opens the desktop app; with a sub-command it runs
 * the command line, which needs no display.
 *
 * <p>Every command runs in this one process: killing it (Ctrl+C, SIGTERM, SIGKILL) stops all of its work. The
 * Vector API kernels are used when Java was started with {@code --add-modules jdk.incubator.vector} (the
 * {@code bin/lstm-lab} script, the app image's launcher from {@code mvn -Papp package}, {@code mvn javafx:run} and
 * the tests do that); otherwise the plain kernels run. Nothing starts a second JVM.
 *
 * <p>This class deliberately does not extend {@code javafx.application.Application}: the Java launcher refuses
 * such a main class when JavaFX is on the class path, as it is in the shaded jar.
 */
public final class Main {
    private Main() {
    }

    /** Options the desktop app takes, as {@code --name=value}: the rest of the arguments go to the command line. */
    private static final java.util.List<String> APP_OPTIONS = java.util.List.of("--screenshot=", "--tab=", "--lang=",
            "--size=", "--zoom=", "--welcome");

    /** The commands that train, after which a missing JIT option is worth a line on stderr. */
    private static final java.util.Set<String> TRAINING_COMMANDS = java.util.Set.of("train", "bench", "compare");

    public static void main(String[] args) {
        if (isAppLaunch(args)) {
            // off the start-up path: reading the JVM's flag loads its management beans (about 15 ms)
            Thread hint = new Thread(Main::printJitHint, "lstmlab-jit-hint");
            hint.setDaemon(true);
            hint.start();
        } else if (args.length > 0 && TRAINING_COMMANDS.contains(args[0])) {
            printJitHint();
        }
        if (isAppLaunch(args)) {
            LstmLabApp.launchApp(args);
        } else {
            System.exit(LstmLabCommand.run(args));
        }
    }

    private static void printJitHint() {
        JitOptions.missingHint().ifPresent(System.err::println);
    }

    static boolean isAppLaunch(String[] args) {
        for (String a : args) {
            if (APP_OPTIONS.stream().noneMatch(a::startsWith)) {
                return false;
            }
        }
        return true;
    }
}
