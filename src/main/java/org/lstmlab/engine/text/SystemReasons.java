package org.lstmlab.engine.text;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The operating system's usual reasons for a failed file operation, which Java passes on as the C library's English
 * text (strerror): "No space left on device". Each known text has a sentence of its own ({@code engine.os.*}),
 * whose English is the text Linux's C library gives, so the command line says what it said before. Texts are
 * matched exactly; where macOS words a reason differently, both wordings are listed. Windows words its reasons in
 * its own language already and is left alone.
 */
final class SystemReasons {
    /** The texts, by exact wording, and the keys of their sentences. */
    private static final Map<String, String> KEYS = new LinkedHashMap<>();
    /** What may follow a reason as its details: "No space left on device: …", "… (…)". */
    private static final List<String> DETAIL_SEPARATORS = List.of(": ", " (", "; ", ", ");
    private static final Pattern LATIN_WORD = Pattern.compile("\\p{IsLatin}");

    static {
        KEYS.put("No space left on device", "engine.os.noSpace");
        KEYS.put("Read-only file system", "engine.os.readOnly");
        KEYS.put("Is a directory", "engine.os.isFolder");
        KEYS.put("File name too long", "engine.os.nameTooLong");
        KEYS.put("Disk quota exceeded", "engine.os.quota");
        KEYS.put("Disc quota exceeded", "engine.os.quota"); // macOS
        KEYS.put("Too many open files", "engine.os.tooManyOpen");
        KEYS.put("Too many open files in system", "engine.os.tooManyOpenInSystem");
        KEYS.put("File exists", "engine.os.exists");
        KEYS.put("Input/output error", "engine.os.io");
        KEYS.put("Device or resource busy", "engine.os.busy");
        KEYS.put("Resource busy", "engine.os.busy"); // macOS
        KEYS.put("File too large", "engine.os.tooLarge");
        KEYS.put("Operation not permitted", "engine.os.notPermitted");
        KEYS.put("Too many levels of symbolic links", "engine.os.linkLoop");
        KEYS.put("No such file or directory", "engine.os.noEntry");
        KEYS.put("Permission denied", "engine.os.denied");
        KEYS.put("Not a directory", "engine.os.notFolder");
        KEYS.put("Directory not empty", "engine.os.folderNotEmpty");
        KEYS.put("Stale file handle", "engine.os.stale");
        KEYS.put("Stale NFS file handle", "engine.os.stale"); // macOS and older Linux
    }

    private SystemReasons() {
    }

    /**
     * The sentence for {@code text} as Java passes it on: the reason alone ("Is a directory"), the reason followed
     * by details ("No space left on device: …": the English keeps them as they are; another language keeps them
     * only when they are paths and numbers), or a file's name with the reason in parentheses
     * ("/tmp (Is a directory)", as {@link java.io.FileNotFoundException} says it); null for any other text.
     */
    static Message parse(String text) {
        if (text == null) {
            return null;
        }
        String key = KEYS.get(text);
        if (key != null) {
            return Message.of(key);
        }
        for (Map.Entry<String, String> k : KEYS.entrySet()) {
            String reason = k.getKey();
            if (text.endsWith(" (" + reason + ")") && text.length() > reason.length() + 3) {
                String file = text.substring(0, text.length() - reason.length() - 3);
                return Message.of("engine.file.namedParen", file, Message.of(k.getValue()));
            }
        }
        String longest = null;
        for (String reason : KEYS.keySet()) {
            if (text.startsWith(reason) && (longest == null || reason.length() > longest.length())
                    && DETAIL_SEPARATORS.stream().anyMatch(s -> text.startsWith(s, reason.length()))) {
                longest = reason;
            }
        }
        if (longest == null) {
            return null;
        }
        String details = text.substring(longest.length());
        return Message.of(inEnglish(details) ? "engine.file.reasonEnglishDetail" : "engine.file.reasonDetail",
                Message.of(KEYS.get(longest)), details);
    }

    /**
     * Whether details after a reason say something in words ("wrote 4096 of 65536 bytes", "(sector 7)"), which only
     * the English repeats: a word of Latin letters outside the paths the details name (a path holds a / or a \).
     * Details that are only paths and numbers are the same in every language and are kept.
     */
    private static boolean inEnglish(String details) {
        for (String part : details.split("\\s+")) {
            if (part.indexOf('/') < 0 && part.indexOf('\\') < 0 && LATIN_WORD.matcher(part).find()) {
                return true;
            }
        }
        return false;
    }
}
