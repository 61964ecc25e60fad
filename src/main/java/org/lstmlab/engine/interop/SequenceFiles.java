package org.lstmlab.engine.interop;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.OutputStreamWriter;
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
import java.util.zip.ZipOutputStream;

import org.lstmlab.engine.data.CsvTable;
import org.lstmlab.engine.data.TextFiles;
import org.lstmlab.engine.bounds.InputFiles;
import org.lstmlab.engine.bounds.MemoryBudget;
import org.lstmlab.engine.io.AtomicFiles;
import org.lstmlab.engine.io.ModelFileException;
import org.lstmlab.engine.io.SafeTensors;
import org.lstmlab.engine.io.SafeTensorsFile;
import org.lstmlab.engine.io.Tensor;

/**
 * Sequences in and predictions out, chosen by the file's extension:
 * <ul>
 *   <li>{@code .safetensors}: tensor {@code input} (B, T, D) or (T, D) in; tensor {@code prediction} out;</li>
 *   <li>{@code .npy}: the array (B, T, D) or (T, D) in, the prediction out; {@code .npz}: array {@code input} (or
 *       the only array) in, {@code prediction} out;</li>
 *   <li>{@code .csv} with a header row: one sequence per row (T·D numbers, step by step), or with a window T a time
 *       series of one row per step (D columns) cut into every window of T steps; out, one row per sequence (and per
 *       step for an every-step head).</li>
 * </ul>
 */
public final class SequenceFiles {
    /** Sequences batch-first: x is (B, T, D). */
    public record Sequences(double[] x, int batch, int steps, int size) {
    }

    private static final long MAX_BYTES = 1L << 30;

    private SequenceFiles() {
    }

