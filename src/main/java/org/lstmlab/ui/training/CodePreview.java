package org.lstmlab.ui.training;

import java.util.Optional;
import java.util.ResourceBundle;
import java.util.function.Supplier;

import org.lstmlab.engine.data.Dataset;
import org.lstmlab.engine.interop.CodeComments;
import org.lstmlab.engine.interop.CodeExport;
import org.lstmlab.engine.interop.PaddedCode;
import org.lstmlab.engine.interop.PythonFolding;
import org.lstmlab.engine.nn.ModelSpec;
import org.lstmlab.engine.tasks.SeriesTask;
import org.lstmlab.engine.tasks.Task;
import org.lstmlab.engine.train.TrainingConfig;
import org.lstmlab.ui.common.I18n;

/**
 * What the Train tab's code preview shows for a task and the form's settings: the equivalent Keras and PyTorch code
 * (long lines folded inside their brackets to {@link #WIDTH} characters),
 * and the head with its loss ("Dense(1, sigmoid)" over "binary_crossentropy"). Settings the engine refuses show as
 * a comment saying why, in the app's language, and leave the head as it was.
 *
 * @param keras the Keras code, or a comment with the reason
 * @param torch the PyTorch code, or a comment with the reason
 * @param head  the head and loss, when the settings make a model
 */
record CodePreview(String keras, String torch, Optional<String> head) {
    /**
     * The head and its loss: in English as the Keras code beside it names them ("Dense(1, sigmoid)" over
     * "binary_crossentropy", "sparse_categorical_crossentropy" for classes given as indices), in
     * Chinese in words ("全连接层（1 个输出，sigmoid）" over "二元交叉熵"); {@code training.headText} has the outputs,
     * Keras' names of the activation and the loss, then the activation and the loss in the bundle's words.
     */
    static String head(ResourceBundle i18n, ModelSpec spec) {
        String activation = spec.loss().activation().kerasName();
        String loss = spec.loss().kerasName();
        return I18n.format(i18n, "training.headText", Integer.toString(spec.outputSize()), activation,
                CodeExport.kerasLoss(spec.loss()),
                i18n.getString("training.headActivation." + activation), i18n.getString("training.headLoss." + loss));
    }

    /** Characters a line of code may take: what the panel shows at 1024 × 768 without scrolling. */
    static final int WIDTH = 50;

    static CodePreview of(ResourceBundle i18n, Task t, Supplier<Dataset> shapes, TrainingForm form) {
        try {
            Dataset shape = shapes.get();
            ModelSpec spec = t.model(shape, form.cell.get(), form.units.get(), Math.max(1, form.layers.get()));
            TrainingConfig c = form.config();
            boolean fixed = shape.train().stream().mapToInt(s -> s.steps()).distinct().count() == 1
                    && shape.train().stream().noneMatch(s -> s.isPadded());   // padded: the lengths come along
            boolean chosen = t.lengthAdjustable() || t instanceof SeriesTask;   // a length or a window
            int steps = !fixed ? 0 : chosen ? form.steps.get() : shape.train().get(0).steps();
            CodeComments say = CodeComments.in(i18n.getLocale());
            String torch;
            try {
                torch = fixed ? CodeExport.pytorch(spec, c, say) : PaddedCode.pytorch(spec, c, say);
            } catch (IllegalArgumentException e) {   // the reset-before GRU: Keras has it, PyTorch does not
                torch = "# " + I18n.explain(i18n, e);
            }
            boolean oneHot = !(t instanceof SeriesTask) && spec.inputSize() > 1
                    && spec.loss() == org.lstmlab.engine.loss.Loss.SOFTMAX_CROSS_ENTROPY;   // a file's rows are numbers
            String keras = fixed ? CodeExport.keras(spec, c, steps, oneHot, say)
                    : PaddedCode.keras(spec, c, oneHot, say);   // padded after each end, as Save code and data saves
            if (t instanceof SeriesTask series) {   // the code trains on what the app trains on, not on raw thousands
                // what the code must do first, as the app does: standardise the columns (sales in thousands fed
                // raw learn far worse than the run beside it); a file of classes standardises its inputs only
                String note = I18n.format(i18n, series.classes() != null ? "training.code.standardisedClasses"
                        : "training.code.standardised");
                keras = keras.replace("# x_train:", note + "# x_train:");
                torch = torch.replace("for epoch in range(", note + "for epoch in range(");
            }
            if (t.readsTokens() && form.embedding.get() > 0) {   // the run has a table this code does not build
                String note = I18n.format(i18n, "training.code.oneHotOnly", Integer.toString(spec.inputSize()),
                        Integer.toString(form.embedding.get()));
                keras = note + keras;
                torch = note + torch;
            }
            return new CodePreview(PythonFolding.fold(keras, WIDTH), PythonFolding.fold(torch, WIDTH),
                    Optional.of(head(i18n, spec)));
        } catch (IllegalArgumentException e) {
            String why = "# " + I18n.explain(i18n, e);
            return new CodePreview(why, why, Optional.empty());
        }
    }
}
