package org.lstmlab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.engine.interop.Npy;
import org.lstmlab.engine.interop.Predictor;
import org.lstmlab.engine.io.ModelFile;
import org.lstmlab.engine.loss.Loss;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.nn.HeadMode;
import org.lstmlab.engine.nn.Initializers;
import org.lstmlab.engine.nn.ModelSpec;
import org.lstmlab.engine.nn.SequenceModel;

/**
 * predict and trace never write over what they read, run on a valid input of any size in bounded memory (predict)
 * or refuse with the sizes (trace), and refuse inputs whose headers claim more than they hold before allocating.
 */
class PredictTraceSafetyTest {
    @TempDir Path dir;

    private SequenceModel model(HeadMode head, int hidden) {
        SequenceModel m = new SequenceModel(new ModelSpec(CellType.LSTM, 1, hidden, 1, 1, head,
                Loss.BINARY_CROSS_ENTROPY));
        Initializers.initialize(m, Initializers.Scheme.TORCH, 7);
        return m;
    }

    private Path save(SequenceModel m, String name) throws IOException {
        Path p = dir.resolve(name);
        ModelFile.save(p, m, null, null);
        return p;
    }

    private static double[] input(int n) {
        Random r = new Random(4);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextGaussian();
        }
        return x;
    }

    private Path npy(String name, int[] shape, double[] x) throws IOException {
        Path p = dir.resolve(name);
        try (OutputStream o = Files.newOutputStream(p)) {
            Npy.write(o, shape, x);
        }
        return p;
    }

    /** Exit 2, one stderr line that starts as given, and the files untouched. */
    private static void refused(CliTestSupport.Result r, String start, Path... untouched) {
        assertEquals(2, r.exitCode(), r.out() + r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("lstm-lab: " + start), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void anOutputThatIsTheInputOrTheModelIsRefusedAndNothingIsTouched() throws Exception {
        Path model = save(model(HeadMode.LAST, 3), "m.safetensors");
        Path x = npy("x.npy", new int[] {2, 4, 1}, input(8));
        byte[] modelBytes = Files.readAllBytes(model);
        byte[] xBytes = Files.readAllBytes(x);
        Path link = dir.resolve("link.npy");
        Files.createSymbolicLink(link, x);
        Path modelLink = dir.resolve("alias.safetensors");
        Files.createSymbolicLink(modelLink, model);
        Path roundabout = dir.resolve("sub/../x.npy");
        Files.createDirectory(dir.resolve("sub"));

        for (String cmd : new String[] {"predict", "trace"}) {
            CliTestSupport.Result r = CliTestSupport.run(cmd, "--model", model.toString(), "--input", x.toString(),
                    "--out", x.toString());
            refused(r, "--out " + x + " is the input file " + x + "; writing there would overwrite it");
            r = CliTestSupport.run(cmd, "--model", model.toString(), "--input", x.toString(), "--out", link.toString());
            refused(r, "--out " + link + " is the input file " + x + "; writing there would overwrite it");
            r = CliTestSupport.run(cmd, "--model", model.toString(), "--input", x.toString(), "--out",
                    roundabout.toString());
            refused(r, "--out " + roundabout + " is the input file " + x);
            r = CliTestSupport.run(cmd, "--model", model.toString(), "--input", x.toString(), "--out",
                    model.toString());
            refused(r, "--out " + model + " is the model file " + model + "; writing there would overwrite it");
            r = CliTestSupport.run(cmd, "--model", modelLink.toString(), "--input", x.toString(), "--out",
                    model.toString());
            refused(r, "--out " + model + " is the model file " + modelLink);
        }
        assertArrayEquals(modelBytes, Files.readAllBytes(model));
        assertArrayEquals(xBytes, Files.readAllBytes(x));
        assertTrue(Files.isSymbolicLink(link) && Files.isSymbolicLink(modelLink));
        try (var files = Files.list(dir)) {
            assertEquals(5, files.count(), "no temp files left: m, x, two links, sub");
        }
        assertEquals(0, CliTestSupport.run("predict", "--model", model.toString(), "--input", x.toString(), "--out",
                dir.resolve("p.npy").toString()).exitCode(), "a different output is written");
    }

    @Test
    void aKerasModelsConfigBesideItIsNotOverwrittenEither() throws Exception {
        Path r = Path.of("src/test/resources/interop");
        Path weights = dir.resolve("lstm_stack.weights.h5");
        Path config = dir.resolve("lstm_stack.json");
        Files.copy(r.resolve("lstm_stack.weights.h5"), weights);
        Files.copy(r.resolve("lstm_stack.json"), config);
        byte[] before = Files.readAllBytes(config);
        CliTestSupport.Result res = CliTestSupport.run("trace", "--model", weights.toString(), "--input",
                r.resolve("lstm_stack.check.safetensors").toString(), "--out", config.toString());
        refused(res, "--out " + config + " is the model's config file " + config.toAbsolutePath());
        assertArrayEquals(before, Files.readAllBytes(config));
    }

    @Test
    void aLargeValidInputIsPredictedInBatchesAndATraceOfItIsRefusedWithSizes() throws Exception {
        // 2000 sequences × 1000 steps × 1 feature: 16 MB of float64. One batch of it would need a forward cache of
        // about 4 GB for 16 LSTM units; in batches it needs a few MB.
        int b = 2000;
        int t = 1000;
        double[] xs = input(b * t);
        Path x = npy("big.npy", new int[] {b, t, 1}, xs);
        SequenceModel m = model(HeadMode.EVERY_STEP, 16);
        Path model = save(m, "big.safetensors");
        Path out = dir.resolve("p.npy");
        CliTestSupport.Result r = CliTestSupport.run("predict", "--model", model.toString(), "--input", x.toString(),
                "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("wrote prediction [2000, 1000, 1]"), r.out());
        Npy.Array p = Npy.read(out.toString(), Files.readAllBytes(out));
        assertArrayEquals(new int[] {b, t, 1}, p.shape());
        // the first and the last three sequences, predicted on their own in one batch
        for (int first : new int[] {0, b - 3}) {
            double[] some = java.util.Arrays.copyOfRange(xs, first * t, (first + 3) * t);
            double[] want = Predictor.predict(ModelFile.load(model).model(), some, 3, t).values();
            for (int i = 0; i < want.length; i++) {
                assertEquals(want[i], p.values()[first * t + i], 1e-15, "sequence " + (first + i / t));
            }
        }

        Path trace = dir.resolve("t.csv");
        r = CliTestSupport.run("trace", "--model", model.toString(), "--input", x.toString(), "--out",
                trace.toString());
        refused(r, trace + ": the forward trace of 2000 sequences × 1000 steps (1 layer of 16 lstm units) holds "
                + "418,000,000 values, more than the 50,000,000 a trace file may hold; trace fewer sequences, e.g. "
                + "the first 239 with --limit 239");
        assertFalse(Files.exists(trace));
        r = CliTestSupport.run("trace", "--model", model.toString(), "--input", x.toString(), "--out",
                trace.toString(), "--limit", "2");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("trace of 2 sequences × 1000 steps"), r.out());
    }

    @Test
    void theBatchSizeChangesNoNumber() throws Exception {
        for (HeadMode head : HeadMode.values()) {
            Path model = save(model(head, 5), head + ".safetensors");
            Path x = npy("x.npy", new int[] {9, 6, 1}, input(54));
            Path one = dir.resolve("one.npy");
            Path tiny = dir.resolve("tiny.npy");
            assertEquals(0, CliTestSupport.run("predict", "--model", model.toString(), "--input", x.toString(),
                    "--out", one.toString()).exitCode());
            assertEquals(0, CliTestSupport.run("predict", "--model", model.toString(), "--input", x.toString(),
                    "--out", tiny.toString(), "--batch-size", "2").exitCode());
            double[] a = Npy.read("one", Files.readAllBytes(one)).values();
            double[] c = Npy.read("tiny", Files.readAllBytes(tiny)).values();
            assertEquals(a.length, c.length);
            for (int i = 0; i < a.length; i++) {
                assertEquals(a[i], c[i], 1e-15, head + " value " + i);
            }
            for (String ext : new String[] {"csv", "npz", "safetensors"}) {
                Path f = dir.resolve("tiny." + ext);
                assertEquals(0, CliTestSupport.run("predict", "--model", model.toString(), "--input", x.toString(),
                        "--out", f.toString(), "--batch-size", "4").exitCode(), ext);
            }
            String csv = Files.readString(dir.resolve("tiny.csv"));
            assertEquals(1 + a.length, csv.lines().count(), "one row per sequence (and step)");
            assertTrue(csv.lines().skip(1).allMatch(l -> !l.isBlank()));
            String lastRow = csv.strip().lines().reduce((p, q) -> q).orElseThrow();
            assertTrue(lastRow.startsWith(head == HeadMode.LAST ? "8," : "8,5,"), "rows numbered across batches: "
                    + lastRow);
        }
        refused(CliTestSupport.run("predict", "--model", save(model(HeadMode.LAST, 2), "z.safetensors").toString(),
                "--input", npy("z.npy", new int[] {1, 2, 1}, input(2)).toString(), "--out",
                dir.resolve("z.csv").toString(), "--batch-size", "0"), "--batch-size must be at least 1, got 0");
    }

    @Test
    void inputHeadersThatClaimMoreThanTheFileHoldsAreRefusedBeforeAllocating() throws Exception {
        Path model = save(model(HeadMode.LAST, 3), "m.safetensors");
        // an .npy of 128 bytes whose header claims 199,000,000 float64 values (1.6 GB)
        String h = "{'descr': '<f8', 'fortran_order': False, 'shape': (199000, 1000, 1), }";
        byte[] header = (h + " ".repeat(118 - h.length() - 10) + "\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] file = new byte[10 + header.length];
        byte[] magic = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, (byte) header.length, 0};
        System.arraycopy(magic, 0, file, 0, 10);
        System.arraycopy(header, 0, file, 10, header.length);
        Path liar = dir.resolve("liar.npy");
        Files.write(liar, file);
        Path out = dir.resolve("p.csv");
        refused(CliTestSupport.run("predict", "--model", model.toString(), "--input", liar.toString(), "--out",
                out.toString()), liar + ": the .npy shape (199000, 1000, 1) of f8 needs 1592000000 bytes of data; "
                + "the file has 0");
        // the same array inside an .npz
        Path npz = dir.resolve("liar.npz");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(npz))) {
            z.putNextEntry(new ZipEntry("input.npy"));
            z.write(file);
            z.closeEntry();
        }
        refused(CliTestSupport.run("predict", "--model", model.toString(), "--input", npz.toString(), "--out",
                out.toString()), npz + ":input.npy: the .npy shape (199000, 1000, 1) of f8 needs 1592000000 bytes");
        // a shape beyond what is ever read
        Path huge = dir.resolve("huge.npy");
        Files.write(huge, new String(file, StandardCharsets.ISO_8859_1).replace("(199000, 1000, 1)",
                "(900000, 1000, 1)").getBytes(StandardCharsets.ISO_8859_1));
        refused(CliTestSupport.run("predict", "--model", model.toString(), "--input", huge.toString(), "--out",
                out.toString()), huge + ": the .npy shape (900000, 1000, 1) is too large");
        // a CSV time series whose windows would be far more values than its rows
        StringBuilder csv = new StringBuilder("v\n");
        for (int i = 0; i < 250_000; i++) {
            csv.append(i % 10).append('\n');
        }
        Path series = dir.resolve("series.csv");
        Files.writeString(series, csv);
        refused(CliTestSupport.run("predict", "--model", model.toString(), "--input", series.toString(), "--out",
                out.toString(), "--window", "1000"),
                series + ": --window 1000 over its 250000 rows makes 249001 windows");
        assertFalse(Files.exists(out));
    }
}
