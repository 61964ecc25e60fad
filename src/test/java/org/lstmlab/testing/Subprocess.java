package org.lstmlab.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;


/**
 * A JVM started the way a user starts LSTM Lab's command line ({@code java -cp ... org.lstmlab.Main ...}), marked
 * with a unique system property so that any process it might leave behind can be found, its output collected
 * line by line.
 */
public final class Subprocess {
    public final Process process;
    public final String marker = "-Dlstmlab.test.marker=" + UUID.randomUUID();
    private final List<String> out = new ArrayList<>();
    private final List<String> err = new ArrayList<>();

    /** Starts {@code mainClass} with {@code jvmOptions} (e.g. none: no Vector API module) and {@code args}. */
    public Subprocess(Path workDir, List<String> jvmOptions, String mainClass, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        if (interruptIgnored()) {
            // Started with SIGINT ignored (by nohup, or as a background job of a script), this JVM would pass that
            // on, and the child's JVM would then honour it and never see Ctrl+C. A user's terminal does not ignore
            // it: restore the default before the JVM starts (exec keeps the process, so it is still one process).
            cmd.addAll(List.of("/usr/bin/python3", "-c", "import os, signal, sys; "
                    + "signal.signal(signal.SIGINT, signal.SIG_DFL); os.execv(sys.argv[1], sys.argv[1:])"));
        }
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-XX:-UsePerfData");
        cmd.add("-Xmx512m");
        cmd.add(marker);
        cmd.addAll(jvmOptions);
        cmd.add(mainClass);
        cmd.addAll(List.of(args));
        // The class path goes in the environment, not on the command line: with it, the command line passes
        // 4 kB, and Java's ProcessHandle then reports no arguments, so marked() would find nothing.
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile());
        pb.environment().put("CLASSPATH", System.getProperty("java.class.path"));
        process = pb.start();
        collect(process.getInputStream(), out, "stdout");
        collect(process.getErrorStream(), err, "stderr");
    }

    /** Whether this process ignores SIGINT (Linux: bit 2 of SigIgn in /proc/self/status), as its children would. */
    static boolean interruptIgnored() {
        try {
            for (String line : java.nio.file.Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("SigIgn:")) {
                    return (Long.parseUnsignedLong(line.substring(7).trim(), 16) & (1L << 1)) != 0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux: assume the default disposition
        }
        return false;
    }

    private static void collect(java.io.InputStream in, List<String> lines, String name) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    synchronized (lines) {
                        lines.add(line);
                    }
                }
            } catch (IOException ignored) {
                // the process has gone
            }
        }, "subprocess-" + name);
        t.setDaemon(true);
        t.start();
    }

    public String out() {
        synchronized (out) {
            return String.join("\n", out);
        }
    }

    public String err() {
        synchronized (err) {
            return String.join("\n", err);
        }
    }

    /** Waits until stdout has a line containing {@code text}. */
    public void awaitOut(String text) {
        Await.until("the subprocess to print '" + text + "'", () -> out().contains(text) || !process.isAlive(),
                () -> "stdout: " + out() + "\nstderr: " + err());
        if (!out().contains(text)) {
            throw new AssertionError("the subprocess ended before printing '" + text + "': " + out() + "\n" + err());
        }
    }

    /** Waits for the exit and returns the exit code. */
    public int waitFor() throws InterruptedException {
        if (!process.waitFor(Await.LIMIT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the subprocess did not end: " + out() + "\n" + err());
        }
        return process.exitValue();
    }

    /** Sends a signal by name (TERM, INT, KILL) with the system's kill command. */
    public void signal(String name) throws IOException, InterruptedException {
        Process k = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
        if (k.waitFor() != 0) {
            throw new AssertionError("kill -" + name + " failed");
        }
    }

    /** Every live process whose command line carries this subprocess's marker. */
    public List<ProcessHandle> marked() {
        return ProcessHandle.allProcesses().filter(h -> h.isAlive() && h.info().arguments()
                .map(a -> List.of(a).contains(marker)).orElse(false)).toList();
    }
}
