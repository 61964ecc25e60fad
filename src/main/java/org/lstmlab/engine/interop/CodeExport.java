package org.lstmlab.engine.interop;

import java.util.Locale;

import org.lstmlab.engine.loss.Loss;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.nn.HeadMode;
import org.lstmlab.engine.nn.ModelSpec;
import org.lstmlab.engine.optim.Flavour;
import org.lstmlab.engine.text.Refusal;
import org.lstmlab.engine.train.TrainingConfig;

/**
 * The Keras and PyTorch code that builds and trains the same model as a {@link ModelSpec} with a
 * {@link TrainingConfig}: what the Train tab shows beside its builder. The PyTorch module names its parts
 * {@code rnn} and {@code fc}, as the model file does, so {@code load_state_dict} takes a saved model unchanged.
 */
public final class CodeExport {
    private CodeExport() {
    }

    /** Keras 3 code with English comments, for a model whose inputs are one-hot when a softmax head has several. */
    public static String keras(ModelSpec s, TrainingConfig c, int steps) {
        return keras(s, c, steps, s.inputSize() > 1 && s.loss() == Loss.SOFTMAX_CROSS_ENTROPY, CodeComments.ENGLISH);
    }

    /**
     * Keras 3 code commented in {@code say}'s language. {@code steps} is T, or 0 when sequences vary in length
     * ({@code input_shape=(None, D)}); {@code oneHot}: the inputs are one-hot vectors (characters, words), not
     * numbers.
     */
    public static String keras(ModelSpec s, TrainingConfig c, int steps, boolean oneHot, CodeComments say) {
        StringBuilder b = new StringBuilder();
        String layer = kerasLayer(s.cell());
        String t = steps > 0 ? Integer.toString(steps) : "None";
        boolean every = s.head() == HeadMode.EVERY_STEP;
        b.append("import keras\n");
        b.append("from keras.models import Sequential\n");
        b.append("from keras.layers import ").append(layer.replaceAll("\\(.*", "")).append(", Dense")
                .append(every ? ", TimeDistributed" : "").append("\n\n");
        boolean torchInit = c.init() == org.lstmlab.engine.nn.Initializers.Scheme.TORCH;
        if (torchInit) {
            b.append("# ").append(say.say("kerasTorchInit")).append("\n");
            b.append("init = keras.initializers.RandomUniform(-").append(number(1 / Math.sqrt(s.hiddenSize())))
                    .append(", ").append(number(1 / Math.sqrt(s.hiddenSize()))).append(")\n");
        }
        b.append("model = Sequential()\n");
        for (int k = 0; k < s.numLayers(); k++) {
            boolean sequences = every || k < s.numLayers() - 1;
            b.append("model.add(").append(layer.replace("UNITS", Integer.toString(s.hiddenSize())));
            b.setLength(b.length() - 1);
            if (sequences) {
                b.append(", return_sequences=True");
            }
            if (torchInit) {
                b.append(", kernel_initializer=init, recurrent_initializer=init, bias_initializer=init");
            }
            if (k == 0) {
                b.append(", input_shape=(").append(t).append(", ").append(s.inputSize()).append(")");
            }
            b.append("))\n");
        }
        String dense = "Dense(" + s.outputSize() + ", activation='" + s.loss().activation().kerasName() + "'"
                + (torchInit ? ", kernel_initializer=init, bias_initializer=init" : "") + ")";
        b.append("model.add(").append(every ? "TimeDistributed(" + dense + ")" : dense).append(")\n");
        b.append("model.compile(loss='").append(kerasLoss(s.loss())).append("', optimizer=")
                .append(kerasOptimizer(c)).append(s.loss() == Loss.MEAN_SQUARED_ERROR ? ")\n"
                        : ", metrics=['accuracy'])\n");
        b.append("model.summary()\n\n");
        String samples = say.say("samples");
        b.append("# x_train: (").append(samples).append(", ").append(t).append(", ").append(s.inputSize()).append(")")
                .append(oneHot ? " " + say.say("oneHot") : "").append("; y_train: ").append(kerasTargets(s, say))
                .append("\n");
        b.append("# ").append(say.say("kerasData")).append("\n");
        b.append("model.fit(x_train, y_train, epochs=").append(c.epochs()).append(", batch_size=")
                .append(c.batchSize()).append(", validation_data=(x_val, y_val))\n");
        return b.toString();
    }

