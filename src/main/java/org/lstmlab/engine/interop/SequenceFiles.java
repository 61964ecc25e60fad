package org.lstmlab.engine.interop;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.OutputStreamWriter;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import org.lstmlab.engine.data.CsvTable;
import org.lstmlab.engine.data.NumberForms;
import org.lstmlab.engine.data.TextFiles;
import org.lstmlab.engine.bounds.InputFiles;
import org.lstmlab.engine.bounds.MemoryBudget;
import org.lstmlab.engine.io.AtomicFiles;
import org.lstmlab.engine.io.IOConsumer;
import org.lstmlab.engine.io.ModelFileException;
import org.lstmlab.engine.io.SafeTensors;
import org.lstmlab.engine.io.SafeTensorsFile;
import org.lstmlab.engine.io.Tensor;
import org.lstmlab.engine.text.Message;
import org.lstmlab.engine.text.NameList;

/**
 * Sequences in and predictions out, chosen by the file's extension:
 * <ul>
 *   <li>{@code .safetensors}: tensor {@code input} (B, T, D) or (T, D) in; tensor {@code prediction} out;</li>
 *   <li>{@code .npy}: the array (B, T, D) or (T, D) in, the prediction out; {@code .npz}: array {@code input} (or
 *       the only array) in, {@code prediction} out;</li>
 *   <li>{@code .csv} with a header row: one sequence per row (T·D numbers, step by step), or with a window T a time
 *       series of one row per step (D columns, or a model's columns picked by name among others) cut into every
 *       window of T steps; a column of text (a date) is left out; out, one row per sequence (and per step for an
 *       every-step head).</li>
 * </ul>
 * A model that starts with an embedding reads token ids instead ({@link #readTokens}): the same files, holding ids.
 */
public final class SequenceFiles {
    /**
     * Sequences batch-first: x is (B, T, D). {@code forms}: how a CSV file wrote its numbers where a reader should
     * be told (a decimal comma, {@code 1,5} for 1.5; thousands separators; percentages), read so. {@code lengths}:
     * the steps each sequence really holds (B), the rest padding after them, or null when every one holds T.
     * {@code charset}: the encoding a CSV file was read in (detected: a BOM, else UTF-8, else GB18030), null for an
     * array file. {@code windows}: where each window of a CSV time series stands in its file, null otherwise.
     */
    public record Sequences(double[] x, int batch, int steps, int size, NumberForms forms, int[] lengths,
                            java.nio.charset.Charset charset, WindowRows windows) {
        /** Sequences from an array file, or a CSV file of plain numbers. */
        public Sequences(double[] x, int batch, int steps, int size) {
            this(x, batch, steps, size, NumberForms.PLAIN, null, null, null);
        }

        /** The same sequences, said to be read from text in {@code c}. */
        Sequences readIn(java.nio.charset.Charset c) {
            return new Sequences(x, batch, steps, size, forms, lengths, c, windows);
        }

        /** Sequences that each hold T steps. */
        public Sequences(double[] x, int batch, int steps, int size, NumberForms forms) {
            this(x, batch, steps, size, forms, null, null, null);
        }
    }

    /**
     * Where the windows of a CSV time series stand: window s (0-based) ends at data row s + T − 1, and
     * {@code lines} gives each data row's line in the file, as a spreadsheet numbers its rows (the header is 1).
     * {@code label} names the file's first column when it is text that no window reads (a date, a time), and
     * {@code labels} holds its values; otherwise both are null.
     */
    public record WindowRows(int steps, int[] lines, String label, java.util.List<String> labels) {
        /** The line of the data row {@code after} rows after window {@code s}'s last; past the file, counted on. */
        public long line(long s, int after) {
            long row = s + steps - 1 + after;
            return row < lines.length ? lines[(int) row] : lines[lines.length - 1] + row - (lines.length - 1);
        }

