package org.lstmlab.ui.common;

import java.util.ResourceBundle;
import java.util.function.Function;

import javafx.util.StringConverter;

/** The string converters the views' choice boxes use: display only (the boxes are not editable). */
public final class Converters {
    private Converters() {
    }

    /** Shows each value as {@code show} says; null shows as an empty string. */
    public static <T> StringConverter<T> display(Function<T, String> show) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : show.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }

    /** Shows an enum constant as the label {@code prefix + NAME} of the bundle, e.g. {@code debugger.cell.LSTM}. */
    public static <E extends Enum<E>> StringConverter<E> labels(ResourceBundle bundle, String prefix) {
        return display(e -> bundle.getString(prefix + e.name()));
    }
}
