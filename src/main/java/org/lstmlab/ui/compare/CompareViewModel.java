package org.lstmlab.ui.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.session.Comparison;
import org.lstmlab.engine.tasks.Task;
import org.lstmlab.engine.tasks.Tasks;
import org.lstmlab.ui.common.I18n;
import org.lstmlab.ui.common.Percent;
import org.lstmlab.ui.common.TaskTexts;
import org.lstmlab.ui.common.TypedNumber;

/**
 * The Compare tab's logic: which task, which lengths, how long to train each model; runs a {@link CompareSweep}
 * and exposes its points, polled once per frame. Choosing a task fills in its defaults, the same ones the
 * {@code compare} command uses ({@link Comparison#defaults}).
 */
public final class CompareViewModel {
    private final ResourceBundle i18n;
    /** The Train tab's choices that can be compared: the character model once for each bundled text too. */
    private final ObservableList<Task> tasks = FXCollections.observableArrayList(
            org.lstmlab.ui.common.TaskChoices.all().stream().filter(Comparison::comparable).toList());
    private final ObjectProperty<Task> task = new SimpleObjectProperty<>();
    private final StringProperty lengths = new SimpleStringProperty("");
    private final IntegerProperty epochs = new SimpleIntegerProperty();
    private final IntegerProperty samples = new SimpleIntegerProperty();
    /** What the cells have alike, their units or their parameters: the user's choice, which a task leaves alone. */
    private final ObjectProperty<Comparison.Sizing> sizing = new SimpleObjectProperty<>(Comparison.Sizing.UNITS);
    private final javafx.beans.property.ReadOnlyIntegerWrapper maxSamples =
            new javafx.beans.property.ReadOnlyIntegerWrapper(Comparison.MAX_SAMPLES);
    private final int threads = Comparison.defaultThreads();
    private long seed;
    private final ReadOnlyObjectWrapper<SweepSnapshot> snapshot = new ReadOnlyObjectWrapper<>(SweepSnapshot.EMPTY);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private CompareSweep sweep;
    /** The file the sweep compares on and how it was read, or null for a built-in task. */
    private org.lstmlab.engine.tasks.UserData.Request sweepData;
    private final CompareData data;
    private boolean keepSettings;   // a file read again: its task replaces the last reading's, settings stay
    private final CompareCheckup checkup;
    private final ObjectProperty<org.lstmlab.ui.common.TrainLauncher> trainLauncher = new SimpleObjectProperty<>();
    private final javafx.beans.binding.BooleanBinding horizonApplies;
    private final javafx.beans.binding.BooleanBinding oneLength = javafx.beans.binding.Bindings.createBooleanBinding(
            () -> task.get() != null && Comparison.atOneLength(task.get()), task);
    /** The refusal of the settings last started, written in the bundle's language now; or null. */
    private java.util.function.Supplier<String> refusal;

    /** A view model whose file reading reports back on the JavaFX application thread. */
    public CompareViewModel(ResourceBundle i18n) {
        this(i18n, javafx.application.Platform::runLater);
    }

    /** @param fx where a file read on a worker comes back to (the JavaFX application thread) */
    public CompareViewModel(ResourceBundle i18n, java.util.concurrent.Executor fx) {
        this.i18n = i18n;
        this.checkup = new CompareCheckup(i18n);
        this.data = new CompareData(i18n, fx, this::fileLoaded, this::keptTask);
        status.set(i18n.getString("compare.status.idle"));
        horizonApplies = javafx.beans.binding.Bindings.createBooleanBinding(
                () -> org.lstmlab.ui.common.DataFileFields.horizonApplies(task.get(),
                        data.fields().classesProperty().get()), task, data.fields().classesProperty());
        task.addListener((o, a, b) -> {
            if (b != null && !Comparison.ofFile(b)) {
                data.forget();   // a built-in task chosen: the file is no longer the form's
            }
            if (b != null && !keepSettings) {
                applyDefaults(b);
            }
        });
        task.set(Comparison.defaultTask());
    }

