package org.lstmlab.ui.debugger;

import java.util.ResourceBundle;
import java.util.function.Supplier;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.lstmlab.engine.trace.Direction;
import org.lstmlab.engine.trace.Equation;
import org.lstmlab.engine.trace.Trace;
import org.lstmlab.ui.common.I18n;
import org.lstmlab.ui.common.Sentence;

/**
 * Where the cursor stands and which unit is followed, as text: the position line above the equations, the
 * "t =" and "Follow unit" fields (which follow the cursor and parse what the user types) and their messages.
 */
public final class CursorFields {
    private final ResourceBundle i18n;
    private final Stepper stepper;
    private final Supplier<Trace> trace;
    private final IntegerProperty unit = new SimpleIntegerProperty(0);
    private final ReadOnlyStringWrapper position = new ReadOnlyStringWrapper("");
    private final StringProperty jumpText = new SimpleStringProperty("");
    private final StringProperty unitText = new SimpleStringProperty("0");
    private final Sentence jumpError = new Sentence();
    private final Sentence unitError = new Sentence();

    CursorFields(ResourceBundle i18n, Stepper stepper, Supplier<Trace> trace) {
        this.i18n = i18n;
        this.stepper = stepper;
        this.trace = trace;
    }

    /** The followed unit (0-based). */
    public IntegerProperty unitProperty() {
        return unit;
    }

    /** "Forward  t = 5 of 20, layer 0: forget gate": where the cursor stands, above the equations. */
    public ReadOnlyStringProperty positionProperty() {
        return position.getReadOnlyProperty();
    }

    /** The text of the "t =" field: follows the cursor; {@link #jumpTo(String)} reads what the user typed. */
    public StringProperty jumpTextProperty() {
        return jumpText;
    }

    /** The text of the "Follow unit" field: follows the unit; {@link #followUnit(String)} reads it. */
    public StringProperty unitTextProperty() {
        return unitText;
    }

    public ReadOnlyStringProperty jumpErrorProperty() {
        return jumpError.textProperty();
    }

    public ReadOnlyStringProperty unitErrorProperty() {
        return unitError.textProperty();
    }

    /** Shows the cursor (called when it or the unit moves). */
    void update(Trace tr, Cursor c, Equation eq) {
        position.set(I18n.format(i18n, c.direction() == Direction.FORWARD ? "debugger.position.forward"
                : "debugger.position.backward", c.t() + 1, tr.steps(), c.layer(),
                i18n.getString("debugger.eq." + eq.id())));
        jumpText.set(Integer.toString(c.t() + 1));
        unitText.set(Integer.toString(unit.get()));
    }

    /** A new trace may have fewer units: the followed one is kept within it. */
    void fit(Trace tr) {
        if (unit.get() >= tr.hiddenSize()) {
            unit.set(tr.hiddenSize() - 1);
        }
    }

    String jumpTo(String text) {
        Supplier<String> why = stepper.jump(text == null ? "" : text);
        jumpError.say(why == null ? () -> "" : why);
        return why == null ? null : jumpError.get();
    }

    /** After View ▸ Language: the fields' messages again, in the bundle's language now. */
    void relabel() {
        jumpError.relabel();
        unitError.relabel();
    }

    private void sayUnit(Supplier<String> why) {
        unitError.say(why);
    }

    String followUnit(String text) {
        String s = text == null ? "" : text.strip();
        Trace tr = trace.get();
        Supplier<String> why = null;
        try {
            int u = Integer.parseInt(s);
            if (tr != null && (u < 0 || u >= tr.hiddenSize())) {
                int last = tr.hiddenSize() - 1;
                why = () -> I18n.format(i18n, "debugger.error.range", 0, last);
            } else {
                followUnit(u);
            }
        } catch (NumberFormatException e) {
            why = () -> I18n.format(i18n, "debugger.error.notInteger", s);
        }
        sayUnit(why == null ? () -> "" : why);
        return why == null ? null : unitError.get();
    }

    void followUnit(int u) {
        Trace tr = trace.get();
        if (tr != null) {
            unit.set(Math.max(0, Math.min(tr.hiddenSize() - 1, u)));
            sayUnit(() -> "");
        }
    }

    void moveUnit(int delta) {
        Trace tr = trace.get();
        if (tr != null) {
            followUnit(Math.floorMod(unit.get() + delta, tr.hiddenSize()));
        }
    }
}
