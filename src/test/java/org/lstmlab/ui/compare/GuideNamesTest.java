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

        // one length: its level, to the tenth of a percent as the checkup quotes it
        CompareViewModel.Guides one = new CompareViewModel.Guides(0.9, new double[] {100}, new double[] {0.144});
        assertEquals(new CompareViewModel.GuideNames("solved at \u2265 90\u00a0%", "chance: 14.4\u00a0%"),
                CompareViewModel.guideNames(I18n.bundle(Locale.ENGLISH), one));
        assertEquals(new CompareViewModel.GuideNames("\u2265 90\u00a0% 即为解决", "随机水平：14.4\u00a0%"),
                CompareViewModel.guideNames(I18n.bundle(Locale.SIMPLIFIED_CHINESE), one));
    }

    /**
     * Several lengths: each has its own validation set and its own chance level, drawn at its length. The legend
     * said their average (16 %), which is no length's level and not the 14.4 % the checkup quotes at T = 100; it
     * says their lowest and highest.
     */
    @Test
    void theChanceLevelIsNamedAsItDiffersByLengthNotAveraged() {
        CompareViewModel.Guides some = new CompareViewModel.Guides(0.9, new double[] {10, 25, 50, 100},
                new double[] {0.169, 0.171, 0.156, 0.144});
        assertEquals("chance, by length: 14.4\u00a0% to 17.1\u00a0%",
                CompareViewModel.guideNames(I18n.bundle(Locale.ENGLISH), some).chance());
        assertEquals("随机水平（因长度而异）：14.4\u00a0% 到 17.1\u00a0%",
                CompareViewModel.guideNames(I18n.bundle(Locale.SIMPLIFIED_CHINESE), some).chance());
    }
}
