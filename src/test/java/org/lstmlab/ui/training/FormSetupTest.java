package org.lstmlab.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.tasks.Task;
import org.lstmlab.engine.tasks.Tasks;
import org.lstmlab.ui.common.I18n;

/** The run the Train tab's form describes, or why there is none, read from the form alone. */
class FormSetupTest {
    private final ResourceBundle en = I18n.bundle(Locale.ENGLISH);
    private final TrainingForm form = new TrainingForm();
    private final List<Supplier<String>> refusals = new ArrayList<>();

    @Test
    void aBuiltInTaskIsRecordedWithTheFormsModelAndLength() throws Exception {
        Task adding = Tasks.byName("adding");
        form.applyDefaults(adding);
        form.steps.set(80);
        form.cell.set(CellType.GRU);
        form.units.set(20);
        form.layers.set(0);   // the spinner's text was cleared: one layer, as the code preview shows
        form.epochs.set(3);
        RunSetup s = FormSetup.of(en, form, refusals::add);
        assertNotNull(s);
        assertTrue(refusals.isEmpty());
        assertSame(adding, s.source().task(), "a built-in task is used as it is, not made again");
        assertEquals("adding", s.run().task());
        assertEquals(80, s.run().seqLen());
        assertEquals(CellType.GRU, s.run().cell());
        assertEquals(20, s.run().hidden());
        assertEquals(1, s.run().layers());
        assertNull(s.run().data());
        assertNull(s.resume());
        assertEquals(3, s.config().epochs());
    }

    @Test
    void aTaskOfFixedLengthRecordsNone() {
        Task fixed = Tasks.all().stream().filter(t -> !t.lengthAdjustable()).findFirst().orElseThrow();
        form.applyDefaults(fixed);
        form.steps.set(fixed.defaultSteps() + 7);
        assertEquals(0, FormSetup.of(en, form, refusals::add).run().seqLen(), fixed.name());
    }

    @Test
    void aFieldThatIsNotANumberIsNamedInTheAppsLanguage() {
        form.applyDefaults(Tasks.byName("adding"));
        form.learningRate.set("fast");
        assertNull(FormSetup.of(en, form, refusals::add));
        assertEquals(1, refusals.size());
        assertEquals("Learning rate: \u2018fast\u2019 is not a number", refusals.get(0).get());
        ResourceBundle zh = I18n.bundle(Locale.SIMPLIFIED_CHINESE);
        refusals.clear();
        assertNull(FormSetup.of(zh, form, refusals::add));
        assertTrue(refusals.get(0).get().contains("学习率"), refusals.get(0).get());
    }

    @Test
    void aSettingTheEngineRefusesSaysWhyTheRunCannotStart() {
        form.applyDefaults(Tasks.byName("adding"));
        form.learningRate.set("-1");
        assertNull(FormSetup.of(en, form, refusals::add));
        assertEquals(1, refusals.size());
        assertTrue(refusals.get(0).get().startsWith("Cannot start: "), refusals.get(0).get());
    }
}
