package org.lstmlab.ui.common;

import javafx.beans.property.IntegerProperty;
import javafx.beans.value.ChangeListener;
import javafx.event.ActionEvent;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.util.StringConverter;

/**
 * Keeps an integer spinner and a form's property equal both ways, clamped to the spinner's range. Text typed into
 * an editable spinner is taken when the spinner loses the focus, not only on Enter, so nothing typed is lost; text
 * that is no whole number (empty, {@code abc}, {@code 1e309}, {@code 五十}) puts the value back instead of
 * throwing, and a number beyond the range is clamped to it.
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
        forgiving(spinner, factory);
        ChangeListener<Integer> toModel = (o, a, b) -> {
            if (b != null) {
                value.set(b);
            }
        };
        ChangeListener<Number> toSpinner = (o, a, b) -> factory.setValue(clamp(b.intValue(), lo, hi));
        factory.valueProperty().addListener(toModel);
        value.addListener(toSpinner);
        return () -> {
            factory.valueProperty().removeListener(toModel);
            value.removeListener(toSpinner);
        };
    }

    /**
     * Gives {@code spinner} the factory with a converter that never fails: the spinner commits its text on Enter and
     * when it loses the focus, and the stock converter threw on anything but a whole number (and an empty text set
     * the value to null). Enter and leaving the box put the value that holds back into the editor.
     */
    public static void forgiving(Spinner<Integer> spinner, SpinnerValueFactory.IntegerSpinnerValueFactory factory) {
        factory.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer v) {
                return v == null ? "" : Integer.toString(v);
            }

            @Override
            public Integer fromString(String text) {
                Integer v = parse(text, factory.getMin(), factory.getMax());
                return v == null ? factory.getValue() : v;
            }
        });
        spinner.setValueFactory(factory);
        if (Boolean.TRUE.equals(spinner.getProperties().put(SpinnerBinding.class, Boolean.TRUE))) {
            return;  // the handlers below act on whichever factory the spinner has
        }
        // runs before the spinner's own handler, which commits the text again: the same value, no change
        spinner.getEditor().addEventHandler(ActionEvent.ACTION, e -> commit(spinner));
        spinner.focusedProperty().addListener((o, was, focused) -> {
            if (!focused) {
                commit(spinner);
            }
        });
    }

    /** Takes the editor's text if it is a whole number (clamped), and shows the value that holds in the editor. */
    private static void commit(Spinner<Integer> spinner) {
        if (!spinner.isEditable()) {
            return;
        }
        spinner.commitValue();
        if (spinner.getValue() != null) {
            spinner.getEditor().setText(Integer.toString(spinner.getValue()));
        }
    }

    /**
     * A whole number as typed, clamped to {@code lo..hi} (one too large for an int too), or null: surrounding
     * spaces, full-width digits ({@code ５０}) and the minus signs {@code −} and {@code －} are accepted.
     */
    static Integer parse(String text, int lo, int hi) {
        String t = text == null ? "" : TypedNumber.plain(text);
        if (!t.matches("[+-]?\\p{Nd}+")) {
            return null;
        }
        try {
            return clamp(Integer.parseInt(t), lo, hi);
        } catch (NumberFormatException e) {
            return t.startsWith("-") ? lo : hi;  // digits only, so too long for an int
        }
    }

    static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
