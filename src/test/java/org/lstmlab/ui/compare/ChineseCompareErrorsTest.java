package org.lstmlab.ui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.ResourceBundle;

import org.junit.jupiter.api.Test;
import org.lstmlab.engine.session.Comparison;
import org.lstmlab.engine.tasks.Tasks;
import org.lstmlab.ui.common.I18n;
import org.lstmlab.ui.training.EnglishText;

/** The Compare tab's settings errors are Chinese sentences in the Chinese UI; the command line keeps English. */
class ChineseCompareErrorsTest {
    private final ResourceBundle zh = I18n.bundle(Locale.SIMPLIFIED_CHINESE);
    private final CompareViewModel vm = new CompareViewModel(zh);

    private void refused(String expected) {
        vm.start();
        String shown = vm.statusProperty().get();
        assertEquals("失败：" + expected, shown);
        assertFalse(EnglishText.hasSentence(shown), shown);
        assertFalse(vm.runningProperty().get());
    }

    @Test
    void epochsAndSamplesOutOfRangeAreRefusedInChinese() {
        vm.epochsProperty().set(0);
        refused("每个模型的迭代周期数必须在 1 到 1000 之间，现在是 0");
        vm.epochsProperty().set(5);
        vm.samplesProperty().set(5);
        refused("每个模型的训练样本数必须在 10 到 1000000 之间，现在是 5");
        vm.samplesProperty().set(20_000);
        refused("任务“加法问题”有 12000 个训练序列：每个模型的训练样本数必须在 10 到 12000 之间，现在是 20000");
    }

    @Test
    void tooManyLengthsAndLengthsOutOfRangeAreRefusedInChinese() {
        vm.lengthsProperty().set("10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30");
        refused("请选择 1 到 20 个序列长度，现在是 21 个");
        vm.lengthsProperty().set("10, 5");
        vm.start();
        assertTrue(vm.statusProperty().get().contains("任务“加法问题”的序列长度为 10 到 200") && vm.statusProperty().get()
                .contains("不能是 5"), vm.statusProperty().get());
        assertFalse(EnglishText.hasSentence(vm.statusProperty().get()), vm.statusProperty().get());
    }

    @Test
    void theCommandLineKeepsTheEnglishOfTheSameRefusal() {
        var e = assertThrows(IllegalArgumentException.class, () -> new Comparison.Settings(
                Tasks.byName("adding"), java.util.List.of(10), 0, 100, 1, 1));
        assertEquals("epochs per model must be from 1 to 1000, got 0", e.getMessage());
    }

    /**
     * A refusal stays on show through View ▸ Language, in the new language: it was replaced by the idle line (or
     * by the last comparison's "Done"), so the student no longer saw what to correct.
     */
    @Test
    void aRefusalFollowsViewLanguage() {
        I18n.Live live = I18n.live(Locale.ENGLISH);
        CompareViewModel en = new CompareViewModel(live);
        en.lengthsProperty().set("10, 2O");
        en.start();
        assertEquals("Failed: '2O' is not a whole number", en.statusProperty().get());
        en.lengthsProperty().set("10, 25");   // the form changes after the refusal: the refusal is what was said
        live.use(Locale.SIMPLIFIED_CHINESE);
        en.relabel();
        assertEquals("失败：“2O”不是整数", en.statusProperty().get());
        en.epochsProperty().set(0);
        en.start();
        live.use(Locale.ENGLISH);
        en.relabel();
        assertEquals("Failed: epochs per model must be from 1 to 1000, got 0", en.statusProperty().get());
    }
}
