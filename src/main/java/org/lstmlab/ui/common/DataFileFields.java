package org.lstmlab.ui.common;

import java.nio.file.Path;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.lstmlab.engine.data.TargetKind;
import org.lstmlab.engine.tasks.UserData;

/**
 * How to read the user's CSV file, as the Train and Compare tabs' fields say it: input columns, target column,
 * whether the target's numbers are classes, horizon and encoding (the window is each tab's length field).
 */
public final class DataFileFields {
    private final StringProperty columns = new SimpleStringProperty("");
    private final StringProperty target = new SimpleStringProperty("");
    private final IntegerProperty horizon = new SimpleIntegerProperty(1);
    private final BooleanProperty classes = new SimpleBooleanProperty(false);
    private final StringProperty encoding = new SimpleStringProperty("");

    /** The encodings the Encoding box offers; "" is "detect". */
    public static java.util.List<String> encodings() {
        return java.util.List.of("", "UTF-8", "UTF-16LE", "UTF-16BE", "GBK", "GB18030");
    }

    /** Input columns, by name or 1-based number, comma-separated; blank for every numeric column. */
    public StringProperty columnsProperty() {
        return columns;
    }

    /** The column to forecast or classify; blank for the last input column. */
    public StringProperty targetProperty() {
        return target;
    }

    /** Rows after the window that are forecast. */
    public IntegerProperty horizonProperty() {
        return horizon;
    }

    /** The target's numbers are class labels ({@link TargetKind#CLASS}); text is, ticked or not. */
    public BooleanProperty classesProperty() {
        return classes;
    }

    /** The file's encoding by name; blank to detect it. */
    public StringProperty encodingProperty() {
        return encoding;
    }

    /**
     * The file as the fields describe it, windows of {@code window} rows; read as text for the character model
     * when {@code text}; a class target's horizon is 1 (each window is named by its own last row). An encoding that
     * does not exist is refused here, in the user's language.
     */
    public UserData.Request request(Path file, boolean text, int window) {
        return new UserData.Request(file, text, UserData.split(columns.get()), UserData.split(target.get()), window,
                classes.get() ? 1 : horizon.get(), 0.2, UserData.charset(encoding.get()),
                classes.get() ? TargetKind.CLASS : TargetKind.AUTO);
    }

    /**
     * Whether the horizon applies to the file of task {@code t} (the Train and Compare tabs show its spinner), or the
     * row says it does not: a target of classes, one read so or one the user says is ({@code classesTicked}), names
     * each window by its own last row ({@code training.data.horizon.classes} says why).
     */
    public static boolean horizonApplies(org.lstmlab.engine.tasks.Task t, boolean classesTicked) {
        return !classesTicked && !(t instanceof org.lstmlab.engine.tasks.SeriesTask s && s.classes() != null);
    }

    /** Shows what {@code data} was read with (an opened run's file). */
    public void show(UserData.Request data) {
        columns.set(String.join(", ", data.columns()));
        target.set(String.join(", ", data.targets()));
        horizon.set(data.horizon());
        classes.set(data.kind() == TargetKind.CLASS);
        encoding.set(data.charset() == null ? "" : data.charset().name());
    }
}
