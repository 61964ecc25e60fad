package org.lstmlab.engine.tasks;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.lstmlab.engine.bounds.InputFiles;
import org.lstmlab.engine.data.CsvSeries;
import org.lstmlab.engine.data.TargetKind;
import org.lstmlab.engine.data.TextFiles;
import org.lstmlab.engine.text.Refusal;

/**
 * The user's own file as a task, the one way the command line and the Train tab both make it: a {@code .txt} file
 * (or any file with the task {@code charlm}) becomes a character model, anything else a CSV time series to
 * forecast, or to classify window by window when its target holds class labels.
 */
public final class UserData {
    /** The window length a CSV series gets when none is given. */
    public static final int DEFAULT_WINDOW = 24;
    /** The longest window and the farthest horizon, in rows. */
    public static final int MAX_WINDOW = 1000;
    public static final int MAX_HORIZON = 1000;

    private UserData() {
    }

    /**
     * What to read.
     *
     * @param file            the file
     * @param charLm          read it as text for the character model (else as a CSV series)
     * @param columns         CSV input columns, by name or 1-based number; empty for all
     * @param targets         CSV columns to forecast; empty for the last input column
     * @param window          CSV window length in rows (the sequence length)
     * @param horizon         CSV: forecast this many rows after the window
     * @param validationSplit CSV: the last fraction of windows kept for validation
     * @param charset         the file's encoding, or null to detect it
     * @param kind            CSV: whether the target is a value to forecast or a class label ({@link TargetKind})
     */
    public record Request(Path file, boolean charLm, List<String> columns, List<String> targets, int window,
                          int horizon, double validationSplit, Charset charset, TargetKind kind) {
        public Request {
            kind = kind == null ? TargetKind.AUTO : kind;
            columns = List.copyOf(columns);
            targets = List.copyOf(targets);
            if (window < 1 || window > MAX_WINDOW) {
                throw Refusal.of("engine.data.window", Integer.toString(MAX_WINDOW), Integer.toString(window));
            }
            if (horizon < 1 || horizon > MAX_HORIZON) {
                throw Refusal.of("engine.data.horizon", Integer.toString(MAX_HORIZON), Integer.toString(horizon));
            }
            if (!(validationSplit >= 0 && validationSplit < 1)) {
                throw Refusal.of("engine.data.split", Double.toString(validationSplit));
            }
        }

        /** A request whose CSV target is a class label when it holds text ({@link TargetKind#AUTO}). */
        public Request(Path file, boolean charLm, List<String> columns, List<String> targets, int window,
                       int horizon, double validationSplit, Charset charset) {
            this(file, charLm, columns, targets, window, horizon, validationSplit, charset, TargetKind.AUTO);
        }

        /** A CSV series, or a text file when its name ends in {@code .txt}, with every other setting default. */
        public static Request of(Path file) {
            return new Request(file, isText(file), List.of(), List.of(), DEFAULT_WINDOW, 1, 0.2, null);
        }
    }

    /** A task made from a file, with the encoding it was read in and whether that was detected. */
    public record Loaded(Task task, Charset charset, boolean detected) {
    }

    /** True for a file the character model reads (its name ends in {@code .txt}). */
    public static boolean isText(Path file) {
        Path name = file.getFileName();
        return name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(".txt");
    }

    /** Reads the file into a task (it may take a while: call it off the UI thread). */
    public static Loaded read(Request r) throws IOException {
        InputFiles.requireRegular(r.file()); // before anything else: a folder, device or FIFO is never opened
        if (r.charLm()) {
            TextFiles.Text t = TextFiles.read(r.file(), r.charset());
            return new Loaded(new CharLmTask(t.text(), String.valueOf(r.file().getFileName())), t.charset(),
                    r.charset() == null);
        }
        CsvSeries.Loaded c = CsvSeries.load(r.file(), new CsvSeries.Options(r.columns(), r.targets(), r.window(),
                r.horizon(), r.validationSplit(), r.charset(), r.kind()));
        return new Loaded(new SeriesTask(c), c.charset(), r.charset() == null);
    }

    /** What a checkpoint records so that {@link #fromRecord} reads the same file the same way again. */
    public static Map<String, String> record(Request r) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("data_file", r.file().toAbsolutePath().toString());
        m.put("data_kind", r.charLm() ? "text" : "csv");
        m.put("columns", String.join(",", r.columns()));
        m.put("target", String.join(",", r.targets()));
        m.put("window", Integer.toString(r.window()));
        m.put("horizon", Integer.toString(r.horizon()));
        m.put("data_val_split", Double.toString(r.validationSplit()));
        m.put("encoding", r.charset() == null ? "" : r.charset().name());
        m.put("target_kind", r.kind().key());
        return m;
    }

    /** The request a checkpoint recorded (see {@link #record}); older checkpoints kept the window as seq_len. */
    public static Request fromRecord(Map<String, String> run) {
        Path file = Path.of(run.get("data_file"));
        String kind = run.get("data_kind");
        boolean text = kind == null ? isText(file) : kind.equals("text");
        int window = integer(run, "window", integer(run, "seq_len", DEFAULT_WINDOW));
        return new Request(file, text, split(run.getOrDefault("columns", "")), split(run.getOrDefault("target", "")),
                window > 0 ? window : DEFAULT_WINDOW, integer(run, "horizon", 1),
                fraction(run, "data_val_split", 0.2), charset(run.get("encoding")),
                TargetKind.parse(run.get("target_kind")));
    }

    /** The whole number a checkpoint recorded under {@code key}, {@code otherwise} when it recorded none. */
    public static int integer(Map<String, String> run, String key, int otherwise) {
        String v = run.get(key);
        if (v == null || v.isBlank()) {
            return otherwise;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw Refusal.of("engine.checkpoint.notWhole", key, v);
        }
    }

    /** The number a checkpoint recorded under {@code key}, {@code otherwise} when it recorded none. */
    public static double fraction(Map<String, String> run, String key, double otherwise) {
        String v = run.get(key);
        if (v == null || v.isBlank()) {
            return otherwise;
        }
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw Refusal.of("engine.checkpoint.notNumber", key, v);
        }
    }

    /** A comma-separated list of column names or numbers, blanks dropped. */
    public static List<String> split(String s) {
        return s == null || s.isBlank() ? List.of()
                : Arrays.stream(s.split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList();
    }

    /** The encoding called {@code name}; null or blank for "detect". */
    public static Charset charset(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return Charset.forName(name.trim());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw Refusal.of("engine.data.encoding", name.trim());
        }
    }
}
