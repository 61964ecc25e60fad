package org.lstmlab.ui.common;

import java.util.ResourceBundle;
import java.util.function.Function;

import javafx.util.StringConverter;

/** The string converters the views' combo boxes use: they show a value, and nobody types one in. */
public final class Converters {
    private Converters() {
    }

    /** Shows a value as {@code text} says (null shows as nothing); typed text is not read back. */
    public static <T> StringConverter<T> display(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : text.apply(value);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }

    /** Shows an enum constant as the label {@code prefix + constant.name()}, e.g. {@code debugger.cell.LSTM}. */
    public static <T extends Enum<T>> StringConverter<T> labels(ResourceBundle i18n, String prefix) {
        return display(e -> i18n.getString(prefix + e.name()));
    }
}
