package org.lstmlab.engine.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.engine.loss.Loss;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.nn.HeadMode;
import org.lstmlab.engine.nn.ModelSpec;
import org.lstmlab.engine.nn.SequenceModel;
import org.lstmlab.engine.optim.Flavour;
import org.lstmlab.engine.optim.OptimizerKind;
import org.lstmlab.engine.train.TrainingConfig;
import org.lstmlab.testing.PythonRun;

class CodeExportTest {
    @TempDir Path dir;

    @Test
    void kerasExampleIsTheSnippetUsersKnow() {
        String k = CodeExport.keras(ModelSpec.kerasExample(50), TrainingConfig.kerasDefaults(), 10);
        assertTrue(k.contains("model.add(LSTM(50, input_shape=(10, 1)))"), k);
        assertTrue(k.contains("model.add(Dense(1, activation='sigmoid'))"), k);
        assertTrue(k.contains("model.compile(loss='binary_crossentropy', optimizer=keras.optimizers.Adam("
                + "learning_rate=0.001), metrics=['accuracy'])"), k);
        assertTrue(k.contains("model.fit(x_train, y_train, epochs=10, batch_size=32"), k);
    }

    @Test
    void stackedAndEveryStepModelsReturnSequences() {
        ModelSpec s = new ModelSpec(CellType.GRU, 7, 16, 3, 7, HeadMode.EVERY_STEP, Loss.SOFTMAX_CROSS_ENTROPY);
        TrainingConfig c = TrainingConfig.kerasDefaults().toBuilder().clipNorm(1.0)
                .optimizer(OptimizerKind.parse("rmsprop")).flavour(Flavour.KERAS).build();
        String k = CodeExport.keras(s, c, 0);
        assertEquals(3, k.split("return_sequences=True", -1).length - 1, k);
        assertTrue(k.contains("model.add(GRU(16, return_sequences=True, input_shape=(None, 7)))"), k);
        assertTrue(k.contains("TimeDistributed(Dense(7, activation='softmax'))"), k);
        assertTrue(k.contains("sparse_categorical_crossentropy"), k);
        assertTrue(k.contains("RMSprop(learning_rate=0.001, global_clipnorm=1.0)"), k);
        String p = CodeExport.pytorch(s, c);
        assertTrue(p.contains("self.rnn = nn.GRU(input_size=7, hidden_size=16, num_layers=3, batch_first=True)"), p);
        assertTrue(p.contains("self.fc = nn.Linear(16, 7)"), p);
        assertTrue(p.contains("return self.fc(out)"), p);
        assertTrue(p.contains("loss_fn(model(x).reshape(-1, 7), y.reshape(-1))"), p);
        assertTrue(p.contains("clip_grad_norm_(model.parameters(), 1.0)"), p);
    }

    @Test
    void theTorchModuleNamesMatchTheModelFile() {
        ModelSpec s = new ModelSpec(CellType.RNN_TANH, 2, 8, 2, 1, HeadMode.LAST, Loss.MEAN_SQUARED_ERROR);
        String p = CodeExport.pytorch(s, TrainingConfig.kerasDefaults().toBuilder()
                .optimizer(OptimizerKind.parse("sgd")).flavour(Flavour.TORCH).build());
        for (String name : new SequenceModel(s).namedParameters().keySet()) {
            String attribute = name.substring(0, name.indexOf('.'));
            assertTrue(p.contains("self." + attribute + " = "), name + " in\n" + p);
        }
        assertTrue(p.contains("nonlinearity='tanh'"), p);
        assertTrue(p.contains("torch.optim.SGD(model.parameters(), lr=0.001, momentum=0.0)"), p);
        assertTrue(p.contains("return self.fc(out[:, -1])"), p);
        assertFalse(CodeExport.keras(s, TrainingConfig.kerasDefaults(), 50).contains("metrics"), "no accuracy for MSE");
    }

    @Test
    void generatedCodeIsValidPython() throws Exception {
        ModelSpec s = new ModelSpec(CellType.LSTM, 3, 4, 2, 2, HeadMode.LAST, Loss.SOFTMAX_CROSS_ENTROPY);
        TrainingConfig c = TrainingConfig.kerasDefaults().toBuilder().clipNorm(5).build();
        for (String code : new String[] {CodeExport.keras(s, c, 20), CodeExport.pytorch(s, c)}) {
            Path f = dir.resolve("code.py");
            Files.writeString(f, code, StandardCharsets.UTF_8);
            // python3 is a test requirement (README): without it this fails, naming it, rather than passing unseen
            PythonRun.run(List.of("/usr/bin/python3", "-c", "import ast,sys; ast.parse(open(sys.argv[1]).read())",
                    f.toString()));
        }
    }
}
