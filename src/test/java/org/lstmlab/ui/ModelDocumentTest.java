package org.lstmlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class ModelDocumentTest {
    private final ModelDocument doc = new ModelDocument();
    private final Object run = new Object();

    @Test
    void trainingStepsMakeAModelUnsavedAndSavingMakesItSavedAgain() {
        doc.observe(null, 0);
        assertFalse(doc.unsaved(false, 0), "no run, nothing to lose");
        doc.observe(run, 0);
        assertFalse(doc.unsaved(true, 0), "a run that has not trained yet");
        doc.observe(run, 120);
        assertTrue(doc.unsaved(true, 120));
        doc.saved(run, 120, Path.of("m.safetensors"));
        assertFalse(doc.unsaved(true, 120));
        assertEquals(Path.of("m.safetensors"), doc.file());
        assertTrue(doc.unsaved(true, 121), "one more step is unsaved again");
    }

    @Test
    void aModelJustOpenedIsSavedAndKeepsItsFile() {
        doc.opening(Path.of("old.safetensors"));
        doc.observe(run, 500);  // a resumed run starts where its file left off
        assertFalse(doc.unsaved(true, 500));
        assertEquals(Path.of("old.safetensors"), doc.file());
        Object next = new Object();
        doc.observe(next, 0);
        assertNull(doc.file(), "a new run (Start) is a new, unnamed model");
        doc.observe(next, 10);
        assertTrue(doc.unsaved(true, 10));
    }

    @Test
    void aFailedOpenDoesNotNameTheNextRun() {
        doc.opening(Path.of("broken.safetensors"));
        doc.openFailed();
        doc.observe(run, 0);
        assertNull(doc.file());
    }

    @Test
    void aSaveOfAnOlderRunDoesNotCount() {
        Object old = new Object();
        doc.observe(old, 0);
        doc.observe(run, 0);
        doc.observe(run, 30);
        doc.saved(old, 30, Path.of("old.safetensors"));
        assertTrue(doc.unsaved(true, 30));
    }
}
