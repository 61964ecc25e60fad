package org.lstmlab.ui.common;

import java.nio.file.Path;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.lstmlab.engine.data.DataFileException;
import org.lstmlab.engine.tasks.Task;
import org.lstmlab.engine.tasks.UserData;
import org.lstmlab.engine.text.Message;

/**
 * A tab's own data, the Train tab's and the Compare tab's: reads the user's file on a worker (for the Train tab a
 * .txt file becomes a character model; anything else is a CSV series with the form's columns, target, window and
 * horizon) and, back on the FX executor, makes it the form's task, or says in the tab's message why it could not
 * (file, line, column and reason, with every problem found in the details). Start pressed while a file is read
 * waits for it ({@link #deferStart}). A file refused for what it holds stays chosen, its data fields on show and as
 * the user set them, and Start reads it again with them.
 */
public final class DataFileLoading {
    /** The tab's form, as the loading sees it. */
    public interface Form {
        /**
         * The file as the form's fields describe it; {@code windowChosen}: with the form's window, else the
         * default one. May refuse a field (an IllegalArgumentException in the user's language).
         */
        UserData.Request request(Path file, boolean windowChosen);

        /** The form's window field was on show, so its value is the user's (a CSV file was read before). */
        boolean windowChosen();

        /** The file chosen, or null. */
        Path chosen();

        /** Makes the file's task the form's (the last run's results no longer apply). */
        void loaded(Path file, Task task);

        /** Keeps the file chosen after it was refused for what it holds: its fields stay on show. */
        void refused(Path file);

        /**
         * The file was not loaded and stays no choice of the form's: no field can mend it (a workbook, an empty file),
         * or a field was refused before it was read. The form keeps its task, for Start to train.
         */
        default void notLoaded() {
        }

        /**
         * The task the form keeps while a file is refused, as {2} of the refusal's message, in the bundle's language
         * when asked (again after View ▸ Language); "" when the message does not name it.
         */
        default String kept() {
            return "";
        }
    }

    private final ResourceBundle i18n;
    private final Executor fx;
    private final Form form;
    private final String failedFieldsKey;
    private final String failedKey;
    private final Consumer<Supplier<String>> info;
    private final Consumer<Supplier<String>> error;
    private final Consumer<Supplier<String>> details;
    private int reading;            // files chosen and not read yet (FX executor only)
    private Runnable startWhenRead;  // Start pressed meanwhile, or null
    private Path refused;            // the file last refused for what it holds, while it is the form's, or null
    private Noted noted;             // the notes on the file last read and the request it was read with, or null

    /**
     * @param failedFieldsKey the bundle key of "Cannot use {0}: {1}. Change the fields …", which names the tab's
     *                        own fields and button
     * @param failedKey       the bundle key of "Cannot use {0}: {1}" for a file no field can mend (a workbook, an
     *                        empty file); both messages may name, as {2}, the task the form keeps ({@link Form#kept})
     * @param info            shows news ("Loading …", "Loaded …")
     * @param error           shows a problem
     * @param details         shows every problem found, or clears them
     */
    public DataFileLoading(ResourceBundle i18n, Executor fx, Form form, String failedFieldsKey, String failedKey,
                           Consumer<Supplier<String>> info, Consumer<Supplier<String>> error,
                           Consumer<Supplier<String>> details) {
        this.i18n = i18n;
        this.fx = fx;
        this.form = form;
        this.failedFieldsKey = failedFieldsKey;
        this.failedKey = failedKey;
        this.info = info;
        this.error = error;
        this.details = details;
    }

    /** Reads {@code file} with the form's fields. */
    public void choose(Path file) {
        refused = null;
        noted = null;
        info.accept(() -> I18n.format(i18n, "training.message.loading", file.getFileName()));
        details.accept(() -> "");
        UserData.Request request;
        boolean windowChosen = form.windowChosen();
        try {
            request = form.request(file, windowChosen);
        } catch (IllegalArgumentException e) {
            error.accept(() -> I18n.format(i18n, failedKey, file.getFileName(), I18n.explain(i18n, e), form.kept()));
            form.notLoaded();
            return;
        }
        reading++;
        TrainingThreads.files().execute(() -> {
            try {
                Fit fit = read(request, windowChosen);
                UserData.Loaded read = fit.read();
                Task t = read.task();
                FileNotes notes = FileNotes.of(t);
                fx.execute(() -> {
                    reading--;
                    form.loaded(file, t);
                    Supplier<String> news = () -> I18n.format(i18n, read.detected()
                            ? "training.message.loadedDetected" : "training.message.loaded", file.getFileName(),
                            TaskTexts.description(i18n, t), read.charset().name());
                    info.accept(() -> withNotes(news.get(), fit.rows() == 0 ? List.of()
                            : List.of(I18n.format(i18n, "training.message.windowFitted", t.defaultSteps(),
                                    request.window(), fit.rows())), notes.in(i18n)));
                    noted = new Noted(fit.request(), file, notes);
                    if (reading == 0 && startWhenRead != null) {
                        Runnable start = startWhenRead;
                        startWhenRead = null;
                        start.run();
                    }
                });
            } catch (Exception e) {
                fx.execute(() -> {
                    reading--;
                    startWhenRead = null;   // the run the user asked for cannot be made: the problem stays on show
                    // its fields may mend it (they show), unless the file itself must change (a workbook, empty)
                    boolean again = e instanceof DataFileException d && !d.wholeFile();
                    error.accept(() -> I18n.format(i18n, again ? failedFieldsKey : failedKey, file.getFileName(),
                            unnamed(I18n.explain(i18n, e), file), form.kept()));
                    details.accept(() -> ProblemList.of(i18n, e));
                    if (again) {
                        refused = file;
                        form.refused(file);
                    } else {
                        form.notLoaded();
                    }
                });
            }
        });
    }

