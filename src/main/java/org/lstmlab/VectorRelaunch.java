package org.lstmlab;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.module.ModuleFinder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code java -jar lstm-lab.jar bench} cannot enable the Vector API from the jar's manifest, so for the heavy
 * sub-commands ({@code bench}, {@code train}) the launcher starts the same JVM again with
 * {@code --add-modules jdk.incubator.vector} when this Java has the module and it is not enabled yet. The child's
 * output passes through unchanged, except the JVM's "Using incubator modules" notice. Set
 * {@code -Dlstmlab.simd=false} to run the plain kernels in this process instead.
 */
final class VectorRelaunch {
    static final String MODULE = "jdk.incubator.vector";
    private static final Set<String> HEAVY = Set.of("bench", "train", "compare");
    private static final String NOTICE = "WARNING: Using incubator modules: " + MODULE;

    private VectorRelaunch() {
    }

    /** The child's exit code when the command was run in a relaunched JVM; empty to run it here. */
    static Optional<Integer> runIfUseful(String[] args) {
        if (args.length == 0 || !HEAVY.contains(args[0]) || !wanted()) {
            return Optional.empty();
        }
        Optional<String> javaCommand = ProcessHandle.current().info().command();
        if (javaCommand.isEmpty()) {
            return Optional.empty();
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(javaCommand.get());
        cmd.addAll(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
        cmd.add("--add-modules");
        cmd.add(MODULE);
        cmd.add("-Dlstmlab.relaunched=true");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Main.class.getName());
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.INHERIT)
                    .redirectInput(ProcessBuilder.Redirect.INHERIT).start();
            Thread copier = new Thread(() -> copyStderr(p, System.err), "stderr-copier");
            copier.start();
            int code = p.waitFor();
            copier.join();
            return Optional.of(code);
        } catch (IOException e) {
            return Optional.empty();  // could not start a JVM: run here with the plain kernels
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(130);
        }
    }

    private static boolean wanted() {
        return !"false".equalsIgnoreCase(System.getProperty("lstmlab.simd"))
                && System.getProperty("lstmlab.relaunched") == null
                && ModuleLayer.boot().findModule(MODULE).isEmpty()
                && ModuleFinder.ofSystem().find(MODULE).isPresent();
    }

    private static void copyStderr(Process p, PrintStream err) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(),
                StandardCharsets.UTF_8))) {
            int c;
            StringBuilder line = new StringBuilder();
            while ((c = r.read()) >= 0) {
                line.append((char) c);
                if (c == '\n' || c == '\r') {
                    if (!line.toString().strip().equals(NOTICE)) {
                        err.print(line);
                        err.flush();
                    }
                    line.setLength(0);
                }
            }
            err.print(line);
            err.flush();
        } catch (IOException ignored) {
            // the child has gone; nothing more to copy
        }
    }
}
