package org.lstmlab.ui.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.engine.lessons.LessonRun;
import org.lstmlab.engine.lessons.Lessons;

/** The open lesson's sources (its file's {@code references:}) in the lesson dock, driven without a toolkit. */
class LessonSourcesTest {
    @TempDir
    Path dir;

    private LearnViewModel vm(Locale locale) {
        List<LessonRun.Applied> applied = new ArrayList<>();
        return LearnViewModelTest.vm(locale, dir.resolve("p.properties"), applied);
    }

    @Test
    void aLessonsReferencesShowInItsFilesOrderInEitherLanguage() throws Exception {
        List<String> gru = List.of(
                "K. Cho, B. van Merriënboer, C. Gulcehre, D. Bahdanau, F. Bougares, H. Schwenk and Y. Bengio. Learning "
                        + "phrase representations using RNN encoder–decoder for statistical machine translation. "
                        + "EMNLP 2014.",
                "J. Chung, C. Gulcehre, K. Cho and Y. Bengio. Empirical evaluation of gated recurrent neural networks "
                        + "on sequence modeling. NIPS 2014 Deep Learning Workshop.",
                "C. Olah. Understanding LSTM networks. Blog post, 2015.",
                "A. Zhang, Z. C. Lipton, M. Li and A. J. Smola. Dive into Deep Learning. d2l.ai.",
                "PyTorch documentation, torch.nn.GRU; Keras documentation, keras.layers.GRU (reset_after).");
        LearnViewModel en = vm(Locale.ENGLISH);
        LessonSources sources = en.sources();
        assertEquals(List.of(), sources.references(), "no lesson open, no sources");
        assertFalse(sources.anyProperty().get());
        en.open("gru-gates");
        assertEquals(gru, sources.references());
        assertTrue(sources.anyProperty().get());
        assertEquals("Sources (5)", sources.linkProperty().get());
        assertEquals("\u2190 Back to step 1", sources.backProperty().get());

        LearnViewModel zh = vm(Locale.SIMPLIFIED_CHINESE);
        zh.open("gru-gates");
        assertEquals(gru, zh.sources().references(), "authors, titles and venues keep their Latin letters");
        assertEquals("参考文献（5）", zh.sources().linkProperty().get());
        assertEquals("← 回到第 1 步", zh.sources().backProperty().get());

        en.close();
        assertEquals(List.of(), sources.references());
        assertFalse(sources.anyProperty().get());
    }

    /** Every built-in lesson cites something, and the link says how many. */
    @Test
    void everyBuiltInLessonOffersItsSources() {
        LearnViewModel vm = vm(Locale.ENGLISH);
        for (String id : Lessons.ids()) {
            vm.open(id);
            int n = vm.lessonProperty().get().references().size();
            assertTrue(n > 0, id);
            assertEquals(vm.lessonProperty().get().references(), vm.sources().references(), id);
            assertEquals("Sources (" + n + ")", vm.sources().linkProperty().get(), id);
        }
    }

    /** The sources show in place of the step and back; another step, or another lesson, shows its step. */
    @Test
    void theSourcesOpenAndCloseWithoutMovingTheStudent() {
        LearnViewModel vm = vm(Locale.ENGLISH);
        vm.open("forget-gate");
        vm.next();
        assertEquals(1, vm.stepProperty().get());
        LessonSources sources = vm.sources();
        assertFalse(sources.shownProperty().get());
        assertFalse(sources.atEndProperty().get(), "Next, not Sources, before the last step");
        sources.toggle();
        assertTrue(sources.shownProperty().get());
        assertEquals("\u2190 Back to step 2", sources.backProperty().get());
        assertEquals(1, vm.stepProperty().get(), "the student stays on the step");
        sources.toggle();
        assertFalse(sources.shownProperty().get(), "the link again: back to the step");
        sources.toggle();
        sources.hide();
        assertFalse(sources.shownProperty().get());
        sources.toggle();
        vm.next();
        assertFalse(sources.shownProperty().get(), "Next shows the next step");
        while (vm.stepProperty().get() < vm.lessonProperty().get().steps().size() - 1) {
            vm.next();
        }
        assertTrue(sources.atEndProperty().get(), "the last step: the sources come next");
        vm.back();
        assertFalse(sources.atEndProperty().get());
        vm.next();
        sources.toggle();
        vm.open("gru-gates");
        assertFalse(sources.atEndProperty().get());
        assertFalse(sources.shownProperty().get(), "another lesson opens at its step");
    }

    /** A teacher's lesson citing nothing offers no link, and the link does nothing. */
    @Test
    void aLessonCitingNothingOffersNoSources() throws Exception {
        Path file = dir.resolve("example.yaml");
        Files.write(file, Lessons.example("gru-update-gate.yaml"));
        LearnViewModel vm = vm(Locale.ENGLISH);
        vm.openFile(file);
        assertEquals("gru-update-gate", vm.lessonProperty().get().id());
        assertEquals(List.of(), vm.sources().references());
        assertFalse(vm.sources().anyProperty().get());
        assertEquals("", vm.sources().linkProperty().get());
        vm.sources().toggle();
        assertFalse(vm.sources().shownProperty().get());
        while (vm.stepProperty().get() < vm.lessonProperty().get().steps().size() - 1) {
            vm.next();
        }
        assertFalse(vm.sources().atEndProperty().get(), "its last step keeps Next, disabled");
    }

    /** "Copy all" copies the references numbered as the dock shows them, one a line; "Copy" one, unnumbered. */
    @Test
    void theStudentCopiesTheSourcesNumberedOrOneByOne() {
        LearnViewModel en = vm(Locale.ENGLISH);
        LessonSources sources = en.sources();
        assertEquals("Copy all", sources.copyAllProperty().get());
        assertEquals("", sources.copyAll(), "no lesson, nothing to copy");
        assertEquals("Copy all", sources.copyAllProperty().get(), "nothing was copied");
        en.open("gru-gates");
        List<String> refs = sources.references();
        sources.toggle();
        String all = sources.copyAll();
        assertEquals("Copied", sources.copyAllProperty().get());
        List<String> lines = all.lines().toList();
        assertEquals(5, lines.size(), all);
        for (int k = 0; k < refs.size(); k++) {
            assertEquals((k + 1) + ". " + refs.get(k), lines.get(k));
        }
        assertTrue(all.startsWith("1. K. Cho, B. van Merriënboer") && all.endsWith("(reset_after)."), all);
        assertFalse(all.contains("\r"), "plain lines, the same on every system");
        sources.hide();
        assertEquals("Copy all", sources.copyAllProperty().get(), "closed and opened again: nothing copied yet");
        sources.toggle();
        assertEquals("C. Olah. Understanding LSTM networks. Blog post, 2015.", sources.copy(2));
        assertEquals("Copy all", sources.copyAllProperty().get(), "one copied, not all");
        sources.copyAll();
        en.next();
        assertEquals("Copy all", sources.copyAllProperty().get(), "another step: nothing copied from there");

        LearnViewModel zh = vm(Locale.SIMPLIFIED_CHINESE);
        zh.open("gru-gates");
        assertEquals("全部复制", zh.sources().copyAllProperty().get());
        assertEquals(all, zh.sources().copyAll(), "the same text in either language");
        assertEquals("已复制", zh.sources().copyAllProperty().get());
    }
}