    private static String kerasLayer(CellType cell) {
        return switch (cell) {
            case LSTM -> "LSTM(UNITS)";
            case GRU -> "GRU(UNITS)";
            case GRU_RESET_BEFORE -> "GRU(UNITS, reset_after=False)";
            case RNN_TANH -> "SimpleRNN(UNITS, activation='tanh')";
            case RNN_RELU -> "SimpleRNN(UNITS, activation='relu')";
            case LSTM_SQUASHED_CELL, LSTM_TANH_INPUT -> throw notExportable(cell);
        };
    }

    public static String kerasLoss(Loss loss) {
        return switch (loss) {
            case BINARY_CROSS_ENTROPY -> "binary_crossentropy";
            case SOFTMAX_CROSS_ENTROPY -> "sparse_categorical_crossentropy";
            case MEAN_SQUARED_ERROR -> "mse";
        };
    }

    private static String kerasTargets(ModelSpec s, CodeComments say) {
        String rows = "(" + say.say("samples") + (s.head() == HeadMode.EVERY_STEP ? ", T" : "");
        return s.loss() == Loss.SOFTMAX_CROSS_ENTROPY ? rows + ") " + say.say("classIndices")
                : rows + ", " + s.outputSize() + ")";
    }

    public static String kerasOptimizer(TrainingConfig c) {
        String lr = number(c.learningRate());
        String clip = c.clipNorm() > 0 ? ", global_clipnorm=" + number(c.clipNorm()) : "";
        return switch (c.optimizer()) {
            case ADAM -> "keras.optimizers.Adam(learning_rate=" + lr
                    + (c.flavour() == Flavour.TORCH ? ", epsilon=1e-8" : "") + clip + ")";
            case RMSPROP -> "keras.optimizers.RMSprop(learning_rate=" + lr
                    + (c.flavour() == Flavour.TORCH ? ", rho=0.99, epsilon=1e-8" : "") + clip + ")";
            case SGD -> "keras.optimizers.SGD(learning_rate=" + lr + ", momentum=" + number(c.momentum()) + clip + ")";
        };
    }

    /** PyTorch code with English comments. */
    public static String pytorch(ModelSpec s, TrainingConfig c) {
        return pytorch(s, c, CodeComments.ENGLISH);
    }

    /**
     * PyTorch code commented in {@code say}'s language: an {@code nn.Module} with {@code rnn} and {@code fc}, the
     * loss, the optimizer, the loop.
     */
    public static String pytorch(ModelSpec s, TrainingConfig c, CodeComments say) {
        StringBuilder b = new StringBuilder();
        boolean every = s.head() == HeadMode.EVERY_STEP;
        b.append("import torch\nfrom torch import nn\n\n\n");
        b.append("class Model(nn.Module):\n");
        b.append("    def __init__(self):\n");
        b.append("        super().__init__()\n");
        b.append("        self.rnn = ").append(torchLayer(s)).append("\n");
        b.append("        self.fc = nn.Linear(").append(s.hiddenSize()).append(", ").append(s.outputSize())
                .append(")\n\n");
        String batch = say.say("batch");
        b.append("    def forward(self, x):  # x: (").append(batch).append(", T, ").append(s.inputSize()).append(")\n");
        b.append("        out, _ = self.rnn(x)  # (").append(batch).append(", T, ").append(s.hiddenSize())
                .append(")\n");
        b.append(every ? "        return self.fc(out)  # " + say.say("logitsEvery") + "\n"
                : "        return self.fc(out[:, -1])  # " + say.say("logitsLast") + "\n");
        b.append("\n\n");
        if (c.init() == org.lstmlab.engine.nn.Initializers.Scheme.KERAS) {
            b.append(torchKerasInit(s, say));
        }
        b.append(c.precision() == org.lstmlab.engine.math.Precision.FLOAT32
                ? "model = Model()  # " + say.say("float32") + "\n"
                : "model = Model().double()  # " + say.say("float64") + "\n");
        if (c.init() == org.lstmlab.engine.nn.Initializers.Scheme.KERAS) {
            b.append("init_keras_style(model)\n");
        }
        b.append("# model.load_state_dict(safetensors.torch.load_file('model.safetensors'))  # ")
                .append(say.say("savedModel")).append("\n");
        b.append("loss_fn = ").append(torchLoss(s.loss(), say)).append("\n");
        b.append("optimizer = ").append(torchOptimizer(c, say)).append("\n\n");
        b.append("# ").append(say.say("torchData")).append("\n");
        b.append("for epoch in range(").append(c.epochs()).append("):\n");
        b.append("    for x, y in train_loader:  # DataLoader(..., batch_size=").append(c.batchSize())
                .append(", shuffle=True)\n");
        b.append("        optimizer.zero_grad()\n");
        if (every && s.loss() == Loss.SOFTMAX_CROSS_ENTROPY) {
            b.append("        loss = loss_fn(model(x).reshape(-1, ").append(s.outputSize())
                    .append("), y.reshape(-1))\n");
        } else {
            b.append("        loss = loss_fn(model(x), y)\n");
        }
        b.append("        loss.backward()\n");
        if (c.clipNorm() > 0) {
            b.append("        nn.utils.clip_grad_norm_(model.parameters(), ").append(number(c.clipNorm()))
                    .append(")\n");
        }
        b.append("        optimizer.step()\n");
        return b.toString();
    }

