package org.lstmlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.lstmlab.ui.FoldNews.Said;

/** When the status bar says the side panel is folded, and when that reason gives way. */
class FoldNewsTest {
    /** Shows what the news asks for, as the window's view does. */
    private static Said show(FoldNews news, Said what) {
        if (what != null) {
            news.said(what);
        }
        return what;
    }

    @Test
    void theFoldIsNewsOnlyOnTheDebuggerTabAndOutsidePresenterMode() {
        FoldNews news = new FoldNews();
        news.said(Said.HINT);
        assertNull(news.onFold(true, false, false), "another tab shows: no side panel there");
        assertNull(news.onFold(true, true, true), "presenter mode hides the panel and says so itself");
        assertEquals(Said.FOLDED, news.onFold(true, false, true));
    }

    @Test
    void thePanelComingBackClearsOnlyItsOwnReason() {
        FoldNews news = new FoldNews();
        show(news, news.onFold(true, false, true));
        assertEquals(Said.HINT, news.onFold(false, false, true));
        news.said(Said.OTHER);  // a file was saved meanwhile: that message stays
        assertNull(news.onFold(false, false, true));
    }

    @Test
    void anotherTabGetsTheHintAndTheDebuggerTabGetsTheReasonBackUnlessSomethingElseWasSaid() {
        FoldNews news = new FoldNews();
        show(news, news.onFold(true, false, true));
        assertEquals(Said.HINT, show(news, news.onTab(false, true, false)));
        assertEquals(Said.FOLDED, show(news, news.onTab(true, true, false)));
        assertEquals(Said.HINT, show(news, news.onTab(false, true, false)));
        news.said(Said.OTHER);  // the Train tab said something
        assertNull(news.onTab(true, true, false), "what was said last stays");
        news.said(Said.HINT);
        assertNull(news.onTab(true, false, false), "the panel is not folded any more");
        assertNull(news.onTab(true, true, true), "presenter mode");
    }
}
