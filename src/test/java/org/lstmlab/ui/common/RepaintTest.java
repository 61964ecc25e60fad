package org.lstmlab.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Properties;

import org.junit.jupiter.api.Test;

/** The app asks JavaFX for its most dirty regions, unless the user set a count. */
class RepaintTest {
    @Test
    void theAppAsksForFifteenDirtyRegionsAndKeepsTheUsersCount() {
        Properties none = new Properties();
        Repaint.apply(none);
        assertEquals("15", none.getProperty("prism.dirtyregioncount"));
        Properties users = new Properties();
        users.setProperty("prism.dirtyregioncount", "4");
        Repaint.apply(users);
        assertEquals("4", users.getProperty("prism.dirtyregioncount"));
    }
}
