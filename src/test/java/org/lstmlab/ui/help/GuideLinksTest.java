package org.lstmlab.ui.help;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/**
 * A link in a user guide (en or zh) that Help ▸ User Guide shows as a link opens something: a heading of the same
 * page, another guide, or an English-only page the app holds (formats.md, notation.md). Before, the Chinese
 * guides' links to formats.md and notation.md were Hyperlinks that did nothing, as were the English debugger's
 * links to its measurement notes; those notes are not in the app, so their links are now plain words with the
 * file's place in the repository beside them. A Chinese guide says "（英文）" after a link to an English-only page.
 */
class GuideLinksTest {
    /** The one kind of page a guide may name without the app holding it: the developers' measurement notes. */
    private static final String NOTES = "/org/lstmlab/docs/notes/";

    @Test
    void everyLinkToAPageOrHeadingOpensIt() {
        List<String> problems = new ArrayList<>();
        Set<String> plain = new TreeSet<>();
        int links = 0;
        for (String guide : GuideWindow.GUIDES) {
            for (String folder : List.of("/org/lstmlab/docs/", "/org/lstmlab/docs/zh/")) {
                String text = GuideWindow.read(folder + guide + ".md");
                assertTrue(text != null, folder + guide + ".md is in the app");
                Set<String> anchors = new TreeSet<>();
                List<Markdown.Span> spans = new ArrayList<>();
                for (Markdown.Block b : Markdown.parse(text)) {
                    if (b instanceof Markdown.Heading h) {
                        anchors.add(MarkdownView.anchor(h.text()));
                    }
                    spans.addAll(spans(b));
                }
                for (int k = 0; k < spans.size(); k++) {
                    Markdown.Span s = spans.get(k);
                    if (s.style() != Markdown.Style.LINK || s.target().contains("://")) {
                        continue;
                    }
                    String where = folder + guide + ".md: [" + s.text() + "](" + s.target() + ")";
                    String file = s.target().replaceFirst("#.*", "");
                    if (file.isEmpty()) {
                        links++;
                        if (!anchors.contains(s.target().substring(1))) {
                            problems.add(where + " names no heading of the page");
                        }
                    } else if (file.endsWith(".md")) {
                        links++;
                        String path = URI.create(folder).resolve(file).normalize().toString();
                        if (path.startsWith(NOTES)) {
                            plain.add(path);
                        } else if (!GuideWindow.opens(path)) {
                            problems.add(where + " opens nothing in the app");
                        } else if (folder.endsWith("/zh/") && !GuideWindow.GUIDES.contains(guideName(path))
                                && !(k + 1 < spans.size() && spans.get(k + 1).text().startsWith("（英文）"))) {
                            problems.add(where + " opens an English page and does not say so: （英文）");
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(links >= 20, "links to pages and headings read: " + links);
        assertEquals(2, plain.size(), "the notes named as plain words: " + plain);
    }

    private static String guideName(String path) {
        return path.substring(path.lastIndexOf('/') + 1).replaceFirst("\\.md$", "");
    }

    private static List<Markdown.Span> spans(Markdown.Block b) {
        List<Markdown.Span> out = new ArrayList<>();
        if (b instanceof Markdown.Paragraph p) {
            out.addAll(Markdown.spans(p.text()));
        } else if (b instanceof Markdown.Item it) {
            out.addAll(Markdown.spans(it.text()));
        } else if (b instanceof Markdown.Quote q) {
            out.addAll(Markdown.spans(q.text()));
        } else if (b instanceof Markdown.Table t) {
            t.rows().forEach(r -> r.forEach(c -> out.addAll(Markdown.spans(c))));
        }
        return out;
    }
}