        /** The first column's value at that row: "" past the file's end or for a file without such a column. */
        public String label(long s, int after) {
            long row = s + steps - 1 + after;
            return labels == null || row >= labels.size() ? "" : labels.get((int) row);
        }
    }

    /**
     * How a CSV prediction's columns are named: {@code keys} first, whose fields {@code key} gives for each sequence
     * (0-based), then one column per output, named by {@code values}.
     */
    public record CsvColumns(java.util.List<String> keys, java.util.function.LongFunction<java.util.List<String>> key,
                             java.util.List<String> values) {
    }

    private static final long MAX_BYTES = 1L << 30;

    /** The name of a CSV input's column of sequence lengths. */
    public static final String LENGTH = "length";

    private SequenceFiles() {
    }

    /**
     * Sequences of {@code d} features; from a CSV time series (a window), the {@code columns} when they are given
     * (those a model was trained on, in its order), picked by name in any order among others, which are not read.
     */
    public static Sequences read(Path file, int d, OptionalInt window, java.util.List<String> columns)
            throws IOException {
        String name = file.toString();
        String ext = extension(file);
        InputFiles.requireRegular(file); // a folder, device or FIFO is refused by its type, before it is opened
        if (window.isPresent() && !ext.equals("csv")) {
            throw new IllegalArgumentException("--window is for CSV time series; " + name + " holds whole sequences");
        }
        if (ext.equals("csv")) {
            return csv(file, d, window, columns);
        }
        Npy.Array a = array(file, ext);
        return shaped(name, a.shape(), a.values(), d);
    }

    /** The array of a {@code .safetensors} (tensor {@code input}), {@code .npy} or {@code .npz} file. */
    private static Npy.Array array(Path file, String ext) throws IOException {
        String name = file.toString();
        return switch (ext) {
            case "safetensors" -> {
                SafeTensorsFile f = SafeTensors.read(file);
                Tensor t = f.tensor("input");
                yield new Npy.Array(t.shape(), t.doubles());
            }
            case "npy" -> {
                try (InputStream in = Channels.newInputStream(InputFiles.openRegular(file))) {
                    yield Npy.read(name, new BufferedInputStream(in, 1 << 16), bounded(file));
                }
            }
            case "npz" -> npz(file);
            default -> throw new IllegalArgumentException(name + ": input must be .safetensors, .npy, .npz or .csv");
        };
    }

    /**
     * The token ids of a model with an embedding {@code e}, looked up: sequences of its rows, (B, T, D). An array
     * holds the ids as (B, T), (T) or (B, T, 1), integers or whole floating numbers; a CSV file has a header and
     * one sequence of T ids per row, or with a window one column of ids, cut into every window of T. An id that is
     * not a whole number in [0, V) is refused at its place: the CSV line and field, the array's [sequence, step].
     * With Keras' {@code mask_zero=True} ({@link TokenEmbedding#maskZero}), each sequence's ids of 0 before its first
     * other id and after its last are padding: the ids between are moved to the start and its length is their
     * number (0 for a sequence of zeros, whose prediction is that of the zero state); an id 0 between two others is
     * refused at its place.
     */
    public static Sequences readTokens(Path file, TokenEmbedding e, OptionalInt window) throws IOException {
        String name = file.toString();
        String ext = extension(file);
        InputFiles.requireRegular(file);
        if (window.isPresent() && !ext.equals("csv")) {
            throw new IllegalArgumentException("--window is for CSV time series; " + name + " holds whole sequences");
        }
        Sequences ids;
        java.util.function.IntFunction<Message> place;
        if (ext.equals("csv")) {
            TextFiles.Text text = TextFiles.read(file);
            CsvTable table = CsvTable.read(name, text.text());
            java.util.List<Integer> used = numberColumns(name, table);
            ids = csv(name, table, used, 1, window, false).readIn(text.charset());
            int t = ids.steps();
            place = window.isPresent()
                    ? i -> line(table, i / t + i % t, used.get(0))
                    : i -> line(table, i / t, used.get(i % t));
        } else {
            Npy.Array a = array(file, ext);
            int[] s = a.shape();
            if (s.length < 1 || s.length > 3 || (s.length == 3 && s[2] != 1)) {
                throw new ModelFileException(name, Message.of("engine.tokens.shape", java.util.Arrays.toString(s)));
            }
            int[] bt1 = s.length == 1 ? new int[] {1, s[0], 1} : new int[] {s[0], s[1], 1};
            ids = shaped(name, bt1, a.values(), 1);
            int t = ids.steps();
            place = i -> Message.of("engine.tokens.index", Integer.toString(i / t), Integer.toString(i % t));
        }
        int[] read = e.ids(name, ids.x(), place);
        int[] lengths = e.maskZero() ? unpad(name, e.name(), read, ids.steps(), place) : null;
        return new Sequences(e.lookup(read), ids.batch(), ids.steps(), e.size(), ids.forms(), lengths,
                ids.charset(), null);
    }

