package org.lstmlab.cli;

import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line: {@code forward}, {@code gradcheck}, {@code train}, {@code compare}, {@code bench}. Every failure
 * the user can cause ends as one line on stderr and exit code 2, never a stack trace.
 */
@Command(name = "lstm-lab", mixinStandardHelpOptions = true, versionProvider = LstmLabCommand.VersionText.class,
        description = "LSTM Lab from the command line. With no sub-command the desktop app opens.",
        subcommands = {ForwardCommand.class, GradcheckCommand.class, TrainCommand.class, CompareCommand.class,
                BenchCommand.class, LessonsCommand.class, PredictCommand.class, ExportCommand.class,
                TraceCommand.class})
public final class LstmLabCommand implements Callable<Integer> {

    /** {@code --version}: the app's version, the Java it runs on and the matrix kernels in use. */
    static final class VersionText implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"LSTM Lab " + org.lstmlab.engine.io.AppVersion.VERSION,
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + "), kernels: "
                        + org.lstmlab.engine.math.Gemm.kernelName()};
        }
    }

    /** Exit code for bad input: unknown options, unreadable or malformed files. */
    public static final int EXIT_USAGE = 2;

    @Override
    public Integer call() {
        new CommandLine(this).usage(System.out);
        return 0;
    }

    /** Builds the picocli command tree with the project's error handling. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new LstmLabCommand());
        cl.setOut(out);
        cl.setErr(err);
        cl.registerConverter(Path.class, LstmLabCommand::path);
        cl.setParameterExceptionHandler((ex, args) -> {
            ex.getCommandLine().getErr().println("lstm-lab: " + ex.getMessage()
                    + " (see 'lstm-lab " + commandPath(ex.getCommandLine()) + "--help')");
            return EXIT_USAGE;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("lstm-lab: " + CliErrors.describe(ex));
            CliErrors.details(ex).forEach(line -> commandLine.getErr().println("lstm-lab: " + line));
            return CliErrors.exitCode(ex);
        });
        return cl;
    }

    /** A file option's value: an empty text or one the file system cannot name is refused, naming the option. */
    private static Path path(String text) {
        if (text.isEmpty()) {
            throw new CommandLine.TypeConversionException("an empty path names no file");
        }
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new CommandLine.TypeConversionException("'" + text + "' is not a valid path (" + e.getReason()
                    + ")" + encodingHint(text, System.getProperty("sun.jnu.encoding", "")));
        }
    }

    /**
     * What to do about a name that Java's file-name encoding {@code jnu} cannot hold: started in a locale that is not
     * UTF-8 (LANG=C, or a locale that is not installed), Java reads a Chinese file name as replacement characters.
     * Empty when the encoding is not the reason.
     */
    static String encodingHint(String text, String jnu) {
        java.nio.charset.Charset cs;
        try {
            cs = java.nio.charset.Charset.forName(jnu);
        } catch (IllegalArgumentException e) {
            return "";
        }
        if (cs.newEncoder().canEncode(text) && text.indexOf('\uFFFD') < 0) {
            return "";
        }
        return "; this Java names files in " + cs.name() + ", which cannot hold every character of the name: start "
                + "it in a UTF-8 locale, e.g. LANG=C.UTF-8 or LANG=zh_CN.UTF-8 (a locale that 'locale -a' lists)";
    }

    private static String commandPath(CommandLine cl) {
        StringBuilder sb = new StringBuilder();
        for (CommandLine c = cl; c.getParent() != null; c = c.getParent()) {
            sb.insert(0, c.getCommandName() + " ");
        }
        return sb.toString();
    }

    /**
     * Runs the command line and returns the exit code. Even an error the program did not expect (out of memory,
     * a bug) ends as one line on stderr, with exit code 1.
     */
    public static int run(String... args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        try {
            return commandLine(out, err).execute(args);
        } catch (OutOfMemoryError e) {
            err.println("lstm-lab: out of memory (" + e.getMessage() + "); a size was not checked against the "
                    + "memory limit: please report it");
            return 1;
        } catch (RuntimeException | Error e) {
            err.println("lstm-lab: internal error: " + CliErrors.describe(e));
            return 1;
        }
    }
}
