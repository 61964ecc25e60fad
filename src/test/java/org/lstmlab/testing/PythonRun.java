package org.lstmlab.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs /usr/bin/python3 (with numpy, h5py and torch from Debian) for the reference checks of the tests. Without
 * python3 or a module the test fails, naming what is missing: the README lists them as test requirements.
 */
public final class PythonRun {
    private PythonRun() {
    }

    /** Runs the command, waits for it, asserts exit code 0 and returns stdout and stderr. */
    public static String run(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "python did not finish: " + cmd);
        assertEquals(0, p.exitValue(), out);
        return out;
    }
}