    /**
     * Each sequence of {@code ids} (B·T, T a row) with its ids between the first and the last that are not 0 moved
     * to its start, the rest 0; returns their numbers, the lengths (B).
     */
    private static int[] unpad(String file, String table, int[] ids, int steps,
                               java.util.function.IntFunction<Message> place) throws ModelFileException {
        int[] lengths = new int[ids.length / steps];
        for (int b = 0; b < lengths.length; b++) {
            int row = b * steps;
            int first = 0;
            while (first < steps && ids[row + first] == 0) {
                first++;
            }
            int last = steps - 1;
            while (last >= first && ids[row + last] == 0) {
                last--;
            }
            for (int t = first; t <= last; t++) {
                if (ids[row + t] == 0) {
                    throw new ModelFileException(file, Message.of("engine.tokens.at", place.apply(row + t),
                            Message.of("engine.tokens.maskInterior", table)));
                }
            }
            lengths[b] = last - first + 1;
            System.arraycopy(ids, row + first, ids, row, lengths[b]);
            java.util.Arrays.fill(ids, row + lengths[b], row + steps, 0);
        }
        return lengths;
    }

    /** Where row {@code row} (0-based, after the header) of column {@code column} stands in the file. */
    private static Message line(CsvTable table, int row, int column) {
        return Message.of("engine.tokens.line", Integer.toString(row + 2), Integer.toString(column + 1),
                table.headers().get(column));
    }