    public static Sequences read(Path file, int d, OptionalInt window) throws IOException {
        String name = file.toString();
        String ext = extension(file);
        InputFiles.requireRegular(file); // a folder, device or FIFO is refused by its type, before it is opened
        if (window.isPresent() && !ext.equals("csv")) {
            throw new IllegalArgumentException("--window is for CSV time series; " + name + " holds whole sequences");
        }
        return switch (ext) {
            case "safetensors" -> {
                SafeTensorsFile f = SafeTensors.read(file);
                Tensor t = f.tensor("input");
                yield shaped(name, t.shape(), t.doubles(), d);
            }
            case "npy" -> {
                Npy.Array a = Npy.read(name, bounded(file));
                yield shaped(name, a.shape(), a.values(), d);
            }
            case "npz" -> {
                Npy.Array a = npz(file);
                yield shaped(name, a.shape(), a.values(), d);
            }
            case "csv" -> csv(file, d, window);
            default -> throw new IllegalArgumentException(name + ": input must be .safetensors, .npy, .npz or .csv");
        };
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
            throw new ModelFileException(name, "input has shape " + java.util.Arrays.toString(shape)
                    + "; expected (B, T, D) or (T, D)");
        }
        int dd = shape[shape.length - 1];
        if (dd != d) {
            throw new ModelFileException(name, "input has " + dd + " features per step (last dimension of "
                    + java.util.Arrays.toString(shape) + "); the model takes " + d);
        }
        if (b < 1 || t < 1) {
            throw new ModelFileException(name, "input is empty: shape " + java.util.Arrays.toString(shape));
        }
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) {
                throw new ModelFileException(name, "input holds " + x[i] + " at flat index " + i);
            }
        }
        return new Sequences(x, b, t, d);
    }

    private static Sequences csv(Path file, int d, OptionalInt window) throws IOException {
        String name = file.toString();
        CsvTable table = CsvTable.parse(name, TextFiles.read(file).text());
        int cols = table.headers().size();
        int rows = table.rows();
        if (rows == 0) {
            throw new ModelFileException(name, "has a header but no rows");
        }
        if (window.isPresent()) {
            int t = window.getAsInt();
            if (cols != d) {
                throw new ModelFileException(name, "a time series for this model needs " + d + " column(s), one per "
                        + "feature; the file has " + cols);
            }
            if (t < 1 || t > rows) {
                throw new ModelFileException(name, "a window of " + t + " steps needs at least " + t + " rows; the "
                        + "file has " + rows);
            }
            int b = rows - t + 1;
            long values = (long) b * t * d; // each window is copied: b windows of t steps of d features
            if (values > Npy.MAX_VALUES || !MemoryBudget.fits(MemoryBudget.product(Double.BYTES, values))) {
                throw new ModelFileException(name, "--window " + t + " over its " + rows + " rows makes " + b
                        + " windows of " + t + " × " + d + " = " + values + " values, more than "
                        + Math.min(Npy.MAX_VALUES, MemoryBudget.limit() / Double.BYTES) + " (the memory limit of "
                        + MemoryBudget.bytes(MemoryBudget.limit()) + "); choose a shorter window or fewer rows");
            }
            double[][] c = new double[d][];
            for (int k = 0; k < d; k++) {
                c[k] = table.column(k);
            }
            double[] x = new double[b * t * d];
            for (int s = 0; s < b; s++) {
                for (int i = 0; i < t; i++) {
                    for (int k = 0; k < d; k++) {
                        x[(s * t + i) * d + k] = c[k][s + i];
                    }
                }
            }
            return new Sequences(x, b, t, d);
        }
        if (cols % d != 0) {
            throw new ModelFileException(name, "a row of " + cols + " numbers is not whole steps of " + d
                    + " features (one sequence per row; for a time series give --window T)");
        }
        int t = cols / d;
        double[] x = new double[rows * cols];
        for (int c = 0; c < cols; c++) {
            double[] col = table.column(c);
            for (int r = 0; r < rows; r++) {
                x[r * cols + c] = col[r];
            }
        }
        return new Sequences(x, rows, t, d);
    }

    /** Writes the prediction atomically, in the format the extension names. */
    public static void write(Path file, Predictor.Prediction p, Map<String, String> metadata) throws IOException {
        String ext = extension(file);
        switch (ext) {
            case "safetensors" -> {
                Map<String, Tensor> t = new LinkedHashMap<>();
                t.put("prediction", Tensor.f64("prediction", p.shape(), p.values()));
                SafeTensors.write(file, t, metadata);
            }
            case "npy" -> AtomicFiles.write(file, out -> Npy.write(out, p.shape(), p.values()));
            case "npz" -> AtomicFiles.write(file, out -> {
                ZipOutputStream zip = new ZipOutputStream(out);
                zip.putNextEntry(new ZipEntry("prediction.npy"));
                Npy.write(zip, p.shape(), p.values());
                zip.closeEntry();
                zip.finish();
            });
            case "csv" -> AtomicFiles.write(file, out -> {
                PrintWriter w = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
                int[] s = p.shape();
                int o = s[s.length - 1];
                boolean steps = s.length == 3;
                StringBuilder header = new StringBuilder(steps ? "sequence,step" : "sequence");
                for (int k = 0; k < o; k++) {
                    header.append(",y").append(k);
                }
                w.print(header.append('\n'));
                int rows = p.values().length / o;
                for (int r = 0; r < rows; r++) {
                    StringBuilder line = new StringBuilder();
                    line.append(steps ? r / s[1] + "," + r % s[1] : Integer.toString(r));
                    for (int k = 0; k < o; k++) {
                        line.append(',').append(p.values()[r * o + k]);
                    }
                    w.print(line.append('\n'));
                }
                w.flush();
            });
            default -> throw new IllegalArgumentException(file + ": the output must end in .safetensors, .npy, .npz "
                    + "or .csv");
        }
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

    private static byte[] bounded(Path file) throws IOException {
        return InputFiles.readAll(file, MAX_BYTES, "input sequences");
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
                    throw new ModelFileException(name, "holds " + count + " arrays and none is called 'input'");
                }
            }
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            try (InputStream in = zip.getInputStream(chosen)) {
                byte[] b = new byte[1 << 16];
                long total = 0;
                for (int n; (n = in.read(b)) > 0; ) {
                    total += n;
                    if (total > MAX_BYTES) {
                        throw new ModelFileException(name, "array '" + chosen.getName() + "' inflates past "
                                + MAX_BYTES + " bytes");
                    }
                    buf.write(b, 0, n);
                }
            }
            return Npy.read(name + ":" + chosen.getName(), buf.toByteArray());
        } catch (ZipException e) {
            throw new ModelFileException(name, "is not a readable .npz (zip) file: " + e.getMessage());
        }
    }
}
