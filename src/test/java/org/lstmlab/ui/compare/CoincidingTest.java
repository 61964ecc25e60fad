package org.lstmlab.ui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.ui.common.I18n;
import org.lstmlab.ui.compare.Coinciding.Mark;

/** The Compare chart says where two cells' lines lie on top of each other (the GRU's under the LSTM's at 1.0). */
class CoincidingTest {
    private static final CellType RNN = CellType.RNN_TANH;
    private static final CellType GRU = CellType.GRU;
    private static final CellType LSTM = CellType.LSTM;

    @Test
    void theGruAndTheLstmBothSolvingALengthAreFound() {
        List<Mark> marks = List.of(new Mark(RNN, 10, 1.0), new Mark(GRU, 10, 1.0), new Mark(LSTM, 10, 1.0),
                new Mark(RNN, 50, 0.52), new Mark(GRU, 50, 1.0), new Mark(LSTM, 50, 0.998),
                new Mark(RNN, 100, 0.5), new Mark(GRU, 100, 0.93), new Mark(LSTM, 100, 0.97));
        assertEquals(List.of(new Coinciding.Pair(RNN, GRU, List.of(10)), new Coinciding.Pair(RNN, LSTM, List.of(10)),
                new Coinciding.Pair(GRU, LSTM, List.of(10, 50))), Coinciding.pairs(marks));
    }

    @Test
    void linesApartOrLengthsMissingGiveNoNote() {
        List<Mark> marks = List.of(new Mark(GRU, 10, 0.90), new Mark(LSTM, 10, 0.91), new Mark(GRU, 20, 1.0),
                new Mark(LSTM, 25, 1.0));
        assertEquals(List.of(), Coinciding.pairs(marks));
        assertEquals("", Coinciding.note(I18n.bundle(Locale.ENGLISH), marks));
    }

    @Test
    void theNoteNamesTheCellsAndTheLengthsInBothLanguages() {
        List<Mark> marks = List.of(new Mark(GRU, 10, 1.0), new Mark(LSTM, 10, 1.0), new Mark(GRU, 25, 1.0),
                new Mark(LSTM, 25, 1.0));
        String en = Coinciding.note(I18n.bundle(Locale.ENGLISH), marks);
        assertTrue(en.startsWith("GRU and LSTM reach the same accuracy at T = 10, 25"), en);
        assertTrue(en.contains("LSTM's line is dashed"), en);
        String zh = Coinciding.note(I18n.bundle(Locale.SIMPLIFIED_CHINESE), marks);
        assertTrue(zh.startsWith("GRU 与 LSTM 在 T = 10、25 时准确率相同"), zh);  // 、 between numbers
    }

    @Test
    void theSimpleRnnIsNamedAsAConceptInChinese() {
        List<Mark> marks = List.of(new Mark(RNN, 10, 1.0), new Mark(GRU, 10, 1.0));
        assertTrue(Coinciding.note(I18n.bundle(Locale.ENGLISH), marks).startsWith("SimpleRNN and GRU reach"));
        String zh = Coinciding.note(I18n.bundle(Locale.SIMPLIFIED_CHINESE), marks);
        assertTrue(zh.startsWith("简单循环网络（SimpleRNN） 与 GRU 在 T = 10 时准确率相同"), zh);
    }
}
