package org.lstmlab.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.lstmlab.engine.tasks.Tasks;
import org.lstmlab.ui.common.I18n;

/**
 * Which lines of the equivalent code a lesson's {@code show: code} brings into view inside the code box: the call
 * that trains and the comments right above it, however the folding spreads them, in English and in Chinese.
 */
class CodeFocusTest {
    private static String[] lines(String code) {
        return code.split("\n", -1);
    }

    private static TrainingViewModel kerasExample(Locale locale) {
        TrainingViewModel vm = new TrainingViewModel(I18n.bundle(locale), new FakeFx());
        vm.chooseTask(Tasks.byName("keras-example"));
        return vm;
    }

    @Test
    void theKerasCodeShowsModelFitAndTheCommentAboveIt() {
        for (Locale locale : new Locale[] {Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE}) {
            TrainingViewModel vm = kerasExample(locale);
            String[] code = lines(vm.kerasCodeProperty().get());
            CodeFocus focus = vm.kerasFocus();
            assertTrue(code[focus.first()].startsWith("# x_train: ("), locale + ": " + code[focus.first()]);
            int call = focus.first() + 1;
            StringBuilder comments = new StringBuilder();
            for (; code[call].startsWith("#"); call++) {   // where x_train comes from: data.npz
                comments.append(code[call]);
            }
            assertTrue(comments.toString().contains("data.npz"), comments.toString());
            assertTrue(code[call].startsWith("model.fit("), code[call]);
            assertTrue(focus.last() > call, "the call is folded over lines");
            assertTrue(code[focus.last()].strip().endsWith(")"), code[focus.last()]);
            assertEquals(code.length, focus.lines());
            assertTrue(focus.first() > 10, "the call is far below the top of the box: line " + focus.first());
        }
    }

    @Test
    void thePyTorchCodeShowsItsTrainingLoop() {
        for (Locale locale : new Locale[] {Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE}) {
            TrainingViewModel vm = kerasExample(locale);
            String[] code = lines(vm.torchCodeProperty().get());
            CodeFocus focus = vm.torchFocus();
            assertTrue(code[focus.last()].startsWith("for epoch in range("), locale + ": " + code[focus.last()]);
            for (int i = focus.first(); i < focus.last(); i++) {
                assertTrue(code[i].startsWith("#"), "only comments above the loop: " + code[i]);
            }
        }
    }

    @Test
    void aCallFoldedOverLinesEndsWhereItsBracketsClose() {
        String code = "x = 1\n# what it reads\n# and what it learns\nmodel.fit(x_train, y_train,\n"
                + "          epochs=3, note='(',\n          validation_data=(x_val, y_val))\nprint(x)\n";
        assertEquals(new CodeFocus(1, 5, 8), CodeFocus.keras(code));
        assertEquals(new CodeFocus(0, 0, 1), CodeFocus.keras("# the settings are refused"));
    }

    @Test
    void theBoxScrollsToTheLinesOrKeepsTheCallInSight() {
        CodeFocus focus = new CodeFocus(20, 22, 40);   // lines of 10 px below 4 px of padding
        assertEquals(204, focus.scrollTop(10, 4, 100), 1e-9, "all three fit: from the first, at the top");
        assertEquals(234 - 20, focus.scrollTop(10, 4, 20), 1e-9, "two lines in sight: the call's last two");
        assertEquals(408 - 300, focus.scrollTop(10, 4, 300), 1e-9, "never past the end of the code");
        assertEquals(0, new CodeFocus(0, 0, 3).scrollTop(10, 4, 100), 1e-9);
    }
}