    /**
     * The user's file read: it becomes the task, compared at its window. The same file read again (Start reads it
     * with the fields as they are then) keeps the epochs and samples the user set, the samples within its windows.
     */
    private void fileLoaded(java.nio.file.Path file, Task t) {
        boolean same = file.equals(data.fileProperty().get()) && Comparison.ofFile(task.get());
        int e = epochs.get();
        int n = samples.get();
        keepSettings = same;
        try {
            task.set(t);
        } finally {
            keepSettings = false;
        }
        if (same) {
            lengths.set(Integer.toString(t.defaultSteps()));
            maxSamples.set(Comparison.maxSamples(t));
            samples.set(Math.min(n, Comparison.maxSamples(t)));
            epochs.set(e);
        }
    }

    /**
     * The task the tab keeps while a file is refused, as the Train tab names it: its title, with the file it was
     * read from ({@code from}, when it is a file's).
     */
    private String keptTask(java.nio.file.Path from) {
        Task t = task.get();
        if (t == null) {
            return "";
        }
        String title = TaskTexts.choice(i18n, t);
        return Comparison.ofFile(t) && from != null
                ? I18n.format(i18n, "training.message.keptFile", title, from.getFileName()) : title;
    }

    /** The user's CSV or text file: its fields, the file chosen, and what reading it said. */
    public CompareData data() {
        return data;
    }

    /**
     * The horizon applies to the file on show (its spinner shows), or its target is of classes, read so or ticked,
     * and the row says that it does not, as the Train tab's
     * ({@link org.lstmlab.ui.common.DataFileFields#horizonApplies}).
     */
    public javafx.beans.binding.BooleanBinding horizonAppliesProperty() {
        return horizonApplies;
    }

    /**
     * Reads the user's file with the data fields (a {@code .txt} file as a text for the character model, anything
     * else as a CSV series); once read, it is the task the models are compared on.
     */
    public void chooseDataFile(java.nio.file.Path file) {
        data.choose(file);
    }

    /**
     * A cell as the chart's legend, the status line and the checkup name it: in Chinese the concept's name with
     * Keras' layer name (简单循环网络（SimpleRNN）), in English Keras' name.
     */
    static String cellName(ResourceBundle i18n, CellType cell) {
        return i18n.getString("compare.cell." + cell.name());
    }

    /** Fills lengths, epochs and samples with the task's defaults, those of the {@code compare} command. */
    public void applyDefaults(Task t) {
        Comparison.Settings d = Comparison.defaults(t, threads);
        lengths.set(String.join(", ", d.lengths().stream().map(String::valueOf).toList()));
        epochs.set(d.epochs());
        maxSamples.set(Comparison.maxSamples(t));   // first: the samples box's new range takes the new default
        samples.set(d.samples());
        seed = d.seed();
    }

    /** The settings the form describes, or an IllegalArgumentException naming what is wrong. */
    public Comparison.Settings settings() {
        return new Comparison.Settings(task.get(), parseLengths(), epochs.get(), samples.get(), seed, threads,
                sizing.get());
    }

    public ObservableList<Task> tasks() {
        return tasks;
    }

    public ObjectProperty<Task> taskProperty() {
        return task;
    }

    /** Comma-separated sequence lengths. */
    public StringProperty lengthsProperty() {
        return lengths;
    }

    public IntegerProperty epochsProperty() {
        return epochs;
    }

    /**
     * Same number of units (every cell the task's default) or of parameters (the LSTM the task's default, the others
     * as many units as bring their parameters closest to it: {@link Comparison#matchedUnits}).
     */
    public ObjectProperty<Comparison.Sizing> sizingProperty() {
        return sizing;
    }

    /** Training samples per model. */
    public IntegerProperty samplesProperty() {
        return samples;
    }

