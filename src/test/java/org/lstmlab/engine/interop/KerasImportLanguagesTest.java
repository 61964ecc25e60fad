package org.lstmlab.engine.interop;

import static org.lstmlab.engine.interop.ImportFiles.array;
import static org.lstmlab.engine.interop.ImportFiles.cell;
import static org.lstmlab.engine.interop.ImportFiles.dense;
import static org.lstmlab.engine.interop.ImportFiles.denseVars;
import static org.lstmlab.engine.interop.ImportFiles.keras;
import static org.lstmlab.engine.interop.ImportFiles.layer;
import static org.lstmlab.engine.interop.ImportFiles.load;
import static org.lstmlab.engine.interop.ImportFiles.model;
import static org.lstmlab.engine.interop.ImportFiles.rnn;
import static org.lstmlab.engine.interop.ImportFiles.sequential;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lstmlab.engine.interop.ImportFiles.Vars;
import org.lstmlab.engine.loss.OutputActivation;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.testing.FileErrorCases.Attempt;
import org.lstmlab.testing.FileErrorTest;

/**
 * A Keras model that cannot be imported says why in the app's language: the refusals of KerasConfig and KerasModel
 * on {@code .keras} archives written here (a config and Keras 3 weights), of KerasArchive on zips that are no such
 * archive, in English as the command line always said it and in Chinese ({@code file-errors/keras.txt}). The
 * HDF5 refusals of KerasH5 are in {@link KerasFileLanguagesTest}.
 */
class KerasImportLanguagesTest extends FileErrorTest {
    private static final Map<String, Attempt> ATTEMPTS = new LinkedHashMap<>();
    static final String LSTM = rnn("lstm", "LSTM", 3);
    static final String DENSE = dense("dense", 2, "linear");
    static final String SEQUENCES = "\"return_sequences\": true";

    /** An LSTM(3) on 2 inputs and a Dense(2), as Keras stores them. */
    static Vars[] lstmAndDense() {
        return new Vars[] {cell("lstm", 2, 3, 4), denseVars("dense", 3, 2)};
    }

