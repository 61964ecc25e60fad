package org.lstmlab.ui.help;

import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What a link in a user guide becomes in Help ▸ User Guide ({@link MarkdownView}), decided without a toolkit: a
 * heading of the same page, or a page the window can show, opens there; a web address (http or https) opens in the
 * system's browser ({@link Browser}); anything else (a file of the repository the app does not hold, another kind of
 * address) is words with its place beside them, since a click could open nothing.
 *
 * @param kind   what a click does
 * @param words  the link's words, without code quotes
 * @param target the heading's anchor ({@link Kind#HEADING}), the page's class-path path with any {@code #heading}
 *               ({@link Kind#PAGE}), the web address ({@link Kind#WEB}), the place named ({@link Kind#PLACE}), or
 *               empty ({@link Kind#WORDS})
 */
record GuideLink(Kind kind, String words, String target) {
    /** What a click on a link does. */
    enum Kind {
        /** Scrolls this page to one of its headings. */
        HEADING,
        /** Shows another page in the window. */
        PAGE,
        /** Opens the address in the system's browser. */
        WEB,
        /** Nothing: the link's place is written beside its words (or instead, when they name it). */
        PLACE,
        /** Nothing: a heading this page does not have; only the words show. */
        WORDS
    }

    /**
     * The link {@code [words](target)} of the page in the class-path folder {@code base}, whose headings have the
     * {@code anchors}; {@code opens} says whether the window shows the page at a class-path path.
     */
    static GuideLink of(String words, String target, String base, Set<String> anchors, Predicate<String> opens) {
        String shown = words.replace("`", "");
        if (web(target)) {
            return new GuideLink(Kind.WEB, shown, target);
        }
        int hash = target.indexOf('#');
        String file = hash < 0 ? target : target.substring(0, hash);
        if (file.isEmpty()) {
            String anchor = target.substring(1);
            return anchors.contains(anchor) ? new GuideLink(Kind.HEADING, shown, anchor)
                    : new GuideLink(Kind.WORDS, shown, "");
        }
        if (target.contains("://")) {
            return new GuideLink(Kind.PLACE, shown, target);
        }
        String path = URI.create(base).resolve(file).normalize().toString();
        if (file.endsWith(".md") && opens.test(path)) {
            return new GuideLink(Kind.PAGE, shown, path + (hash < 0 ? "" : target.substring(hash)));
        }
        return new GuideLink(Kind.PLACE, shown, path.replaceFirst("^/org/lstmlab/", ""));
    }

    /** Whether the target is a web address the browser can open: http or https, with a host. */
    static boolean web(String target) {
        String lower = target.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
            return false;
        }
        try {
            return URI.create(target).getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Whether the words are the place's own name (its file name or the whole of it): then the place alone shows. */
    boolean wordsNameThePlace() {
        return target.equals(words) || target.endsWith("/" + words);
    }
}
