package org.lstmlab.ui.common;

import javafx.beans.property.IntegerProperty;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;

/** Binds an integer spinner to a view model's property, both ways, within a range. */
public final class Spinners {
    private Spinners() {
    }

    /**
     * The spinner shows {@code property} (clamped to lo..hi) and sets it when the user changes the spinner.
     *
     * @param step how far one click of an arrow goes
     */
    public static void bind(Spinner<Integer> spinner, int lo, int hi, int step, IntegerProperty property) {
        SpinnerValueFactory.IntegerSpinnerValueFactory factory = new SpinnerValueFactory.IntegerSpinnerValueFactory(
                lo, hi, clamp(property.get(), lo, hi), step);
        spinner.setValueFactory(factory);
        factory.valueProperty().addListener((o, a, b) -> property.set(b));
        property.addListener((o, a, b) -> factory.setValue(clamp(b.intValue(), lo, hi)));
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
