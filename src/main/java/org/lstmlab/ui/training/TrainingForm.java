package org.lstmlab.ui.training;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.lstmlab.engine.data.TargetKind;
import org.lstmlab.engine.math.Precision;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.optim.Flavour;
import org.lstmlab.engine.optim.OptimizerKind;
import org.lstmlab.engine.session.RunRecord;
import org.lstmlab.engine.tasks.Task;
import org.lstmlab.engine.tasks.UserData;
import org.lstmlab.engine.train.TrainingConfig;
import org.lstmlab.ui.common.DataFileFields;
import org.lstmlab.ui.common.TrainSettings;
import org.lstmlab.ui.common.TypedNumber;

/**
 * The Keras-like builder's fields as properties: the task or data file, the layers, the head and loss (fixed by the
 * data), the optimizer and the fit settings. Text fields are parsed by {@link #config()}, which names the field
 * that is wrong.
 */
public final class TrainingForm {
    public static final List<OptimizerKind> OPTIMIZERS = List.of(OptimizerKind.ADAM, OptimizerKind.RMSPROP,
            OptimizerKind.SGD);
    /** The standard cells, never a tutorial's mistake: LSTM, both GRUs, both SimpleRNNs. */
    public static final List<CellType> CELLS = CellType.standard();

    final ObjectProperty<Task> task = new SimpleObjectProperty<>();
    final ObjectProperty<Path> dataFile = new SimpleObjectProperty<>();
    /** How to read the user's file: the same fields as the Compare tab's. */
    private final DataFileFields data = new DataFileFields();
    final StringProperty columns = data.columnsProperty();
    final StringProperty target = data.targetProperty();
    final IntegerProperty horizon = data.horizonProperty();
    /** The target's numbers are class labels ({@link TargetKind#CLASS}); text is, ticked or not. */
    final BooleanProperty classes = data.classesProperty();
    final StringProperty encoding = data.encodingProperty();
    final IntegerProperty steps = new SimpleIntegerProperty(0);
    final ObjectProperty<CellType> cell = new SimpleObjectProperty<>(CellType.LSTM);
    final IntegerProperty units = new SimpleIntegerProperty(32);
    final IntegerProperty layers = new SimpleIntegerProperty(1);
    /** Values per row of the embedding table a token task's ids are read through; 0 for one-hot input. */
    final IntegerProperty embedding = new SimpleIntegerProperty(0);
    final ObjectProperty<OptimizerKind> optimizer = new SimpleObjectProperty<>(OptimizerKind.ADAM);
    final StringProperty learningRate = new SimpleStringProperty("0.001");
    final IntegerProperty batchSize = new SimpleIntegerProperty(32);
    final IntegerProperty epochs = new SimpleIntegerProperty(10);
    final DoubleProperty validationSplit = new SimpleDoubleProperty(Double.NaN);
    final StringProperty clipNorm = new SimpleStringProperty("0");
    final StringProperty seed = new SimpleStringProperty("42");
    /** One core is left to the UI (its FX, render and GC threads): docs/notes/training-design.md. */
    final IntegerProperty threads = new SimpleIntegerProperty(Math.max(1,
            Runtime.getRuntime().availableProcessors() - 1));
    final BooleanProperty torchFlavour = new SimpleBooleanProperty(false);
    /** Like the threads, a choice of the user's that a task's defaults leave alone. */
    final ObjectProperty<Precision> precision = new SimpleObjectProperty<>(Precision.FLOAT64);

    public ObjectProperty<Task> taskProperty() {
        return task;
    }

    public IntegerProperty horizonProperty() {
        return horizon;
    }

    public StringProperty encodingProperty() {
        return encoding;
    }

    public IntegerProperty stepsProperty() {
        return steps;
    }

    public ObjectProperty<CellType> cellProperty() {
        return cell;
    }

    public IntegerProperty unitsProperty() {
        return units;
    }

    public IntegerProperty layersProperty() {
        return layers;
    }

    public StringProperty learningRateProperty() {
        return learningRate;
    }

    public IntegerProperty batchSizeProperty() {
        return batchSize;
    }

    public IntegerProperty epochsProperty() {
        return epochs;
    }

    public IntegerProperty threadsProperty() {
        return threads;
    }

    /** The number format of the matrix products: float64 (the default) or float32 (faster). */
    public ObjectProperty<Precision> precisionProperty() {
        return precision;
    }

    /** The bundle key of a cell's label in the Layer box, e.g. {@code training.cell.gru-reset-before}. */
    public static String cellLabelKey(CellType c) {
        return "training.cell." + c.id();
    }

    /**
     * The bundle key of an optimizer's label in the Optimizer box, e.g. {@code training.optimizer.ADAM}: in English
     * the class name Keras and PyTorch give it (Adam), in Chinese the concept's (Adam 优化器).
     */
    public static String optimizerLabelKey(OptimizerKind k) {
        return "training.optimizer." + k.name();
    }

