package org.lstmlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;

/**
 * The tests that look for English in the Chinese main window: the window in Chinese with lesson progress of its own,
 * and the English found so far ({@link #look}), which {@link #assertNoEnglish} reports all at once.
 */
abstract class ChineseWindowUiBase extends MainWindowUiBase {
    private final StringBuilder leaks = new StringBuilder();

    @Override
    protected Locale language() {
        return Locale.SIMPLIFIED_CHINESE;
    }

    @Override
    protected boolean newLessonProgress() {
        return true;
    }

    /** Notes the English of {@code pieces} (after {@code userTexts}) under the heading {@code what}. */
    protected void look(String what, List<ScreenText.Piece> pieces, List<String> userTexts) {
        String found = EnglishWords.report(pieces, userTexts);
        if (!found.isEmpty()) {
            leaks.append("== ").append(what).append('\n').append(found);
        }
    }

    /** Notes a problem found otherwise. */
    protected void leak(String problem) {
        leaks.append(problem).append('\n');
    }

    protected void assertNoEnglish() {
        assertEquals("", leaks.toString());
    }
}
