package org.lstmlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Started with LANG=C, or LANG=zh_CN.UTF-8 on a machine without that locale, Java names files in ASCII and reads a
 * Chinese file name as replacement characters: the refusal says why and what to do, not only "Malformed input".
 */
class PathEncodingHintTest {
    @Test
    void aNameTheFileNameEncodingCannotHoldGetsTheLocaleHint() {
        String hint = LstmLabCommand.encodingHint("\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD.csv", "ANSI_X3.4-1968");
        assertTrue(hint.startsWith("; this Java names files in US-ASCII, which cannot hold every character"), hint);
        assertTrue(hint.contains("LANG=C.UTF-8"), hint);
        assertTrue(LstmLabCommand.encodingHint("数据.csv", "ANSI_X3.4-1968").contains("UTF-8 locale"));
    }

    @Test
    void otherwiseNoHint() {
        assertEquals("", LstmLabCommand.encodingHint("数据.csv", "UTF-8"));
        assertEquals("", LstmLabCommand.encodingHint("a\u0000b", "UTF-8"), "a NUL is refused for itself");
        assertEquals("", LstmLabCommand.encodingHint("x.csv", "no-such-charset"));
    }
}
