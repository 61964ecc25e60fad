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
 * real last step, and a mask keeps the steps after the end out of a loss at every step. Keras masks the zeros.
 */
final class PaddedCode {
    private PaddedCode() {
    }

    private static final String WHY = """
                    # LSTM Lab runs each sequence over its own steps only (it batches sequences of one length together).
                    # Packing does the same for a batch of several lengths: the padding never enters the recurrent
                    # layer, and each sequence's outputs stop at its own last step, whatever the padding holds.
            """;

    /** The PyTorch code of {@link CodeExport#pytorch} with a forward pass that packs and a loss that masks. */
    static String torch(String code, ModelSpec s) {
        boolean every = s.head() == HeadMode.EVERY_STEP;
        int from = code.indexOf("    def forward(self, x):");
        int to = code.indexOf("\n\n\n", from);
        String forward = "    def forward(self, x, lengths):  # x: (batch, T, " + s.inputSize()
                + "), zeros after each sequence's end; lengths: (batch,)\n" + WHY
                + "        packed = nn.utils.rnn.pack_padded_sequence(x, lengths, batch_first=True, "
                + "enforce_sorted=False)\n"
                + "        out, _ = self.rnn(packed)\n"
                + "        out, _ = nn.utils.rnn.pad_packed_sequence(out, batch_first=True, total_length=x.shape[1])"
                + "  # (batch, T, " + s.hiddenSize() + ")\n"
                + (every ? "        return self.fc(out)  # logits of every step; those after the end are left out of"
                        + " the loss"
                        : "        return self.fc(out[torch.arange(x.shape[0]), lengths - 1])  # logits of each "
                        + "sequence's last real step");
        code = code.substring(0, from) + forward + code.substring(to);
        code = swap(code, "    for x, y in train_loader:", "    for x, lengths, y in train_loader:");
        code = swap(code, "# train_loader (x_train, y_train), x_val, y_val:",
                "# train_loader (x_train, lengths_train, y_train), x_val, lengths_val, y_val:");
        int loss = code.indexOf("        loss = loss_fn(");
        int end = code.indexOf('\n', loss);
        code = code.substring(0, loss) + (every ? "        loss = masked_loss(model(x, lengths), y, lengths)"
                : "        loss = loss_fn(model(x, lengths), y)") + code.substring(end);
        if (every) {
            int at = code.indexOf("loss_fn = ");
            int line = code.indexOf('\n', at);
            String fn = code.substring(at, line).replace("Loss()", "Loss(reduction='none')");
            String note = "per step, averaged by masked_loss";
            fn = fn.contains("  # ") ? fn.replace("  # ", "  # " + note + "; ") : fn + "  # " + note;
            code = code.substring(0, at) + fn + "\n" + maskedLoss(s) + code.substring(line + 1);
        }
        return code;
    }

    /** LSTM Lab's loss at every step: each sequence's mean over its real steps, then the mean over the batch. */
    private static String maskedLoss(ModelSpec s) {
        boolean classes = s.loss() == Loss.SOFTMAX_CROSS_ENTROPY;
        return "\n\ndef masked_loss(logits, y, lengths):  # as LSTM Lab: each sequence's mean over its real steps, "
                + "then the mean over the batch\n"
                + "    real = torch.arange(logits.shape[1]) < lengths[:, None]  # (batch, T): True up to each "
                + "sequence's last step\n"
                + (classes ? "    per_step = loss_fn(logits.transpose(1, 2), torch.where(real, y, 0))  # (batch, T)\n"
                        : "    per_step = loss_fn(logits, torch.where(real[..., None], y, 0.0)).mean(-1)  # mean over"
                        + " the outputs: (batch, T)\n")
                + "    return ((per_step * real).sum(1) / lengths).mean()\n\n\n";
    }

    /** The body of the PyTorch script's {@code val_loss()} (inside its {@code with torch.no_grad():}). */
    static String valLoss(ModelSpec s) {
        return (s.head() == HeadMode.EVERY_STEP
                ? "        return masked_loss(model(x_val, lengths_val), y_val, lengths_val).item()\n"
                : "        return loss_fn(model(x_val, lengths_val), y_val).item()\n") + "\n\n";
    }

    /**
     * The Keras code of {@link CodeExport#keras} for sequences of any length ({@code input_shape=(None, D)}) with a
     * {@code Masking} layer first, and the lines that load data.npz.
     */
    static String keras(ModelSpec s, TrainingConfig c, boolean oneHot) {
        String code = CodeExport.keras(s, c, 0, oneHot, CodeComments.ENGLISH);
        code = swap(code, ", Dense", ", Dense, Masking");
        String shape = ", input_shape=(None, " + s.inputSize() + ")";
        int first = code.indexOf("model.add(");
        code = swap(code, shape, "");
        code = code.substring(0, first) + """
                # Masking skips the zero padding after each sequence's end (no real step is all zeros): the
                # recurrent layer carries its state over it, so its last output is each sequence's real last step,
                # as in LSTM Lab.
                """
                + "model.add(Masking(mask_value=0.0" + shape + "))\n" + code.substring(first);
        if (s.head() == HeadMode.EVERY_STEP) {
            int fit = code.indexOf("model.fit(");
            code = code.substring(0, fit) + """
                    # The mask keeps the steps after the end out of the loss too. Keras averages over the real steps of
                    # a batch, LSTM Lab over each sequence's steps first, then over the sequences: its val_loss
                    # weighs every sequence alike, this one every step.
                    """ + code.substring(fit);
        }
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
