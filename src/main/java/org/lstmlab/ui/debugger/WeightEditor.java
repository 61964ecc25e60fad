package org.lstmlab.ui.debugger;

import java.util.ResourceBundle;
import java.util.function.Supplier;

import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.lstmlab.ui.common.Sentence;

/**
 * The weight editor's fields as the user types them (name, layer, row, column, new value) and their parsing: a
 * weight picked in the equation fills them in, Apply hands the parsed address and value to the view model, and a
 * bad field gets a message instead.
 */
public final class WeightEditor {

    /** Sets one weight; returns how the message to show is written, or null when it was applied. */
    @FunctionalInterface
    interface Target {
        Supplier<String> set(int layer, String name, int row, int col, String value);
    }

    private final ResourceBundle i18n;
    private final Target target;
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty layer = new SimpleStringProperty("0");
    private final StringProperty row = new SimpleStringProperty("0");
    private final StringProperty col = new SimpleStringProperty("0");
    private final StringProperty value = new SimpleStringProperty("");
    private final Sentence error = new Sentence();
    private final ReadOnlyIntegerWrapper picks = new ReadOnlyIntegerWrapper(0);

    WeightEditor(ResourceBundle i18n, Target target) {
        this.i18n = i18n;
        this.target = target;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty layerProperty() {
        return layer;
    }

    public StringProperty rowProperty() {
        return row;
    }

    public StringProperty colProperty() {
        return col;
    }

    public StringProperty valueProperty() {
        return value;
    }

    /** The message under the editor; empty when the last apply worked. */
    public ReadOnlyStringProperty errorProperty() {
        return error.textProperty();
    }

    /** Counts the weights picked: the view opens the editor and puts the caret in the value field each time. */
    public ReadOnlyIntegerProperty picksProperty() {
        return picks.getReadOnlyProperty();
    }

    /** Fills the fields with one weight (clicked in the equation) and its current value. */
    public void pick(String weight, int layerIndex, int r, int c, double current) {
        name.set(weight);
        layer.set(Integer.toString(layerIndex));
        row.set(Integer.toString(r));
        col.set(Integer.toString(c));
        value.set(Numbers.format(current));
        error.say(() -> "");
        picks.set(picks.get() + 1);
    }

    /** Parses the fields and sets the weight; returns (and shows) the message, or null when it was applied. */
    public String apply() {
        int l;
        int r;
        int c;
        try {
            l = Integer.parseInt(layer.get().strip());
            r = Integer.parseInt(row.get().strip());
            c = Integer.parseInt(col.get().strip());
        } catch (NumberFormatException e) {
            error.say(() -> i18n.getString("debugger.error.weightAddress"));
            return error.get();
        }
        Supplier<String> msg = target.set(l, name.get() == null ? "" : name.get().strip(), r, c, value.get());
        error.say(msg == null ? () -> "" : msg);
        return msg == null ? null : error.get();
    }

    /** After View ▸ Language: the message under the editor again, in the bundle's language now. */
    void relabel() {
        error.relabel();
    }
}
