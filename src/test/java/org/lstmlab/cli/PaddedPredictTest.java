package org.lstmlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.engine.data.Dataset;
import org.lstmlab.engine.data.Sample;
import org.lstmlab.engine.io.ModelFile;
import org.lstmlab.engine.nn.SequenceModel;
import org.lstmlab.engine.tasks.PaddedSineTask;
import org.lstmlab.engine.train.Evaluation;
import org.lstmlab.engine.train.Trainer;

/**
 * A model trained on {@code padded-sine} and saved predicts, through {@code predict} on a CSV file with a column
 * {@code length}, what the trainer's validation forward predicts for the same padded sequences: h is read at each
 * sequence's length, and the padding after it (here not zeros) is not read.
 */
class PaddedPredictTest {
    @TempDir Path dir;

    private static final int T = 28;

    /** A model trained on {@code padded-sine} for one epoch and saved. */
    private Path trained(int steps, int hidden) throws Exception {
        Path model = dir.resolve("padded.safetensors");
        CliTestSupport.Result r = CliTestSupport.run("train", "--task", "padded-sine", "--seq-len",
                Integer.toString(steps), "--epochs", "1", "--hidden", Integer.toString(hidden), "--save",
                model.toString());
        assertEquals(0, r.exitCode(), r.err());
        return model;
    }

    @Test
    void predictReadsEachSequenceAtItsLengthAsTheTrainerDoes() throws Exception {
        Path model = trained(T, 6);
        CliTestSupport.Result r;
        Dataset data = new PaddedSineTask().generate(T, 11);
        List<Sample> val = data.validation().subList(0, 40);
        assertTrue(val.stream().filter(Sample::isPadded).count() > 20, "most samples are padded");
        SequenceModel m = ModelFile.load(model).model();
        Evaluation e = Trainer.evaluate(m, data, val, 16);

        StringBuilder csv = new StringBuilder();
        for (int t = 0; t < T; t++) {
            csv.append("x").append(t).append(',');
        }
        csv.append("length\n");
        for (Sample s : val) {
            double[] x = s.x();
            for (int t = 0; t < T; t++) {   // the padding holds 7, not 0: it must not be read
                csv.append(t < s.length() ? Double.toString(x[t]) : "7").append(',');
            }
            csv.append(s.length()).append('\n');
        }
        Path in = dir.resolve("padded.csv");
        Files.writeString(in, csv);
        Path out = dir.resolve("pred.csv");
        r = CliTestSupport.run("predict", "--model", model.toString(), "--input", in.toString(), "--out",
                out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("column 'length'"), r.err());
        List<String> lines = Files.readAllLines(out);
        assertEquals(val.size() + 1, lines.size(), "a header and one row per sequence");
        for (int i = 0; i < val.size(); i++) {
            String[] f = lines.get(i + 1).split(",");
            double got = Double.parseDouble(f[f.length - 1]);
            double want = e.predictions().get(e.samples().indexOf(val.get(i)))[0];
            assertEquals(want, got, 1e-12, "sequence " + i + " of length " + val.get(i).length());
        }

        // without the column, each row is T steps and h after the padding is read: other numbers
        Path plain = dir.resolve("plain.csv");
        Files.writeString(plain, csv.toString().replace(",length\n", "\n").replaceAll(",[0-9]+\n", "\n"));
        Path out2 = dir.resolve("pred2.csv");
        r = CliTestSupport.run("predict", "--model", model.toString(), "--input", plain.toString(), "--out",
                out2.toString());
        assertEquals(0, r.exitCode(), r.err());
        List<String> unread = Files.readAllLines(out2);
        assertNotEquals(lines.subList(1, lines.size()), unread.subList(1, unread.size()));
    }

    @Test
    void aLengthOutsideOneToTIsRefusedAtItsLineAndField() throws Exception {
        Path model = trained(5, 3);
        CliTestSupport.Result r;
        Path in = dir.resolve("bad.csv");
        Files.writeString(in, "a,b,c,d,e,length\n1,2,3,0,0,3\n1,2,3,4,0,6\n");
        r = CliTestSupport.run("predict", "--model", model.toString(), "--input", in.toString(), "--out",
                dir.resolve("p.csv").toString());
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("line 3, field 6 ('length')"), r.err());
        assertTrue(r.err().contains("from 1 to its 5 steps"), r.err());
    }

    @Test
    void aTraceOfPaddedSequencesRunsBackwardFromEachLengthAndSaysWhereEachEnds() throws Exception {
        Path model = trained(8, 3);
        CliTestSupport.Result r;
        double[][] rows = {{0.1, 0.5, 0.8, 0, 0, 0, 0, 0}, {0.3, -0.2, 0.4, 0.9, 0.7, -0.1, 0.2, 0.6}};
        int[] lengths = {3, 8};
        Path in = dir.resolve("two.csv");
        Files.writeString(in, "a,b,c,d,e,f,g,h,length\n0.1,0.5,0.8,0,0,0,0,0,3\n"
                + "0.3,-0.2,0.4,0.9,0.7,-0.1,0.2,0.6,8\n");
        Path st = dir.resolve("t.safetensors");
        r = CliTestSupport.run("trace", "--model", model.toString(), "--input", in.toString(), "--out",
                st.toString(), "--backward");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("of lengths [3, 8]"), r.out());
        var file = org.lstmlab.engine.io.SafeTensors.read(st);
        assertEquals(List.of(3L, 8L), java.util.Arrays.stream(file.tensor("lengths").longs()).boxed().toList());
        double[] dx = file.tensor("trace.l0.dx").doubles();     // (B, T, 1)
        double[] h = file.tensor("trace.l0.h").doubles();       // (B, T, 3)

        // the reference: each sequence alone, cut at its length, with the loss at its last step
        SequenceModel m = ModelFile.load(model).model();
        for (int b = 0; b < 2; b++) {
            int n = lengths[b];
            var alone = org.lstmlab.engine.interop.TraceExport.run(m, java.util.Arrays.copyOf(rows[b], n), 1, n,
                    null, true);
            for (int t = 0; t < 8; t++) {
                double want = t < n ? alone.vector("dx", 0, t, 0)[0] : 0;
                assertEquals(want, dx[b * 8 + t], 1e-12, "dx at b=" + b + " t=" + t);
                for (int u = 0; u < 3; u++) {
                    double hw = t < n ? alone.vector("h", 0, t, 0)[u] : 0;
                    assertEquals(hw, h[(b * 8 + t) * 3 + u], 1e-12, "h at b=" + b + " t=" + t);
                }
            }
            assertNotEquals(0.0, dx[b * 8 + n - 1], "the backward pass starts at the length");
        }

        Path csv = dir.resolve("t.csv");
        r = CliTestSupport.run("trace", "--model", model.toString(), "--input", in.toString(), "--out",
                csv.toString());
        assertEquals(0, r.exitCode(), r.err());
        int[] lastT = {-1, -1};
        for (String line : Files.readAllLines(csv).subList(1, Files.readAllLines(csv).size())) {
            String[] f = line.split(",");
            int b = Integer.parseInt(f[2]);
            lastT[b] = Math.max(lastT[b], Integer.parseInt(f[1]));
        }
        assertEquals(List.of(2, 7), List.of(lastT[0], lastT[1]), "the rows stop at each sequence's length");
    }
}
