package org.lstmlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CommandLineErrorsTest {
    @Test
    void unknownSubCommandIsOneLineAndExitTwo() {
        CliTestSupport.Result r = CliTestSupport.run("frobnicate");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("frobnicate"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void unknownOptionIsOneLineAndExitTwo() {
        CliTestSupport.Result r = CliTestSupport.run("--no-such-option");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--no-such-option"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }
}
