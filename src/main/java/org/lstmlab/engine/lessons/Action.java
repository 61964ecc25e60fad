package org.lstmlab.engine.lessons;

import java.util.List;

import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.trace.Direction;

/**
 * What a step does to the app: the same action runs headlessly on a {@link Workbench} (for the verifier and to fill
 * the numbers) and, in the Learn tab, on the debugger. Every action records its line in the lesson file.
 */
public sealed interface Action {
    int line();

    /**
     * The debugger's set-up form; null fields keep their value. Weights: {@code torch} or {@code keras} (seeded
     * initialisation), {@code latch} or {@code counter} (hand-built, which fix D = 1, H and one layer, as the
     * debugger does). Input: {@code sine}, {@code counting}, {@code word}. Loss: {@code last-step} (L = Σ h_T) or
     * {@code every-step} (L = Σ_t Σ h_t).
     */
    record Setup(int line, CellType cell, Integer steps, Integer inputSize, Integer hiddenSize, String weights,
                 Long seed, String input, String word, String loss) implements Action {
    }

    /** Sets one weight, e.g. {@code b_if} row 0 column 0, as the debugger's weight editor does. */
    record SetWeight(int line, String name, int row, int col, double value) implements Action {
    }

    /** Sets x_t[d] (t counted from 1), as the debugger's input table does. */
    record SetInput(int line, int t, int d, double value) implements Action {
    }

    /** Runs forward from the start until the condition first holds after a step; the cursor stops there. */
    record Breakpoint(int line, String condition) implements Action {
    }

    /** Moves the cursor to timestep t (counted from 1). */
    record Jump(int line, int t) implements Action {
    }

    /** Forward or backward mode. */
    record Mode(int line, Direction direction) implements Action {
    }

    /** Puts a second cell beside the first (same weights when the layouts match), or removes it (null). */
    record Beside(int line, CellType cell) implements Action {
    }

    /**
     * A small training run (one cell) or comparison (several), stored under {@code name}. The numbers it defines
     * are listed in {@link TrainingRuns}.
     */
    record Train(int line, String name, List<CellType> cells, boolean comparison, TrainingRuns.Spec spec)
            implements Action {
        public Train {
            cells = List.copyOf(cells);
        }
    }

    /** Opens the model of run {@code name} in the debugger with its first validation sequence. */
    record OpenTrained(int line, String name) implements Action {
    }

    /**
     * Sets the Train tab's form to run {@code name}'s settings (task, cell, length, size, epochs, optimizer,
     * learning rate, batch, clipping, seed) and shows the tab, for the student to press Start; nothing headless.
     * {@code show} is the part of the tab brought into view (the step's {@code show}; the settings unless it says).
     */
    record TrainTab(int line, String name, CellType cell, TrainingRuns.Spec spec, TrainTabPart show)
            implements Action {
        /** The same action, bringing {@code part} into view. */
        public TrainTab showing(TrainTabPart part) {
            return new TrainTab(line, name, cell, spec, part);
        }
    }
}
