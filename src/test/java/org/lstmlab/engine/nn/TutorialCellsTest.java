package org.lstmlab.engine.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.engine.interop.CodeExport;
import org.lstmlab.engine.io.ModelFile;
import org.lstmlab.engine.loss.Loss;
import org.lstmlab.engine.train.TrainingConfig;

/**
 * The tutorial's two wrong cells against a plain scalar reference written from their equations, unit by unit (no
 * shared code with the layer's fused loops), and the rules that keep them out of ordinary use.
 */
class TutorialCellsTest {
    static final int D = 2;
    static final int H = 3;
    static final int T = 6;

    @Test
    void squashedCellFollowsItsEquations() {
        check(CellType.LSTM_SQUASHED_CELL);
    }

    @Test
    void tanhInputGateFollowsItsEquations() {
        check(CellType.LSTM_TANH_INPUT);
    }

    @Test
    void theCorrectLstmFollowsTheSameReference() {
        check(CellType.LSTM);
    }

    private static void check(CellType cell) {
        RecurrentStack stack = new RecurrentStack(cell, D, H, 1);
        SplittableRandom rng = new SplittableRandom(3);
        for (Param p : stack.parameters()) {
            for (int i = 0; i < p.data().length; i++) {
                p.data()[i] = rng.nextDouble(-1.5, 1.5);
            }
        }
        double[] x = new double[T * D];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextDouble(-2, 2);
        }
        stack.forward(SequenceInput.dense(x, T, 1, D), null, null);
        LayerTrace tr = stack.trace(0);

        RecurrentLayer l = stack.layer(0);
        double[] h = new double[H];
        double[] c = new double[H];
        for (int t = 0; t < T; t++) {
            double[] hNew = new double[H];
            double[] cNew = new double[H];
            for (int j = 0; j < H; j++) {
                double ai = pre(l, 0, j, x, t, h);
                double af = pre(l, 1, j, x, t, h);
                double ag = pre(l, 2, j, x, t, h);
                double ao = pre(l, 3, j, x, t, h);
                double i = cell == CellType.LSTM_TANH_INPUT ? Math.tanh(ai) : 1 / (1 + Math.exp(-ai));
                double f = 1 / (1 + Math.exp(-af));
                double g = Math.tanh(ag);
                double o = 1 / (1 + Math.exp(-ao));
                double sum = f * c[j] + i * g;
                cNew[j] = cell == CellType.LSTM_SQUASHED_CELL ? Math.tanh(sum) : sum;
                hNew[j] = o * Math.tanh(cNew[j]);
            }
            h = hNew;
            c = cNew;
            for (int j = 0; j < H; j++) {
                assertEquals(c[j], tr.cellState()[tr.stateOffset(t + 1, 0) + j], 1e-12, cell + " c at t=" + t);
                assertEquals(h[j], tr.hidden()[tr.stateOffset(t + 1, 0) + j], 1e-12, cell + " h at t=" + t);
            }
        }
    }

    /** W_i·[gate row] x_t + b_i· + W_h·[gate row] h + b_h·, written out. */
    private static double pre(RecurrentLayer l, int gate, int j, double[] x, int t, double[] h) {
        int row = gate * H + j;
        double s = l.biasIh().data()[row] + l.biasHh().data()[row];
        for (int d = 0; d < D; d++) {
            s += l.weightIh().data()[row * D + d] * x[t * D + d];
        }
        for (int k = 0; k < H; k++) {
            s += l.weightHh().data()[row * H + k] * h[k];
        }
        return s;
    }

    @Test
    void theWrongCellsAreNoOrdinaryChoice() {
        for (CellType c : CellType.tutorialMistakes()) {
            assertTrue(c.isTutorialMistake());
            assertTrue(c.hasCellState());
            assertFalse(CellType.standard().contains(c));
            assertEquals(c, CellType.parse(c.id()));
        }
        for (CellType c : CellType.standard()) {
            assertFalse(c.isTutorialMistake());
        }
        assertEquals(CellType.values().length, CellType.standard().size() + CellType.tutorialMistakes().size());
    }

    @Test
    void theModelFileRefusesThemAndNoCodeIsExported(@TempDir Path dir) {
        for (CellType c : CellType.tutorialMistakes()) {
            SequenceModel m = new SequenceModel(new ModelSpec(c, 1, 2, 1, 1, HeadMode.LAST, Loss.MEAN_SQUARED_ERROR));
            Path file = dir.resolve(c.id() + ".safetensors");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ModelFile.save(file, m, null, null));
            assertTrue(e.getMessage().contains("tutorial's mistake"), e.getMessage());
            assertFalse(file.toFile().exists());
            assertThrows(IllegalArgumentException.class,
                    () -> CodeExport.keras(m.spec(), TrainingConfig.kerasDefaults(), 10));
        }
    }
}