    /**
     * The notes on the file last read (a row number or a clock among the inputs, a target of 0 and 1), in brief,
     * written in the bundle's language when asked (again after View ▸ Language), for a run on {@code data}: they
     * stay in the tab's message once Start is pressed, so that the student still sees why a column should be left
     * out while the model trains. Null when the file needs no notes, or when {@code data} reads other columns of it
     * than the file was read with (the user changed Input columns, the target, the tick for classes or the encoding
     * since: the run reads the file again, and what was noted may no longer hold). A window or a horizon changed
     * since keeps them: a column that rises by the same step every row does so in windows of any length, and the
     * target's values are the same.
     */
    public Supplier<String> notesFor(UserData.Request data) {
        Noted n = noted;
        if (n == null || data == null || !sameColumns(n.request(), data) || n.notes().brief(i18n).isEmpty()) {
            return null;
        }
        return () -> {
            List<String> all = n.notes().brief(i18n);
            String said = I18n.format(i18n, "training.message.fileNote", n.file().getFileName(), all.get(0));
            return withNotes(said, all.subList(1, all.size()), List.of());
        };
    }

    /** Whether {@code a} and {@code b} read the same columns of the same file, as the same kind of target. */
    private static boolean sameColumns(UserData.Request a, UserData.Request b) {
        return a.file().equals(b.file()) && a.charLm() == b.charLm() && a.columns().equals(b.columns())
                && a.targets().equals(b.targets()) && a.kind() == b.kind()
                && java.util.Objects.equals(a.charset(), b.charset());
    }

    /** The notes on a file read with {@code request}. */
    private record Noted(UserData.Request request, Path file, FileNotes notes) {
    }

    /** {@code news}, then each note of {@code first} and {@code then}, in the bundle's language. */
    private String withNotes(String news, List<String> first, List<String> then) {
        String said = news;
        for (List<String> notes : List.of(first, then)) {
            for (String note : notes) {
                said = I18n.format(i18n, "training.message.withNote", said, note);
            }
        }
        return said;
    }

    /** {@code reason} without the file's path or name in front, which the message says already. */
    private static String unnamed(String reason, Path file) {
        for (String name : new String[] {file.toString(), String.valueOf(file.getFileName())}) {
            for (String colon : new String[] {": ", "\uff1a"}) {
                if (reason.startsWith(name + colon)) {
                    return reason.substring(name.length() + colon.length());
                }
            }
        }
        return reason;
    }

    /**
     * A file read, the request it was read with, and its data rows when the window was shortened to fit them (else
     * 0).
     */
    private record Fit(UserData.Loaded read, UserData.Request request, int rows) {
    }

    /**
     * Reads the file. A CSV series too short for the default window, which the user could not change (the field
     * shows once a CSV file is read), is read again with one that fits: half its rows (less the horizon) or
     * fewer, so that a few windows are left to train and validate on.
     */
    private static Fit read(UserData.Request r, boolean windowChosen) throws java.io.IOException {
        try {
            return new Fit(UserData.read(r), r, 0);
        } catch (DataFileException e) {
            Message why = e.problems().get(0).why();
            if (windowChosen || r.charLm() || e.problems().size() != 1
                    || !why.key().startsWith("engine.data.tooFewRows")) {
                throw e;
            }
            int rows = Integer.parseInt(String.valueOf(why.args().get(0)));
            int window = Math.max(1, Math.min(r.window(), (rows - r.horizon() + 1) / 2));
            if (window == r.window()) {
                throw e;
            }
            UserData.Request fitted = new UserData.Request(r.file(), false, r.columns(), r.targets(), window,
                    r.horizon(), r.validationSplit(), r.charset(), r.kind());
            return new Fit(UserData.read(fitted), fitted, rows);
        }
    }

    /**
     * While a chosen file is still being read, keeps {@code start} to run once it has been read (and drops it when
     * the file is refused) and returns true: a run pressed for meanwhile trains on that file, not the form's last
     * task. A file refused before, still the form's, is read again first with the form's fields. Returns false when
     * no file is being read.
     */
    public boolean deferStart(Runnable start) {
        if (reading == 0 && refused != null && refused.equals(form.chosen())) {
            choose(refused);   // read again with the fields the student changed since
        }
        if (reading == 0) {
            return false;
        }
        startWhenRead = start;
        return true;
    }
}
