package org.lstmlab.ui.compare;

import java.nio.file.Path;
import java.util.ResourceBundle;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.lstmlab.engine.tasks.CharLmTask;
import org.lstmlab.engine.tasks.Task;
import org.lstmlab.engine.tasks.UserData;
import org.lstmlab.ui.common.DataFileFields;
import org.lstmlab.ui.common.DataFileLoading;
import org.lstmlab.ui.common.Sentence;

/**
 * The Compare tab's own file: the same fields as the Train tab's (input columns, target, its numbers as classes,
 * window, horizon, encoding) and the same loading ({@link DataFileLoading}), so that a bad file is refused with the
 * same file, line, column and reason. A CSV file is read as a series: its one window length is what the models are
 * compared at, and every model trains on the windows of that one reading. A {@code .txt} file is a text for the
 * character model, as in the Train tab: the window field is then its sequence length in characters, and every
 * model trains on the same windows of it (one seed draws them).
 */
public final class CompareData implements DataFileLoading.Form {
    private final DataFileFields fields = new DataFileFields();
    private final ObjectProperty<Path> file = new SimpleObjectProperty<>();
    private final IntegerProperty window = new SimpleIntegerProperty(UserData.DEFAULT_WINDOW);
    private final Sentence message = new Sentence();
    private final ReadOnlyBooleanWrapper error = new ReadOnlyBooleanWrapper(false);
    private final Sentence details = new Sentence();
    private final DataFileLoading loading;
    private final BiConsumer<Path, Task> loaded;
    private final java.util.function.Function<Path, String> kept;
    private Path loadedFile;   // the file the form's task was last read from, or null
    /** Set before the window, so that its field has a text's range before it shows a text's length. */
    private final ReadOnlyBooleanWrapper text = new ReadOnlyBooleanWrapper(false);

    /**
     * @param loaded makes the file's task the form's, back on the {@code fx} executor
     * @param kept   the task the tab keeps while a file is refused, named in the bundle's language, given the file it
     *               was read from (or null)
     */
    CompareData(ResourceBundle i18n, Executor fx, BiConsumer<Path, Task> loaded,
                java.util.function.Function<Path, String> kept) {
        this.loaded = loaded;
        this.kept = kept;
        this.loading = new DataFileLoading(i18n, fx, this, "compare.message.dataFailedFields",
                "compare.message.dataFailedKept", s -> {
            error.set(false);
            message.say(s);
        }, s -> {
            error.set(true);
            message.say(s);
        }, details::say);
    }

    public DataFileFields fields() {
        return fields;
    }

    /** The file chosen (read, or refused for what it holds and kept to read again), or null for a built-in task. */
    ObjectProperty<Path> fileProperty() {
        return file;
    }

    /** The file chosen is a text for the character model: only its length and encoding apply. */
    ReadOnlyBooleanProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    /** The window in rows, or a text's length in characters: the one length a file's models are compared at. */
    IntegerProperty windowProperty() {
        return window;
    }

    ReadOnlyStringProperty messageProperty() {
        return message.textProperty();
    }

    public ReadOnlyBooleanProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    ReadOnlyStringProperty detailsProperty() {
        return details.textProperty();
    }

    /** Reads {@code f} with the fields. */
    void choose(Path f) {
        loading.choose(f);
    }

    /**
     * Reads the chosen file again with the fields as they are now (the user may have changed them since) and then
     * runs {@code start}; nothing runs when the file is refused, whose reasons then show.
     */
    void readThen(Runnable start) {
        loading.choose(file.get());
        loading.deferStart(start);
    }

    /** Back to a built-in task: no file, no message. */
    void forget() {
        file.set(null);
        loadedFile = null;
        text.set(false);
        error.set(false);
        message.say(() -> "");
        details.say(() -> "");
    }

    void relabel() {
        message.relabel();
        details.relabel();
    }

    @Override
    public UserData.Request request(Path f, boolean windowChosen) {
        boolean isText = UserData.isText(f);   // a text's length is no window in rows: the comparison's length
        return fields.request(f, isText, windowChosen && !isText ? window.get() : UserData.DEFAULT_WINDOW);
    }

    @Override
    public boolean windowChosen() {
        return file.get() != null;   // the window field shows once a file is chosen
    }

    @Override
    public Path chosen() {
        return file.get();
    }

    @Override
    public void loaded(Path f, Task task) {
        boolean again = f.equals(file.get()) && UserData.isText(f)
                && window.get() >= task.minSteps() && window.get() <= task.maxSteps();
        text.set(UserData.isText(f));
        if (!again) {   // a text read again keeps the length the user chose
            window.set(task.defaultSteps());
        }
        loaded.accept(f, task);
        file.set(f);
        loadedFile = f;
    }

    @Override
    public void notLoaded() {
        if (file.get() != null && !file.get().equals(loadedFile)) {   // Start compares the task kept, as said
            file.set(loadedFile);
            text.set(loadedFile != null && UserData.isText(loadedFile));
        }
    }

    @Override
    public String kept() {
        return kept.apply(loadedFile);
    }

    @Override
    public void refused(Path f) {
        text.set(UserData.isText(f));
        if (text.get() && (window.get() < CharLmTask.MIN_STEPS || window.get() > CharLmTask.MAX_STEPS)) {
            window.set(CharLmTask.DEFAULT_STEPS);   // a CSV file's window is no text's length
        }
        file.set(f);
    }
}
