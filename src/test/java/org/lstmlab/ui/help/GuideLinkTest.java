package org.lstmlab.ui.help;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.lstmlab.ui.help.GuideLink.Kind;

/**
 * What a guide's link becomes, without a toolkit: http and https addresses open in the browser (before, they were
 * only written out, and could not be clicked); a heading of the page or a page the window shows opens there; a
 * file the app lacks, or an address of another kind, is words with its place beside them.
 */
class GuideLinkTest {
    private static final String BASE = "/org/lstmlab/docs/zh/";
    private static final Set<String> ANCHORS = Set.of("在课堂上使用");

    private static GuideLink link(String words, String target) {
        return GuideLink.of(words, target, BASE, ANCHORS, GuideWindow::opens);
    }

    @Test
    void webAddressesOpenInTheBrowser() {
        GuideLink web = link("safetensors", "https://github.com/huggingface/safetensors");
        assertEquals(new GuideLink(Kind.WEB, "safetensors", "https://github.com/huggingface/safetensors"), web);
        assertEquals(Kind.WEB, link("`PyTorch`", "http://pytorch.org/docs#lstm").kind());
        assertEquals("PyTorch", link("`PyTorch`", "http://pytorch.org/docs#lstm").words(), "no code quotes");
        assertEquals(Kind.WEB, link("x", "HTTPS://EXAMPLE.ORG").kind());
        assertEquals(new GuideLink(Kind.PLACE, "files", "ftp://example.org/a"), link("files", "ftp://example.org/a"));
        assertFalse(GuideLink.web("https://"), "no host");
        assertFalse(GuideLink.web("https://a b"), "not an address");
        assertFalse(GuideLink.web("file:///etc/passwd"));
        assertFalse(GuideLink.web("javascript:alert(1)"));
        assertTrue(GuideLink.web("http://localhost:8080/x"));
    }

    @Test
    void pagesAndHeadingsOpenInTheWindow() {
        assertEquals(new GuideLink(Kind.HEADING, "在课堂上使用", "在课堂上使用"), link("在课堂上使用", "#在课堂上使用"));
        assertEquals(new GuideLink(Kind.WORDS, "gone", ""), link("gone", "#no-such-heading"));
        assertEquals(new GuideLink(Kind.PAGE, "training.md", "/org/lstmlab/docs/zh/training.md#训练"),
                link("training.md", "training.md#训练"));
        assertEquals(new GuideLink(Kind.PAGE, "formats.md", "/org/lstmlab/docs/formats.md"),
                link("formats.md", "../formats.md"));
    }

    @Test
    void aFileTheAppLacksIsNamedBesideItsWords() {
        GuideLink note = GuideLink.of("measurements", "notes/ui-speed-2026-11-28.md", "/org/lstmlab/docs/",
                ANCHORS, GuideWindow::opens);
        assertEquals(new GuideLink(Kind.PLACE, "measurements", "docs/notes/ui-speed-2026-11-28.md"), note);
        assertFalse(note.wordsNameThePlace());
        assertTrue(GuideLink.of("ui-speed-2026-11-28.md", "notes/ui-speed-2026-11-28.md", "/org/lstmlab/docs/",
                ANCHORS, GuideWindow::opens).wordsNameThePlace());
    }
}