    static {
        // the config (KerasConfig)
        put("keras.notSequential", model("Bar", LSTM, DENSE), lstmAndDense());
        put("keras.noLayers", "{\"class_name\": \"Sequential\", \"config\": {\"name\": \"s\"}}", lstmAndDense());
        put("keras.layerNotObject", sequential(LSTM, "5"), lstmAndDense());
        put("keras.timeDistributed", sequential(LSTM, layer("TimeDistributed", "\"name\": \"td\", \"layer\": "
                + LSTM)), lstmAndDense());
        put("keras.bidirectional", sequential(layer("Bidirectional", "\"name\": \"bi\", \"layer\": " + LSTM)),
                cell("lstm", 2, 3, 4));
        put("keras.unknownLayer", sequential(layer("Conv1D", "\"name\": \"conv\""), LSTM), lstmAndDense());
        put("keras.flag", sequential(rnn("lstm", "LSTM", 3, "\"stateful\": true"), DENSE), lstmAndDense());
        put("keras.units", sequential(rnn("lstm", "LSTM", 0), DENSE), lstmAndDense());
        put("keras.notJson", "{\"class_name\": \"Sequential\", \"config\": {\"layers\": [}}", lstmAndDense());
        // the model the config and the weights describe (KerasModel)
        put("keras.afterDense", sequential(rnn("lstm", "LSTM", 3, SEQUENCES), DENSE, rnn("lstm_1", "LSTM", 3)),
                cell("lstm", 2, 3, 4), denseVars("dense", 3, 2), cell("lstm_1", 2, 3, 4));
        put("keras.denseFirst", sequential(DENSE, LSTM), denseVars("dense", 3, 2), cell("lstm", 2, 3, 4));
        put("keras.maskZero", sequential(embedding(2, "\"mask_zero\": true"), rnn("lstm", "LSTM", 3, SEQUENCES)),
                embeddingVars(2), cell("lstm", 2, 3, 4));
        put("keras.embeddingNotFirst", sequential(LSTM, embedding(3)), cell("lstm", 2, 3, 4), embeddingVars(3));
        put("keras.embeddingWidth", sequential(embedding(5), LSTM), embeddingVars(5), cell("lstm", 2, 3, 4));
        put("keras.noRecurrent", sequential(layer("Dropout", "\"name\": \"dropout\"")));
        put("keras.mixed", sequential(rnn("lstm", "LSTM", 3, SEQUENCES), rnn("gru", "GRU", 3), DENSE),
                cell("lstm", 2, 3, 4), cell("gru", 3, 3, 3), denseVars("dense", 3, 2));
        put("keras.notSequences", sequential(LSTM, rnn("lstm_1", "LSTM", 3), DENSE),
                cell("lstm", 2, 3, 4), cell("lstm_1", 3, 3, 4), denseVars("dense", 3, 2));
        put("keras.denseRows", sequential(LSTM, DENSE), cell("lstm", 2, 3, 4), denseVars("dense", 5, 2));
        put("keras.kernelRows", sequential(rnn("lstm", "LSTM", 3, SEQUENCES), rnn("lstm_1", "LSTM", 3)),
                cell("lstm", 2, 3, 4), cell("lstm_1", 5, 3, 4));
        put("keras.softmaxOne", sequential(LSTM, dense("dense", 1, "softmax")), cell("lstm", 2, 3, 4),
                denseVars("dense", 3, 1));
        put("keras.activation", sequential(rnn("lstm", "LSTM", 3, "\"activation\": \"relu\""), DENSE),
                lstmAndDense());
        put("keras.recurrentActivation", sequential(rnn("gru", "GRU", 3,
                "\"recurrent_activation\": \"hard_sigmoid\""), DENSE), cell("gru", 2, 3, 3), denseVars("dense", 3, 2));
        put("keras.simpleRnnActivation", sequential(rnn("simple_rnn", "SimpleRNN", 3,
                "\"activation\": \"sigmoid\""), DENSE), cell("simple_rnn", 2, 3, 1), denseVars("dense", 3, 2));
        put("keras.denseActivation", sequential(LSTM, dense("dense", 2, "tanh")), lstmAndDense());
        put("keras.inputSize", sequential(rnn("lstm", "LSTM", 3, "\"batch_input_shape\": [null, 4, 7]"), DENSE),
                lstmAndDense());
        put("keras.arrays", sequential(LSTM, DENSE), new Vars("lstm", true,
                List.of(array(2, 12), array(3, 12))), denseVars("dense", 3, 2));
        put("keras.shape", sequential(LSTM, DENSE), new Vars("lstm", true,
                List.of(array(2, 12), array(3, 8), array(12))), denseVars("dense", 3, 2));
        ATTEMPTS.put("keras.nonlinearity", d -> ModelImport.load(keras(d, "m.keras", sequential(LSTM, DENSE),
                lstmAndDense()), ImportOptions.NONE.withNonlinearity(CellType.RNN_RELU)));
        ATTEMPTS.put("keras.activationContradicts", d -> ModelImport.load(keras(d, "m.keras",
                sequential(LSTM, DENSE), lstmAndDense()), ImportOptions.NONE.withActivation(OutputActivation.SOFTMAX)));
        ATTEMPTS.put("keras.activationNoDense", d -> ModelImport.load(keras(d, "m.keras", sequential(LSTM),
                cell("lstm", 2, 3, 4)), ImportOptions.NONE.withActivation(OutputActivation.SIGMOID)));
        // weights without a config: the layers read from the shapes
        ATTEMPTS.put("keras.notKernelFirst", d -> load(ImportFiles.weights(d.resolve("m.weights.h5"),
                new Vars("lstm", true, List.<double[][]>of(array(12))))));
        ATTEMPTS.put("keras.recurrentKernel", d -> load(ImportFiles.weights(d.resolve("m.weights.h5"),
                new Vars("lstm", true, List.of(array(2, 6), array(3, 6), array(6))))));
        // zips that are no Keras 3 archive (KerasArchive)
        ATTEMPTS.put("keras.zipEntries", d -> {
            Object[] entries = new Object[2 * (KerasArchive.MAX_ENTRIES + 1)];
            for (int i = 0; i < entries.length; i += 2) {
                entries[i] = "e" + i;
                entries[i + 1] = new byte[0];
            }
            load(ImportFiles.zip(d.resolve("many.keras"), entries));
        });
        ATTEMPTS.put("keras.zipWithoutBoth", d -> load(ImportFiles.zip(d.resolve("notes.keras"),
                "readme.txt", "x".getBytes())));
        ATTEMPTS.put("keras.zipWithoutConfig", d -> load(ImportFiles.zip(d.resolve("w.keras"),
                "model.weights.h5", "x".getBytes())));
        ATTEMPTS.put("keras.zipNpz", d -> load(ImportFiles.zip(d.resolve("npz.keras"),
                "config.json", sequential(LSTM).getBytes(), "model.weights.npz", "x".getBytes())));
        ATTEMPTS.put("keras.zipDamaged", d -> {
            Path f = d.resolve("damaged.keras");
            byte[] b = Arrays.copyOf(new byte[] {'P', 'K', 3, 4}, 200);
            Files.write(f, b);
            load(f);
        });
        ATTEMPTS.put("keras.zipBomb", d -> load(TorchImportTest.DIR.resolve("bad_zip_bomb.keras")));
    }

    KerasImportLanguagesTest() {
        super("/file-errors/keras.txt", ATTEMPTS);
    }

    /** An Embedding(7, d), as Keras' config describes it; {@code extra} as in {@link ImportFiles#layer}. */
    private static String embedding(int d, String... extra) {
        return layer("Embedding", "\"name\": \"embedding\", \"input_dim\": 7, \"output_dim\": " + d
                + ", \"mask_zero\": false", extra);
    }

    private static Vars embeddingVars(int d) {
        return new Vars("embedding", false, java.util.List.<double[][]>of(ImportFiles.array(7, d)));
    }

    /** A case that imports a {@code .keras} archive of this config and these weights. */
    private static void put(String name, String config, Vars... weights) {
        ATTEMPTS.put(name, d -> load(keras(d, name.substring(name.indexOf('.') + 1) + ".keras", config, weights)));
    }

}
