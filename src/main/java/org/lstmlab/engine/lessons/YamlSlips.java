package org.lstmlab.engine.lessons;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.lstmlab.engine.text.Message;

/**
 * The slips of a teacher's editor behind a YAML syntax error, said plainly instead of in the parser's words: a tab,
 * and the full-width colon, comma and space a Chinese input method types where YAML needs ASCII ones.
 */
final class YamlSlips {
    private static final Pattern COLON = Pattern.compile("(?:^\\s*(?:-\\s+)?|[{,，]\\s*)([A-Za-z][\\w-]*)：");
    private static final Pattern COMMA = Pattern.compile("，\\s*[A-Za-z][\\w-]*\\s*[:：]");
    private static final Pattern SPACE = Pattern.compile("^[ ]*\u3000");

    /** A slip and the line it is on (counted from 1). */
    record Slip(int line, Message why) {
    }

    private YamlSlips() {
    }

    /**
     * The slip on the line the parser stopped at ({@code line}, from 1) or on one of the two before it (the parser
     * often notices a missing ':' on the next line), or null.
     */
    static Slip near(String text, int line) {
        String[] lines = text.split("\n", -1);
        for (int k = line; k >= Math.max(1, line - 2) && k <= lines.length; k--) {
            Message m = on(lines[k - 1], k == line);
            if (m != null) {
                return new Slip(k, m);
            }
        }
        return null;
    }

    private static Message on(String s, boolean stoppedHere) {
        int tab = s.indexOf('\t');
        if (tab >= 0 && stoppedHere) {
            return Message.of("engine.lesson.tab", Integer.toString(tab + 1));
        }
        Matcher m = SPACE.matcher(s);
        if (m.find()) {
            return Message.of("engine.lesson.fullWidthSpace", Integer.toString(m.end()));
        }
        m = COLON.matcher(s);
        if (m.find()) {
            return Message.of("engine.lesson.fullWidthColon", m.group(1), Integer.toString(m.end()));
        }
        m = COMMA.matcher(s);
        if (m.find()) {
            return Message.of("engine.lesson.fullWidthComma", Integer.toString(m.start() + 1));
        }
        return null;
    }
}
