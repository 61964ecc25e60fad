package org.lstmlab.ui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.lstmlab.ui.common.I18n;

/** The guides' legend names, in both languages: a plain name before the first model, the number after it. */
class GuideNamesTest {
    @Test
    void theGuidesAreNamedBeforeAndAfterTheFirstModel() {
        CompareViewModel.Guides none = CompareViewModel.guides(SweepSnapshot.EMPTY);
        var en = CompareViewModel.guideNames(I18n.bundle(Locale.ENGLISH), none);
        assertEquals(new CompareViewModel.GuideNames("solved threshold", "chance level"), en);
        var zh = CompareViewModel.guideNames(I18n.bundle(Locale.SIMPLIFIED_CHINESE), none);
        assertEquals(new CompareViewModel.GuideNames("解决阈值", "随机水平"), zh);

        CompareViewModel.Guides some = new CompareViewModel.Guides(0.9, new double[] {10, 20},
                new double[] {0.15, 0.17});
        assertEquals(new CompareViewModel.GuideNames("solved at \u2265 90\u00a0%", "chance: 16\u00a0%"),
                CompareViewModel.guideNames(I18n.bundle(Locale.ENGLISH), some));
        assertEquals(new CompareViewModel.GuideNames("\u2265 90\u00a0% 即为解决", "随机水平：16\u00a0%"),
                CompareViewModel.guideNames(I18n.bundle(Locale.SIMPLIFIED_CHINESE), some));
    }
}
