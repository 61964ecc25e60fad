package org.lstmlab.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.ui.common.I18n;

/** What Start trains on after the user chose a file of their own and then changed the form's data fields. */
class DataFileStartTest {
    private final FakeFx fx = new FakeFx();
    private final TrainingViewModel vm = new TrainingViewModel(I18n.bundle(Locale.ENGLISH), fx);

    /**
     * A UTF-16 text without a byte order mark decodes as UTF-8 (every other byte a NUL); the message says to
     * choose another encoding, and the student does, in the form, then presses Start: the run reads the text in
     * that encoding, as a CSV run reads its file with the form's fields.
     */
    @Test
    void anEncodingChosenAfterTheTextWasReadIsTheOneTheRunReads(@TempDir Path dir) throws Exception {
        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "the quick brown fox jumps over the lazy dog. ".repeat(30), StandardCharsets.UTF_16LE);
        vm.chooseDataFile(text);
        fx.until(vm, () -> text.equals(vm.form().dataFile.get()));
        assertTrue(vm.messageProperty().get().startsWith("notes.txt (read as UTF-8, detected;"),
                vm.messageProperty().get());
        vm.form().encodingProperty().set("UTF-16LE");
        vm.form().epochsProperty().set(1);
        vm.start();
        fx.until(vm, () -> vm.stateProperty().get() == RunState.RUNNING || vm.stateProperty().get().isOver());
        List<String> vocabulary = vm.run().atBoundary(a -> a.data().vocabulary()).get();
        vm.stop();
        assertFalse(vocabulary.contains("\u0000"), "the text was read as UTF-8: " + vocabulary);
        assertEquals("UTF-16LE", vm.run().atBoundary(a -> a.session().record().data().charset().name()).get());
    }
}
