package org.lstmlab.ui.common;

import javafx.beans.property.IntegerProperty;
import javafx.beans.value.ChangeListener;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;

/**
 * Keeps an integer spinner and a form's property equal both ways, clamped to the spinner's range. Text typed into
 * an editable spinner is taken when the spinner loses the focus, not only on Enter, so nothing typed is lost.
 */
public final class SpinnerBinding {
    private SpinnerBinding() {
    }

    /** Binds with a step of 1; returns what undoes the binding (for a spinner whose range changes). */
    public static Runnable bind(Spinner<Integer> spinner, int lo, int hi, IntegerProperty value) {
        return bind(spinner, lo, hi, 1, value);
    }

    /**
     * Gives {@code spinner} a factory from {@code lo} to {@code hi} by {@code step}, starting at the property's value
     * (clamped), and keeps the two equal; returns what undoes the binding.
     */
    public static Runnable bind(Spinner<Integer> spinner, int lo, int hi, int step, IntegerProperty value) {
        SpinnerValueFactory.IntegerSpinnerValueFactory factory = new SpinnerValueFactory.IntegerSpinnerValueFactory(
                lo, hi, clamp(value.get(), lo, hi), step);
        spinner.setValueFactory(factory);
        ChangeListener<Integer> toModel = (o, a, b) -> {
            if (b != null) {
                value.set(b);
            }
        };
        ChangeListener<Number> toSpinner = (o, a, b) -> factory.setValue(clamp(b.intValue(), lo, hi));
        ChangeListener<Boolean> commitOnBlur = (o, was, focused) -> {
            if (!focused && spinner.isEditable()) {
                commit(spinner, factory);
            }
        };
        factory.valueProperty().addListener(toModel);
        value.addListener(toSpinner);
        spinner.focusedProperty().addListener(commitOnBlur);
        return () -> {
            factory.valueProperty().removeListener(toModel);
            value.removeListener(toSpinner);
            spinner.focusedProperty().removeListener(commitOnBlur);
        };
    }

    /** Takes the editor's text if it is a whole number (clamped), else puts the value back into the editor. */
    static void commit(Spinner<Integer> spinner, SpinnerValueFactory.IntegerSpinnerValueFactory factory) {
        String text = spinner.getEditor().getText();
        try {
            factory.setValue(clamp(Integer.parseInt(text.strip()), factory.getMin(), factory.getMax()));
        } catch (NumberFormatException e) {
            // not a number: show the value that holds
        }
        spinner.getEditor().setText(Integer.toString(factory.getValue()));
    }

    static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
