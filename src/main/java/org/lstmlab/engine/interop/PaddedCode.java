package org.lstmlab.engine.interop;

import org.lstmlab.engine.loss.Loss;
import org.lstmlab.engine.nn.HeadMode;
import org.lstmlab.engine.nn.ModelSpec;
import org.lstmlab.engine.train.TrainingConfig;

/**
 * The scripts of {@link TrainingScripts} for sequences of several lengths, which data.npz holds zero-padded after
 * each sequence's end, with {@code lengths_train} and {@code lengths_val}. LSTM Lab batches sequences of one length
 * together and runs each over its own steps; the loss of a batch is the mean over its sequences of each one's loss
 * (at every step: the mean over its steps), and {@code val_loss} the mean over the sequences. PyTorch packs a batch
 * of several lengths to compute the same: padding never enters the recurrent layer, the head reads each sequence's
 * real last step, and a mask keeps the steps after the end out of a loss at every step. Keras masks the zeros. The
 * Train tab's code panes show the same code for such a task, commented in the window's language.
 */
public final class PaddedCode {
    /** Where the files' long comments break. */
    static final int FILE_WIDTH = 100;

    private PaddedCode() {
    }

    /**
     * {@link CodeExport#pytorch} for sequences of several lengths, commented in {@code say}'s language: a forward
     * pass {@code forward(x, lengths)} that packs, and at every step a loss that masks ({@code masked_loss}).
     */
    public static String pytorch(ModelSpec s, TrainingConfig c, CodeComments say) {
        return pytorch(s, c, say, 0);
    }

    /** {@link #pytorch(ModelSpec, TrainingConfig, CodeComments)} with comments broken before {@code width}. */
    static String pytorch(ModelSpec s, TrainingConfig c, CodeComments say, int width) {
        String code = CodeExport.pytorch(s, c, say);
        boolean every = s.head() == HeadMode.EVERY_STEP;
        int from = code.indexOf("    def forward(self, x):");
        int to = code.indexOf("\n\n\n", from);
        String forward = "    def forward(self, x, lengths):  # x: (" + say.say("batch") + ", T, " + s.inputSize()
                + "), " + say.say("zerosAfterEnd") + "; lengths: (" + say.say("batch") + ",)\n"
                + comment("        ", say.say("packWhy"), width)
                + "        packed = nn.utils.rnn.pack_padded_sequence(x, lengths, batch_first=True, "
                + "enforce_sorted=False)\n"
                + "        out, _ = self.rnn(packed)\n"
                + "        out, _ = nn.utils.rnn.pad_packed_sequence(out, batch_first=True, total_length=x.shape[1])"
                + "  # (" + say.say("batch") + ", T, " + s.hiddenSize() + ")\n"
                + (every ? "        return self.fc(out)  # " + say.say("logitsEveryMasked")
                        : "        return self.fc(out[torch.arange(x.shape[0]), lengths - 1])  # "
                        + say.say("logitsLastReal"));
        code = code.substring(0, from) + forward + code.substring(to);
        code = swap(code, "    for x, y in train_loader:", "    for x, lengths, y in train_loader:");
        code = swap(code, "# " + say.say("torchData") + "\n", "# " + say.say("torchDataPadded") + "\n");
        int loss = code.indexOf("        loss = loss_fn(");
        int end = code.indexOf('\n', loss);
        code = code.substring(0, loss) + (every ? "        loss = masked_loss(model(x, lengths), y, lengths)"
                : "        loss = loss_fn(model(x, lengths), y)") + code.substring(end);
        if (every) {
            int at = code.indexOf("loss_fn = ");
            int line = code.indexOf('\n', at);
            String fn = code.substring(at, line).replace("Loss()", "Loss(reduction='none')");
            String note = say.say("perStepLoss");
            fn = fn.contains("  # ") ? fn.replace("  # ", "  # " + note + "; ") : fn + "  # " + note;
            code = code.substring(0, at) + fn + "\n" + maskedLoss(s, say) + code.substring(line + 1);
        }
        return code;
    }