    public static String torchLayer(ModelSpec s) {
        String args = "input_size=" + s.inputSize() + ", hidden_size=" + s.hiddenSize() + ", num_layers="
                + s.numLayers() + ", batch_first=True";
        return switch (s.cell()) {
            case LSTM -> "nn.LSTM(" + args + ")";
            case GRU -> "nn.GRU(" + args + ")";
            case GRU_RESET_BEFORE -> throw notInPyTorch(s.cell());
            case RNN_TANH -> "nn.RNN(" + args + ", nonlinearity='tanh')";
            case RNN_RELU -> "nn.RNN(" + args + ", nonlinearity='relu')";
            case LSTM_SQUASHED_CELL, LSTM_TANH_INPUT -> throw notExportable(s.cell());
        };
    }

    /** The tutorial's wrong cells exist in no framework: there is no code to write for them. */
    public static IllegalArgumentException notExportable(CellType cell) {
        return Refusal.of("engine.export.notExportable", cell.id());
    }

    /** A standard cell that PyTorch does not implement: the reset-before GRU. */
    public static IllegalArgumentException notInPyTorch(CellType cell) {
        return Refusal.of("engine.export.notInPyTorch", cell.id());
    }

    public static String torchLoss(Loss loss, CodeComments say) {
        return switch (loss) {
            case BINARY_CROSS_ENTROPY -> "nn.BCEWithLogitsLoss()  # " + say.say("bceFromLogits");
            case SOFTMAX_CROSS_ENTROPY -> "nn.CrossEntropyLoss()  # " + say.say("ceFromLogits");
            case MEAN_SQUARED_ERROR -> "nn.MSELoss()";
        };
    }

    public static String torchOptimizer(TrainingConfig c, CodeComments say) {
        String lr = number(c.learningRate());
        return switch (c.optimizer()) {
            case ADAM -> "torch.optim.Adam(model.parameters(), lr=" + lr
                    + (c.flavour() == Flavour.KERAS ? ", eps=1e-7" : "") + ")";
            case RMSPROP -> "torch.optim.RMSprop(model.parameters(), lr=" + lr
                    + (c.flavour() == Flavour.KERAS ? ", alpha=0.9, eps=1e-7)  # " + say.say("kerasRho") : ")");
            case SGD -> "torch.optim.SGD(model.parameters(), lr=" + lr + ", momentum=" + number(c.momentum()) + ")";
        };
    }

    /** PyTorch code that gives the model Keras' initialisers, as the app did for a run with Keras init. */
    public static String torchKerasInit(ModelSpec s, CodeComments say) {
        StringBuilder b = new StringBuilder();
        b.append("def init_keras_style(model):  # ").append(say.say("torchKerasInit")).append("\n");
        b.append("    for name, p in model.rnn.named_parameters():\n");
        b.append("        if name.startswith('weight_ih'):\n");
        b.append("            nn.init.xavier_uniform_(p)  # kernel: glorot_uniform\n");
        b.append("        elif name.startswith('weight_hh'):\n");
        b.append("            nn.init.orthogonal_(p)  # recurrent_kernel: orthogonal\n");
        b.append("        else:\n");
        b.append("            nn.init.zeros_(p)  # bias: zeros\n");
        if (s.cell() == CellType.LSTM) {
            b.append("            if name.startswith('bias_ih'):\n");
            b.append("                p.data[").append(s.hiddenSize()).append(":").append(2 * s.hiddenSize())
                    .append("] = 1.0  # unit_forget_bias=True\n");
        }
        b.append("    nn.init.xavier_uniform_(model.fc.weight)\n");
        b.append("    nn.init.zeros_(model.fc.bias)\n\n\n");
        return b.toString();
    }

    public static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e6) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        String s = Double.toString(v);
        return s.contains("E") ? s.replace("E", "e") : s;
    }
}
