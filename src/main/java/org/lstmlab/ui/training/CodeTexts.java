package org.lstmlab.ui.training;

import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.lstmlab.engine.data.Dataset;
import org.lstmlab.engine.tasks.Task;
import org.lstmlab.ui.common.Percent;
import org.lstmlab.ui.common.TaskTexts;

/**
 * The text beside the Train tab's form: the Keras and PyTorch code of the model it describes, the head and loss
 * the data fixes and the criterion of the task's verdict ({@link CodePreview}). Written again whenever a setting
 * of the form changes, and after View ▸ Language ({@link #refresh}).
 */
final class CodeTexts {
    private final ResourceBundle i18n;
    private final TrainingForm form;
    private final ReadOnlyStringWrapper keras = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper torch = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper head = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper criterion = new ReadOnlyStringWrapper("");
    private final Map<Task, Dataset> shapes = new java.util.IdentityHashMap<>();

    /** Follows {@code form} from now on; the first text comes with its first change (or {@link #refresh}). */
    CodeTexts(ResourceBundle i18n, TrainingForm form) {
        this.i18n = i18n;
        this.form = form;
        form.task.addListener((o, a, b) -> refresh());
        for (var p : List.of(form.steps, form.units, form.layers, form.embedding, form.batchSize,
                form.epochs)) {
            p.addListener((o, a, b) -> refresh());
        }
        for (var p : List.of(form.learningRate, form.clipNorm, form.seed)) {
            p.addListener((o, a, b) -> refresh());
        }
        form.optimizer.addListener((o, a, b) -> refresh());
        form.cell.addListener((o, a, b) -> refresh());
        form.torchFlavour.addListener((o, a, b) -> refresh());
        form.precision.addListener((o, a, b) -> refresh());
    }

    ReadOnlyStringProperty kerasProperty() {
        return keras.getReadOnlyProperty();
    }

    ReadOnlyStringProperty torchProperty() {
        return torch.getReadOnlyProperty();
    }

    ReadOnlyStringProperty headProperty() {
        return head.getReadOnlyProperty();
    }

    ReadOnlyStringProperty criterionProperty() {
        return criterion.getReadOnlyProperty();
    }

    /** Writes the texts for the form as it is, in the bundle's language now; nothing while no task is chosen. */
    void refresh() {
        Task t = form.task.get();
        if (t == null) {
            return;
        }
        criterion.set(Percent.keepTogether(TaskTexts.criterion(i18n, t)));
        CodePreview code = CodePreview.of(i18n, t, () -> shape(t), form);
        keras.set(code.keras());
        torch.set(code.torch());
        code.head().ifPresent(head::set);
    }

    /**
     * The task's data at its default length, generated once per task for its shapes (input and output sizes do
     * not depend on the length; whether lengths vary within a set does not either).
     */
    private Dataset shape(Task t) {
        return shapes.computeIfAbsent(t, k -> k.generate(0, 1));
    }
}
