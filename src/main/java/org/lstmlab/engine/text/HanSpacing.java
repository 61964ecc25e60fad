package org.lstmlab.engine.text;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chinese templates put a space on each side of a name they cannot know, as Chinese text sets a Latin word apart
 * ({@code 用 {0} 的滑动窗口}: "用 temp 的滑动窗口"); a Chinese name there (a CSV column 收盘价) then stood apart
 * too ("用 收盘价 的滑动窗口"), which reads wrong. This drops such a space where the template's Chinese character
 * meets the argument's: before a simple placeholder {@code {n}} whose text starts with a Chinese character, after
 * one whose text ends with one (a name, or a file's path). Other languages, and placeholders with a format
 * ({@code {0,choice,…}}), keep the template as it is.
 */
public final class HanSpacing {
    private static final String HAN = "[\\p{IsHan}\\u3000-\\u303F\\uFF01-\\uFF0F\\uFF1A-\\uFF20\\u201C\\u201D]";
    private static final Pattern BEFORE = Pattern.compile("(?<=" + HAN + ") \\{(\\d+)}");
    private static final Pattern AFTER = Pattern.compile("\\{(\\d+)} (?=" + HAN + ")");

    private HanSpacing() {
    }

    /** {@code pattern} without the spaces that would stand between two Chinese characters once filled in. */
    public static String tidy(String pattern, Locale locale, Object[] args) {
        if (!"zh".equals(locale.getLanguage()) || pattern.indexOf('{') < 0) {
            return pattern;
        }
        return drop(drop(pattern, BEFORE, args, true), AFTER, args, false);
    }

    private static String drop(String pattern, Pattern where, Object[] args, boolean before) {
        Matcher m = where.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int n = Integer.parseInt(m.group(1));
            Object a = n < args.length ? args[n] : null;   // a name, a file's Path: what MessageFormat writes whole
            String text = a == null || a instanceof Number || a instanceof java.util.Date ? "" : a.toString();
            boolean han = !text.isEmpty() && isHan(before ? text.codePointAt(0) : text.codePointBefore(text.length()));
            m.appendReplacement(out, Matcher.quoteReplacement(han ? "{" + n + "}" : m.group()));
        }
        return m.appendTail(out).toString();
    }

    private static boolean isHan(int c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }
}
