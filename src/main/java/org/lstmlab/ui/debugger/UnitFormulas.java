package org.lstmlab.ui.debugger;

import java.util.List;

import org.lstmlab.engine.trace.EquationCatalogue;

/**
 * Each catalogue equation written for one unit {@code #} with its values as {@code {symbol}} placeholders. The
 * formulas live in the catalogue beside the equations they restate ({@link
 * org.lstmlab.engine.trace.Equation#unitForm()}); this class only looks them up.
 */
final class UnitFormulas {
    private UnitFormulas() {
    }

    /** The unit formulas of an equation id; empty if there are none. */
    static List<String> of(String id) {
        return EquationCatalogue.unitForm(id);
    }
}