    /** The most samples the chosen task has for a model: the top of the samples box. */
    public javafx.beans.property.ReadOnlyIntegerProperty maxSamplesProperty() {
        return maxSamples.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SweepSnapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /**
     * The lengths typed, or an IllegalArgumentException saying what is wrong in the user's language. A Chinese input
     * method's digits and separators count ("１０，２５、５０"); a length typed twice counts once.
     */
    public List<Integer> parseLengths() {
        return parseLengths(lengths.get(), task.get());
    }

    private List<Integer> parseLengths(String typed, Task t) {
        List<Integer> out = new ArrayList<>();
        for (String part : TypedNumber.plain(typed).split("[,;\u3001\\s]+")) {
            if (part.isBlank()) {
                continue;
            }
            try {
                int length = Integer.parseInt(part.trim());
                if (!out.contains(length)) {
                    out.add(length);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(I18n.format(i18n, "compare.error.notInteger", part));
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(i18n.getString("compare.error.noLengths"));
        }
        for (int length : out) {
            if (t != null && (length < t.minSteps() || length > t.maxSteps())) {
                throw new IllegalArgumentException(I18n.format(i18n, "compare.error.range",
                        TaskTexts.title(i18n, t), t.minSteps(), t.maxSteps(), length));
            }
        }
        return out;
    }

    /** Starts a comparison; with a file chosen, after reading it again with the data fields as they are now. */
    public void start() {
        stop();
        if (data.fileProperty().get() != null) {
            data.readThen(this::startNow);
        } else {
            startNow();
        }
    }

    private void startNow() {
        stop();
        Task t = task.get();
        if (data.textProperty().get() && Comparison.ofFile(t)) {
            lengths.set(Integer.toString(data.windowProperty().get()));   // a text's one length: its field's
        }
        String typed = lengths.get();
        int e = epochs.get();
        int n = samples.get();
        try {
            sweep = new CompareSweep(settings());
        } catch (IllegalArgumentException refused) {
            // said again after View ▸ Language from the values refused, not the form's values by then
            refusal = () -> I18n.format(i18n, "compare.status.failed", refusedBecause(t, typed, e, n));
            status.set(refusal.get());
            return;
        }
        refusal = null;
        // the file was read just now with the fields as they are: the request the Train tab reads it again with
        sweepData = Comparison.ofFile(t) && data.fileProperty().get() != null
                ? data.request(data.fileProperty().get(), true) : null;
        sweep.start();
        running.set(true);
        pulse();
    }

    /** Why these settings are refused, in the bundle's language now. */
    private String refusedBecause(Task t, String typed, int e, int n) {
        try {
            new Comparison.Settings(t, parseLengths(typed, t), e, n, seed, threads, sizing.get());
            return "";
        } catch (IllegalArgumentException why) {
            return I18n.explain(i18n, why);
        }
    }

    public void stop() {
        if (sweep != null) {
            sweep.stop();
        }
    }

    /** Reads the sweep's latest snapshot; call once per frame. */
    public void pulse() {
        if (sweep == null) {
            return;
        }
        SweepSnapshot s = sweep.latest();
        if (s == snapshot.get()) {
            return;
        }
        snapshot.set(s);
        running.set(!s.done());
        showStatus(s);
        checkup.update(s.points(), sweep.settings().sizing());
    }

    /** Why the models that did not solve the task failed. */
    public CompareCheckup checkup() {
        return checkup;
    }

    /** Where "Train it in the Train tab" sets the form (MainWindow's Train tab); without one, no button. */
    public void setTrainLauncher(org.lstmlab.ui.common.TrainLauncher launcher) {
        trainLauncher.set(launcher);
    }

    /** A Train tab to set up exists and a failed model is chosen. */
    public javafx.beans.binding.BooleanBinding canTrainChosenProperty() {
        return trainLauncher.isNotNull().and(checkup.chosenProperty().isNotNull());
    }

    /**
     * Sets the Train tab to the chosen failed model's task, cell, units, length and epochs, to watch it train; a
     * file's model hands over the file and the fields it was compared with, which the Train tab reads again.
     */
    public void trainChosen() {
        Comparison.Point p = checkup.chosenProperty().get();
        if (p != null && trainLauncher.get() != null && sweep != null) {
            trainLauncher.get().prepare(new org.lstmlab.ui.common.TrainSettings(sweep.settings().task(), p.cell(),
                    p.seqLen(), p.units(), sweep.settings().epochs(), null, sweepData));
        }
    }

    /** Says again, in the bundle's current language, what is on show (after View ▸ Language). */
    public void relabel() {
        data.relabel();
        if (refusal != null) {
            status.set(refusal.get());
        } else if (sweep == null) {
            status.set(i18n.getString("compare.status.idle"));
        } else {
            showStatus(snapshot.get());
        }
        checkup.relabel();
    }

    private void showStatus(SweepSnapshot s) {
        if (s.error() != null) {
            status.set(I18n.format(i18n, "compare.status.failed", I18n.message(i18n, s.error())));
        } else if (s.done() && s.points().size() < s.total()) {
            status.set(I18n.format(i18n, "compare.status.stopped", s.points().size(), s.total()));
        } else if (s.done()) {
            status.set(I18n.format(i18n, "compare.status.done", s.points().size()));
        } else if (s.current() != null) {
            status.set(I18n.format(i18n, "compare.status", s.points().size(), s.total(), cellName(i18n, s.current()),
                    s.steps()));
        }
    }

    /**
     * The dashed lines of the chart: the accuracy at which the task counts as solved, and the chance level (what
     * the task's naive predictor gets) at each length trained so far; NaN and empty before the first model.
     */
    public record Guides(double threshold, double[] lengths, double[] chance) {
    }

    /** The legend's names of the two guides, never empty: with their numbers once a model has been trained. */
    public record GuideNames(String solved, String chance) {
    }

    public static GuideNames guideNames(ResourceBundle i18n, Guides g) {
        String solved = Double.isFinite(g.threshold())
                ? I18n.format(i18n, "compare.chart.solved", percent(g.threshold()))
                : i18n.getString("compare.chart.solvedLine");
        return new GuideNames(solved, chanceName(i18n, g.chance()));
    }

    /**
     * The chance line's name: its level, to the tenth of a percent as the checkup says it, or, since every length
     * has its own validation set and so its own level, from the lowest to the highest; never an average, which is no
     * length's level and matches no number the checkup quotes.
     */
    private static String chanceName(ResourceBundle i18n, double[] chance) {
        var levels = java.util.Arrays.stream(chance).filter(Double::isFinite).summaryStatistics();
        if (levels.getCount() == 0) {
            return i18n.getString("compare.chart.chanceLine");
        }
        String low = Percent.of(levels.getMin(), 1);
        String high = Percent.of(levels.getMax(), 1);
        return low.equals(high) ? I18n.format(i18n, "compare.chart.chance", low)
                : I18n.format(i18n, "compare.chart.chanceRange", low, high);
    }

    /** "90 %", the % kept on the number's line. */
    private static String percent(double fraction) {
        return Percent.of(fraction, 0);
    }

    public static Guides guides(SweepSnapshot s) {
        java.util.TreeMap<Integer, Double> chance = new java.util.TreeMap<>();
        double threshold = Double.NaN;
        for (Comparison.Point p : s.points()) {
            if (p.best() != null) {
                threshold = p.best().score().threshold();
                double c = p.best().score().baselineValue();
                if (Double.isFinite(c)) {
                    chance.putIfAbsent(p.seqLen(), c);   // the same validation set for every cell of a length
                }
            }
        }
        return new Guides(threshold, chance.keySet().stream().mapToDouble(Integer::doubleValue).toArray(),
                chance.values().stream().mapToDouble(Double::doubleValue).toArray());
    }

    /**
     * The comparison on show is at one length, epoch by epoch: of the user's file or of a text, bundled or not (else
     * of a built-in task at several lengths).
     */
    public boolean comparesEpochs() {
        return sweep != null && Comparison.atOneLength(sweep.settings().task());
    }

    /** The task chosen is compared at one length (a text, a file): the lengths field takes one length. */
    public javafx.beans.binding.BooleanBinding oneLengthProperty() {
        return oneLength;
    }

    public CompareSweep sweep() {
        return sweep;
    }

    public void shutdown() {
        stop();
    }

    /** The accuracy axis's label at {@code value}: "0", "0.1" … "1", and nothing above 1 (the axis's headroom). */
    static String accuracyTick(double value) {
        if (value > 1 + 1e-9) {
            return "";
        }
        return java.math.BigDecimal.valueOf(Math.round(value * 100) / 100.0).stripTrailingZeros().toPlainString();
    }
}
