package org.lstmlab.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.lstmlab.engine.lessons.TrainTabPart;
import org.lstmlab.ui.common.I18n;

/**
 * The Train tab's view model decides which part the view brings into view when another tab sets it up: the
 * settings at the top unless a lesson step's {@code show} names the charts or the code.
 */
class PartInViewTest {
    private final TrainingViewModel vm = new TrainingViewModel(I18n.bundle(Locale.ENGLISH), Runnable::run);

    @Test
    void theSettingsUnlessAPartIsNamed() {
        assertEquals(TrainTabPart.SETTINGS, vm.partInViewProperty().get(), "a new tab: its top");
        vm.bringIntoView(TrainTabPart.CODE);
        assertEquals(TrainTabPart.CODE, vm.partInViewProperty().get());
        vm.bringIntoView(TrainTabPart.CHARTS);
        assertEquals(TrainTabPart.CHARTS, vm.partInViewProperty().get());
        vm.bringIntoView(null);
        assertEquals(TrainTabPart.SETTINGS, vm.partInViewProperty().get(), "none named: the settings again");
    }
}