    private static Sequences shaped(String name, int[] shape, double[] x, int d) throws ModelFileException {
        int b;
        int t;
        if (shape.length == 3) {
            b = shape[0];
            t = shape[1];
        } else if (shape.length == 2) {
            b = 1;
            t = shape[0];
        } else {
            throw new ModelFileException(name, Message.of("engine.sequences.shape", java.util.Arrays.toString(shape)));
        }
        int dd = shape[shape.length - 1];
        if (dd != d) {
            throw new ModelFileException(name, Message.of("engine.sequences.features", Integer.toString(dd),
                    java.util.Arrays.toString(shape), Integer.toString(d)));
        }
        if (b < 1 || t < 1) {
            throw new ModelFileException(name, Message.of("engine.sequences.empty", java.util.Arrays.toString(shape)));
        }
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) {
                throw new ModelFileException(name, Message.of("engine.sequences.notFinite", Double.toString(x[i]),
                        Integer.toString(i)));
            }
        }
        return new Sequences(x, b, t, d);
    }

    private static Sequences csv(Path file, int d, OptionalInt window, java.util.List<String> columns)
            throws IOException {
        String name = file.toString();
        TextFiles.Text text = TextFiles.read(file);
        CsvTable table = CsvTable.read(name, text.text());
        boolean byName = window.isPresent() && !columns.isEmpty();
        java.util.List<Integer> used = byName ? columnsByName(name, table, columns) : numberColumns(name, table);
        int lengthColumn = window.isPresent() ? -1 : lengthColumn(table);
        if (lengthColumn >= 0) {
            Sequences x = csv(name, table, used.stream().filter(c -> c != lengthColumn).toList(), d, window, false);
            return new Sequences(x.x(), x.batch(), x.steps(), x.size(), x.forms(),
                    lengths(name, table, lengthColumn, x.steps()), text.charset(), null);
        }
        Sequences x = csv(name, table, used, d, window, byName);
        WindowRows rows = null;
        if (window.isPresent()) {
            boolean label = table.isText(0) && !used.contains(0);
            CsvTable.RowPlaces p = CsvTable.places(name, text.text(), 0);
            rows = new WindowRows(window.getAsInt(), p.lines(), label ? table.headers().get(0) : null,
                    label ? p.texts() : null);
        }
        return new Sequences(x.x(), x.batch(), x.steps(), x.size(), x.forms(), x.lengths(), text.charset(), rows);
    }

    /** The header's column {@value #LENGTH} (any case), or -1. */
    private static int lengthColumn(CsvTable table) {
        for (int c = 0; c < table.headers().size(); c++) {
            if (table.headers().get(c).strip().equalsIgnoreCase(LENGTH)) {
                return c;
            }
        }
        return -1;
    }

    /**
     * A CSV file's column {@value #LENGTH}: each sequence's real steps, as PyTorch's {@code pack_padded_sequence}
     * takes them, each a whole number from 1 to T; the steps after it are padding.
     */
    private static int[] lengths(String name, CsvTable table, int column, int steps) throws IOException {
        table.requireValues(java.util.List.of(column));
        double[] v = table.column(column);
        int[] lengths = new int[v.length];
        for (int r = 0; r < v.length; r++) {
            if (v[r] != Math.rint(v[r]) || v[r] < 1 || v[r] > steps) {
                throw new ModelFileException(name, Message.of("engine.tokens.at", line(table, r, column),
                        Message.of("engine.sequences.length", TokenEmbedding.plain(v[r]), Integer.toString(steps))));
            }
            lengths[r] = (int) v[r];
        }
        return lengths;
    }

    /**
     * Without a model's names, every column of numbers, as training reads a file: a column of text (a date, a name)
     * is left out, not refused once a row; a file of text only is refused.
     */
    private static java.util.List<Integer> numberColumns(String name, CsvTable table) throws ModelFileException {
        java.util.List<Integer> used = java.util.stream.IntStream.range(0, table.headers().size())
                .filter(c -> !table.isText(c)).boxed().toList();
        if (used.isEmpty()) {
            throw new ModelFileException(name, Message.of("engine.data.onlyText", NameList.first(12, table.headers())));
        }
        return used;
    }

    /** The sequences of the {@code used} columns; {@code byName}: the model's columns, picked by their names. */
    private static Sequences csv(String name, CsvTable table, java.util.List<Integer> used, int d,
                                 OptionalInt window, boolean byName) throws IOException {
        int cols = used.size();
        table.requireValues(used);   // the model reads these; a column left out (a date, a note) may hold anything
        int rows = table.rows();
        if (rows == 0) {
            throw new ModelFileException(name, Message.of("engine.data.noRows")); // CsvTable refuses it first
        }
        if (window.isPresent()) {
            int t = window.getAsInt();
            if (!byName && cols != d) {
                throw new ModelFileException(name, Message.of("engine.sequences.columns", d,
                        Integer.toString(cols)));
            }
            if (t < 1 || t > rows) {
                throw new ModelFileException(name, Message.of("engine.sequences.window", Integer.toString(t),
                        Integer.toString(rows)));
            }
            int b = rows - t + 1;
            long values = (long) b * t * d; // each window is copied: b windows of t steps of d features
            if (values > Npy.MAX_VALUES || !MemoryBudget.fits(MemoryBudget.product(Double.BYTES, values))) {
                throw new ModelFileException(name, Message.of("engine.sequences.windowTooLarge", Integer.toString(t),
                        Integer.toString(rows), Integer.toString(b), Integer.toString(d), Long.toString(values),
                        Long.toString(Math.min(Npy.MAX_VALUES, MemoryBudget.limit() / Double.BYTES)),
                        MemoryBudget.bytes(MemoryBudget.limit())));
            }
            double[][] c = new double[d][];
            for (int k = 0; k < d; k++) {
                c[k] = table.column(used.get(k));
            }
            double[] x = new double[b * t * d];
            for (int s = 0; s < b; s++) {
                for (int i = 0; i < t; i++) {
                    for (int k = 0; k < d; k++) {
                        x[(s * t + i) * d + k] = c[k][s + i];
                    }
                }
            }
            return new Sequences(x, b, t, d, table.forms());
        }
        if (cols % d != 0) {
            throw new ModelFileException(name, Message.of("engine.sequences.notWholeSteps", Integer.toString(cols),
                    Integer.toString(d)));
        }
        int t = cols / d;
        InteropMemory.require(name + ": " + rows + " sequences of " + cols + " numbers need", 8L * rows * cols,
                "Split the file");
        double[] x = new double[rows * cols];
        for (int c = 0; c < cols; c++) {
            double[] col = table.column(used.get(c));
            for (int r = 0; r < rows; r++) {
                x[r * cols + c] = col[r];
            }
        }
        return new Sequences(x, rows, t, d, table.forms());
    }

    /**
     * The 0-based indices of {@code columns} (a model's, in its order) among the file's header: the file may hold
     * them in another order, and others beside them. A column it lacks is refused, at line 1, by name.
     */
    private static java.util.List<Integer> columnsByName(String name, CsvTable table, java.util.List<String> columns)
            throws ModelFileException {
        java.util.List<Integer> used = new java.util.ArrayList<>();
        for (String c : columns) {
            int i = table.headers().indexOf(c);
            if (i < 0) {
                throw new ModelFileException(name, Message.of("engine.data.atLine", "1",
                        Message.of("engine.sequences.missingColumn", c, NameList.readable(columns),
                                NameList.first(12, table.headers()))));
            }
            used.add(i);
        }
        return used;
    }

    /** Hands over the values of a prediction in order (batch-first, row-major), a batch at a time. */
    @FunctionalInterface
    public interface Batches {
        void each(IOConsumer<double[]> sink) throws IOException;
    }

    /**
     * Writes a prediction of {@code shape} atomically as {@code batches} hands it over: {@code .npy}, {@code .npz}
     * and {@code .csv} are streamed, holding one batch at a time; {@code .safetensors}, whose header states every
     * tensor's place, is gathered first, within the memory budget. If {@code batches} throws, the old file stays.
     * A {@code .csv} of one row per sequence has the {@code columns} when they are given, else (null)
     * {@code sequence,y0,...}.
     */
    public static void write(Path file, int[] shape, Map<String, String> metadata, CsvColumns columns,
                             Batches batches) throws IOException {
        String ext = extension(file);
        long total = 1;
        for (int n : shape) {
            total *= n;
        }
        switch (ext) {
            case "safetensors" -> {
                InteropMemory.require(file + ": a prediction of " + total + " values, gathered for .safetensors, needs",
                        8 * total, "Write .npy, .npz or .csv, which are written a batch at a time");
                double[] all = new double[(int) total];
                int[] at = {0};
                batches.each(v -> {
                    System.arraycopy(v, 0, all, at[0], v.length);
                    at[0] += v.length;
                });
                Map<String, Tensor> t = new LinkedHashMap<>();
                t.put("prediction", Tensor.f64("prediction", shape, all));
                SafeTensors.write(file, t, metadata);
            }
            case "npy" -> AtomicFiles.write(file, out -> {
                Npy.writeHeader(out, shape);
                batches.each(v -> Npy.writeValues(out, v));
            });
            case "npz" -> AtomicFiles.write(file, out -> {
                new Npz(out).add("prediction", shape, batches).finish();
            });
            case "csv" -> AtomicFiles.write(file, out -> {
                PrintWriter w = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
                int o = shape[shape.length - 1];
                boolean steps = shape.length == 3;
                boolean named = columns != null && !steps && columns.values().size() == o;
                StringBuilder header = new StringBuilder(steps ? "sequence,step" : "sequence");
                if (named) {
                    header.setLength(0);
                    java.util.List<String> all = new java.util.ArrayList<>(columns.keys());
                    all.addAll(columns.values());
                    header.append(csvFields(all));
                } else {
                    for (int k = 0; k < o; k++) {
                        header.append(",y").append(k);
                    }
                }
                w.print(header.append('\n'));
                long[] row = {0};
                batches.each(v -> {
                    for (int i = 0; i < v.length; i += o, row[0]++) {
                        long r = row[0];
                        StringBuilder line = new StringBuilder();
                        line.append(named ? csvFields(columns.key().apply(r))
                                : steps ? r / shape[1] + "," + r % shape[1] : Long.toString(r));
                        for (int k = 0; k < o; k++) {
                            line.append(',').append(v[i + k]);
                        }
                        w.print(line.append('\n'));
                    }
                });
                w.flush();
            });
            default -> throw new IllegalArgumentException(file + ": the output must end in .safetensors, .npy, .npz "
                    + "or .csv");
        }
    }

    /** Fields joined by commas, each quoted when it holds a comma, a quote or a line break. */
    private static String csvFields(java.util.List<String> fields) {
        StringBuilder b = new StringBuilder();
        for (String f : fields) {
            b.append(b.length() == 0 ? "" : ",");
            boolean quote = f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0
                    || f.indexOf('\r') >= 0;
            b.append(quote ? '"' + f.replace("\"", "\"\"") + '"' : f);
        }
        return b.toString();
    }

    /** Fails before any work when the output's extension is not one {@link #write} knows. */
    public static void checkOutput(Path file) {
        if (!java.util.List.of("safetensors", "npy", "npz", "csv").contains(extension(file))) {
            throw new IllegalArgumentException(file + ": the output must end in .safetensors, .npy, .npz or .csv");
        }
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException(file + ": is a folder, not a file");
        }
    }

    static String extension(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** The file's size, refused above {@link #MAX_BYTES}. */
    private static long bounded(Path file) throws IOException {
        long size = Files.size(file);
        if (size > MAX_BYTES) {
            throw new ModelFileException(file.toString(), Message.of("engine.sequences.tooLarge", Long.toString(size),
                    Long.toString(MAX_BYTES)));
        }
        return size;
    }

    private static Npy.Array npz(Path file) throws IOException {
        String name = file.toString();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry chosen = zip.getEntry("input.npy");
            if (chosen == null) {
                int count = 0;
                for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                    ZipEntry z = e.nextElement();
                    if (z.getName().endsWith(".npy")) {
                        chosen = z;
                        count++;
                    }
                }
                if (count != 1) {
                    throw new ModelFileException(name, Message.of("engine.sequences.npzArrays",
                            Integer.toString(count)));
                }
            }
            // the array's header is checked (shape, memory) before its values are inflated, and no more than
            // the shape's bytes are ever read: a zip bomb inflates no further than its header admits
            try (InputStream in = new BufferedInputStream(zip.getInputStream(chosen), 1 << 16)) {
                return Npy.read(name + ":" + chosen.getName(), in, chosen.getSize());
            }
        } catch (ZipException e) {
            throw new ModelFileException(name, Message.of("engine.sequences.npzDamaged",
                    String.valueOf(e.getMessage())));
        }
    }
}