    /**
     * {@code text} as comment lines indented by {@code indent}, broken between words before {@code width} columns
     * (the files), or as one line when {@code width} is 0 (the Train tab's panes, which fold it to their width).
     */
    private static String comment(String indent, String text, int width) {
        StringBuilder b = new StringBuilder();
        StringBuilder line = new StringBuilder(indent).append('#');
        for (String word : text.split(" ")) {
            if (width > 0 && line.length() + 1 + word.length() > width && line.length() > indent.length() + 1) {
                b.append(line).append('\n');
                line = new StringBuilder(indent).append('#');
            }
            line.append(' ').append(word);
        }
        return b.append(line).append('\n').toString();
    }

    /** LSTM Lab's loss at every step: each sequence's mean over its real steps, then the mean over the batch. */
    private static String maskedLoss(ModelSpec s, CodeComments say) {
        boolean classes = s.loss() == Loss.SOFTMAX_CROSS_ENTROPY;
        String batch = say.say("batch");
        return "\n\ndef masked_loss(logits, y, lengths):  # " + say.say("maskedLoss") + "\n"
                + "    real = torch.arange(logits.shape[1]) < lengths[:, None]  # (" + batch + ", T): "
                + say.say("realSteps") + "\n"
                + (classes ? "    per_step = loss_fn(logits.transpose(1, 2), torch.where(real, y, 0))  # (" + batch
                        + ", T)\n"
                        : "    per_step = loss_fn(logits, torch.where(real[..., None], y, 0.0)).mean(-1)  # "
                        + say.say("meanOverOutputs") + ": (" + batch + ", T)\n")
                + "    return ((per_step * real).sum(1) / lengths).mean()\n\n\n";
    }

    /** The body of the PyTorch script's {@code val_loss()} (inside its {@code with torch.no_grad():}). */
    static String valLoss(ModelSpec s) {
        return (s.head() == HeadMode.EVERY_STEP
                ? "        return masked_loss(model(x_val, lengths_val), y_val, lengths_val).item()\n"
                : "        return loss_fn(model(x_val, lengths_val), y_val).item()\n") + "\n\n";
    }

    /**
     * {@link CodeExport#keras} for sequences of any length ({@code input_shape=(None, D)}) with a {@code Masking}
     * layer first, commented in {@code say}'s language.
     */
    public static String keras(ModelSpec s, TrainingConfig c, boolean oneHot, CodeComments say) {
        return keras(s, c, oneHot, say, 0);
    }

    private static String keras(ModelSpec s, TrainingConfig c, boolean oneHot, CodeComments say, int width) {
        String code = CodeExport.keras(s, c, 0, oneHot, say);
        code = swap(code, ", Dense", ", Dense, Masking");
        String shape = ", input_shape=(None, " + s.inputSize() + ")";
        int first = code.indexOf("model.add(");
        code = swap(code, shape, "");
        code = code.substring(0, first) + comment("", say.say("kerasMasking"), width)
                + "model.add(Masking(mask_value=0.0" + shape + "))\n" + code.substring(first);
        if (s.head() == HeadMode.EVERY_STEP) {
            int fit = code.indexOf("model.fit(");
            code = code.substring(0, fit) + comment("", say.say("kerasMaskedLoss"), width) + code.substring(fit);
        }
        return code;
    }

    /** train_keras.py: {@link #keras} with English comments and the lines that load data.npz. */
    static String kerasScript(ModelSpec s, TrainingConfig c, boolean oneHot) {
        String code = keras(s, c, oneHot, CodeComments.ENGLISH, FILE_WIDTH);
        String load = "HERE = os.path.dirname(os.path.abspath(__file__))\n"
                + "data = np.load(os.path.join(HERE, 'data.npz'))  # zero-padded; lengths_train, lengths_val: the "
                + "real lengths\n"
                + "x_train, y_train = data['x_train'], data['y_train']\n"
                + "x_val, y_val = data['x_val'], data['y_val']\n";
        int at = code.indexOf("model.fit(");
        return "import os\nimport numpy as np\n" + code.substring(0, at) + load + code.substring(at);
    }

    /** {@code code} with its one {@code old} replaced; a change of the code it edits fails loudly here. */
    private static String swap(String code, String old, String now) {
        int at = code.indexOf(old);
        if (at < 0 || code.indexOf(old, at + 1) >= 0) {
            throw new IllegalStateException("not once in the generated code: " + old);
        }
        return code.substring(0, at) + now + code.substring(at + old.length());
    }
}
