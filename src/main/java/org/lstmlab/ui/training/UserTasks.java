package org.lstmlab.ui.training;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.lstmlab.engine.data.CsvSeries;
import org.lstmlab.engine.data.TextFiles;
import org.lstmlab.engine.tasks.CharLmTask;
import org.lstmlab.engine.tasks.SeriesTask;
import org.lstmlab.engine.tasks.Task;

/** The user's file as a task: a text file for the character model, a CSV file as a series to forecast. */
final class UserTasks {
    /** What to read, copied from the form on the FX thread. */
    record Request(Path file, List<String> columns, List<String> targets, int window, int horizon, Charset charset) {
    }

    private UserTasks() {
    }

    static Request request(Path file, TrainingForm form) {
        return new Request(file, split(form.columns.get()), split(form.target.get()),
                form.steps.get() > 0 ? form.steps.get() : 24, Math.max(1, form.horizon.get()),
                charset(form.encoding.get()));
    }

    static boolean isText(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".txt");
    }

    /** A task made from a file, with the encoding it was read in and whether that was detected. */
    record Loaded(Task task, Charset charset, boolean detected) {
    }

    /** Reads the file (call off the FX thread). */
    static Task load(Request r) throws IOException {
        return read(r).task();
    }

    /** Reads the file and says how it was decoded (call off the FX thread). */
    static Loaded read(Request r) throws IOException {
        if (isText(r.file())) {
            TextFiles.Text t = TextFiles.read(r.file(), r.charset());
            return new Loaded(new CharLmTask(t.text(), r.file().getFileName().toString()), t.charset(),
                    r.charset() == null);
        }
        CsvSeries.Loaded c = CsvSeries.load(r.file(), new CsvSeries.Options(r.columns(), r.targets(), r.window(),
                r.horizon(), 0.2, r.charset()));
        return new Loaded(new SeriesTask(c), c.charset(), r.charset() == null);
    }

    /** The checkpoint entries that let {@link #fromRecord} read the file again. */
    static Map<String, String> record(Path file, TrainingForm form) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("data_file", file.toAbsolutePath().toString());
        m.put("columns", form.columns.get());
        m.put("target", form.target.get());
        m.put("horizon", Integer.toString(form.horizon.get()));
        m.put("encoding", form.encoding.get());
        return m;
    }

    static Request fromRecord(Map<String, String> run) {
        Path file = Path.of(run.get("data_file"));
        int steps = Integer.parseInt(run.getOrDefault("seq_len", "0"));
        return new Request(file, split(run.getOrDefault("columns", "")), split(run.getOrDefault("target", "")),
                steps > 0 ? steps : 24, Integer.parseInt(run.getOrDefault("horizon", "1")),
                charset(run.getOrDefault("encoding", "")));
    }

    private static List<String> split(String s) {
        return s == null || s.isBlank() ? List.of()
                : Arrays.stream(s.split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList();
    }

    static Charset charset(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return Charset.forName(name.trim());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("unknown encoding '" + name + "'");
        }
    }
}