    /** Fills every field with the task's defaults. */
    public void applyDefaults(Task t) {
        TrainingConfig c = t.defaults();
        steps.set(t.defaultSteps());
        units.set(t.defaultHidden());
        layers.set(1);
        embedding.set(0);
        optimizer.set(c.optimizer());
        learningRate.set(format(c.learningRate()));
        batchSize.set(c.batchSize());
        epochs.set(c.epochs());
        validationSplit.set(Double.NaN);
        clipNorm.set(format(c.clipNorm()));
        torchFlavour.set(c.flavour() == Flavour.TORCH);
        task.set(t);
    }

    /** Another tab's settings ({@link TrainSettings}): the task's defaults, then what the settings give. */
    public void apply(TrainSettings s) {
        applyDefaults(s.task());
        cell.set(s.cell());
        steps.set(s.steps());
        epochs.set(s.epochs());
        if (s.hidden() > 0) {
            units.set(s.hidden());
        }
        TrainingConfig c = s.config();
        if (c != null) {
            optimizer.set(c.optimizer());
            learningRate.set(format(c.learningRate()));
            batchSize.set(c.batchSize());
            clipNorm.set(format(c.clipNorm()));
            seed.set(Long.toString(c.seed()));
            torchFlavour.set(c.flavour() == Flavour.TORCH);
        }
    }

    /** Shows in the data fields how the user's file is read ({@code data}: another tab's, handed over). */
    void showData(UserData.Request d) {
        data.show(d);
    }

    /**
     * Fills every field with what an opened run is made of, a model file's or a checkpoint's: its task (and the
     * user's file it was made from), length, cell, units, layers, validation split and training settings, so that
     * the form shows the model on show and Restart trains the same again. The threads stay the user's choice.
     */
    public void applyRun(Task t, RunRecord run, TrainingConfig c) {
        UserData.Request own = run.data();
        if (own != null) {   // before the task: the fields shown follow both
            data.show(own);
        }
        dataFile.set(own == null ? null : own.file());
        applyDefaults(t);
        if (own != null && !own.charLm()) {
            steps.set(own.window());
        } else if (run.seqLen() > 0) {
            steps.set(run.seqLen());
        }
        cell.set(run.cell());
        units.set(run.hidden());
        layers.set(run.layers());
        embedding.set(run.embedding());
        validationSplit.set(run.validationSplit());
        optimizer.set(c.optimizer());
        learningRate.set(format(c.learningRate()));
        batchSize.set(c.batchSize());
        epochs.set(c.epochs());
        clipNorm.set(format(c.clipNorm()));
        seed.set(Long.toString(c.seed()));
        torchFlavour.set(c.flavour() == Flavour.TORCH);
        precision.set(c.precision());
    }

    /**
     * The user's file as the form describes it: columns, target (its numbers class labels when ticked), window (the
     * sequence length field, when {@code keepWindow}; else the default) and horizon for a CSV series (1 for classes
     * when ticked, the only one a class target takes: the horizon field says it does not apply), the encoding for
     * either.
     */
    public UserData.Request userData(Path file, boolean keepWindow) {
        boolean text = UserData.isText(file);
        int window = !text && keepWindow && steps.get() > 0 ? steps.get() : UserData.DEFAULT_WINDOW;
        return data.request(file, text, window);
    }

    /** The user's file as {@link #userData} describes it with the form's window, or null when none is chosen. */
    UserData.Request chosenData() {
        return dataFile.get() == null ? null : userData(dataFile.get(), true);
    }

    /** A field whose text is not a number: its label's bundle key and the text. */
    public static final class FieldException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final String field;
        private final String text;

        FieldException(String field, String text, String english) {
            super(english);
            this.field = field;
            this.text = text;
        }

        /** The bundle key of the field's label, e.g. {@code training.lr}. */
        public String field() {
            return field;
        }

        public String text() {
            return text;
        }
    }

    /** The training config the fields describe; a {@link FieldException} names a field that is not a number. */
    public TrainingConfig config() {
        double lr = number("training.lr", "learning rate", learningRate.get());
        double clip = number("training.clip", "clip norm", clipNorm.get());
        long s;
        try {
            s = Long.parseLong(TypedNumber.plain(seed.get()));
        } catch (NumberFormatException e) {
            throw new FieldException("training.seed", seed.get(), "seed '" + seed.get() + "' is not a whole number");
        }
        Flavour f = torchFlavour.get() ? Flavour.TORCH : Flavour.KERAS;
        return TrainingConfig.builder().epochs(epochs.get()).batchSize(batchSize.get()).learningRate(lr)
                .clipNorm(clip).seed(s).threads(Math.max(1, threads.get())).optimizer(optimizer.get()).flavour(f)
                .precision(precision.get() == null ? Precision.FLOAT64 : precision.get()).build();
    }

    private static double number(String key, String field, String text) {
        Double v = TypedNumber.parseFinite(text);
        if (v == null) {
            throw new FieldException(key, text, field + " '" + text + "' is not a number");
        }
        return v;
    }

    static String format(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
    }
}
