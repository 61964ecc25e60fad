package org.lstmlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.engine.io.SafeTensors;
import org.lstmlab.engine.io.Tensor;

/** {@code predict} on a text classifier (an embedding first): token ids in, PyTorch's numbers out. */
class EmbeddingCliTest {
    static final Path R = Path.of("src/test/resources/interop");
    @TempDir Path dir;

    private static double worst(double[] a, Tensor expected) {
        assertEquals(expected.doubles().length, a.length);
        double w = 0;
        for (int i = 0; i < a.length; i++) {
            w = Math.max(w, Math.abs(a[i] - expected.doubleAt(i)));
        }
        return w;
    }

    @Test
    void tokenIdsFromAnArrayOrACsvPredictWhatPyTorchComputed() throws IOException {
        Path check = R.resolve("emb_lstm_f64.check.safetensors");
        Tensor ids = SafeTensors.read(check).tensor("input");
        Tensor expected = SafeTensors.read(check).tensor("expected");
        Path out = dir.resolve("p.safetensors");
        CliTestSupport.Result r = CliTestSupport.run("predict", "--model", R.resolve("emb_lstm_f64.safetensors")
                .toString(), "--input", check.toString(), "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("'embedding.weight' is an nn.Embedding of 12 rows of 4 values"), r.err());
        assertTrue(worst(SafeTensors.read(out).tensor("prediction").doubles(), expected) < 1e-9);

        StringBuilder csv = new StringBuilder("w1,w2,w3,w4,w5,w6,w7\n");
        long[] v = ids.longs();
        for (int b = 0; b < ids.shape()[0]; b++) {
            for (int t = 0; t < ids.shape()[1]; t++) {
                csv.append(t == 0 ? "" : ",").append(v[b * ids.shape()[1] + t]);
            }
            csv.append('\n');
        }
        Path in = dir.resolve("ids.csv");
        Files.writeString(in, csv);
        Path out2 = dir.resolve("p2.safetensors");
        r = CliTestSupport.run("predict", "--model", R.resolve("emb_lstm_f64.safetensors").toString(), "--input",
                in.toString(), "--out", out2.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(worst(SafeTensors.read(out2).tensor("prediction").doubles(), expected) < 1e-9);
    }

    @Test
    void anIdOutsideTheTableIsRefusedAtItsLineAndFieldWithExitCode2() throws IOException {
        Path in = dir.resolve("ids.csv");
        Files.writeString(in, "a,b,c\n1,2,3\n4,5,12\n");
        Path out = dir.resolve("p.csv");
        CliTestSupport.Result r = CliTestSupport.run("predict", "--model", R.resolve("emb_lstm_f64.safetensors")
                .toString(), "--input", in.toString(), "--out", out.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains(in + ": line 3, field 3 ('c'): token id 12 is outside the model's embedding "
                + "'embedding.weight' of 12 rows: ids go from 0 to 11"), r.err());
        assertFalse(Files.exists(out));
    }

    /** export writes the table with the model, and the model.py it writes runs in PyTorch as given. */
    @Test
    void exportWritesAModelWithAnEmbeddingAndItsModelPyRuns() throws Exception {
        Path out = dir.resolve("export");
        CliTestSupport.Result r = CliTestSupport.run("export", "--model", R.resolve("keras2_embedding_lstm.h5")
                .toString(), "--to", "pytorch", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("wrote " + out.resolve("model.safetensors")), r.out());
        assertTrue(SafeTensors.read(out.resolve("model.safetensors")).has("embedding.weight"));
        String py = org.lstmlab.testing.PythonRun.run(java.util.List.of("/usr/bin/python3",
                out.resolve("model.py").toString()));
        assertTrue(py.startsWith("OK: PyTorch computes what LSTM Lab computed"), py);
    }

    @Test
    void exportToPyTorchRefusesKerasMaskZeroWithExitCode2AndWritesNothing() {
        Path out = dir.resolve("masked");
        CliTestSupport.Result r = CliTestSupport.run("export", "--model", R.resolve("keras2_embedding_masked.h5")
                .toString(), "--to", "pytorch", "--out", out.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("the embedding 'embedding' has Keras' mask_zero=True, which PyTorch's "
                + "nn.Embedding cannot hold (id 0 would be read as a token); export this model to Keras"), r.err());
        assertFalse(Files.exists(out), "nothing written");
    }

    @Test
    void aMaskZeroModelPredictsPaddedIdsAsKerasAndRefusesAnInteriorZeroWithExitCode2() throws IOException {
        Path model = R.resolve("keras2_embedding_masked.h5");
        Path check = R.resolve("keras2_embedding_masked.check.safetensors");
        Path out = dir.resolve("p.safetensors");
        CliTestSupport.Result r = CliTestSupport.run("predict", "--model", model.toString(), "--input",
                check.toString(), "--out", out.toString(), "--batch-size", "4");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("With mask_zero=True, id 0 is padding that Keras skips"), r.err());
        assertTrue(worst(SafeTensors.read(out).tensor("prediction").doubles(),
                SafeTensors.read(check).tensor("expected")) < 1e-9);

        Path in = dir.resolve("ids.csv");
        Files.writeString(in, "a,b,c\n0,4,5\n3,0,2\n");
        Path out2 = dir.resolve("p.csv");
        r = CliTestSupport.run("predict", "--model", model.toString(), "--input", in.toString(), "--out",
                out2.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains(in + ": line 3, field 2 ('b'): token id 0 stands between two other ids: the "
                + "model's Embedding 'embedding' has mask_zero=True"), r.err());
        assertFalse(Files.exists(out2));

        r = CliTestSupport.run("trace", "--model", model.toString(), "--input", check.toString(), "--out",
                dir.resolve("t.json").toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("mask_zero=True and some sequences hold padding of id 0"), r.err());
    }
}
