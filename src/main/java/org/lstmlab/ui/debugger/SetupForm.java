package org.lstmlab.ui.debugger;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.Supplier;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.ui.common.I18n;

/**
 * The set-up fields as the user types them, and their validation. A bad field gets a message of its own (shown
 * next to it) and {@link #validate()} returns null, so nothing changes until every field is good.
 */
public final class SetupForm {
    /** Field names, also the suffix of their error labels' ids. */
    public static final String STEPS = "steps";
    public static final String INPUT_SIZE = "inputSize";
    public static final String HIDDEN_SIZE = "hiddenSize";
    public static final String LAYERS = "layers";
    public static final String SEED = "seed";
    public static final String WORD = "word";
    public static final String WEIGHTS = "weights";

    private final ResourceBundle i18n;
    private final ObjectProperty<CellType> cell = new SimpleObjectProperty<>(CellType.LSTM);
    private final ObjectProperty<InputPreset> input = new SimpleObjectProperty<>(InputPreset.SINE);
    private final ObjectProperty<WeightPreset> weights = new SimpleObjectProperty<>(WeightPreset.RANDOM_TORCH);
    private final ObjectProperty<LossKind> loss = new SimpleObjectProperty<>(LossKind.LAST_STEP_SUM);
    private final ObservableList<CellType> cellChoices = FXCollections.observableArrayList(CellType.standard());
    /** One read-only view, kept: a listener added to it lives as long as the form. */
    private final ObservableList<CellType> cellChoicesShown = FXCollections.unmodifiableObservableList(cellChoices);
    private final Map<String, StringProperty> text = new LinkedHashMap<>();
    private final Map<String, StringProperty> errors = new LinkedHashMap<>();
    /** How each message was written, so that View ▸ Language writes it again in the new language. */
    private final Map<String, Supplier<String>> sentences = new LinkedHashMap<>();

    public SetupForm(ResourceBundle i18n) {
        this.i18n = i18n;
        for (String f : new String[] {STEPS, INPUT_SIZE, HIDDEN_SIZE, LAYERS, SEED, WORD, WEIGHTS}) {
            text.put(f, new SimpleStringProperty(""));
            errors.put(f, new SimpleStringProperty(""));
        }
        text(STEPS).set("20");
        text(INPUT_SIZE).set("1");
        text(HIDDEN_SIZE).set("4");
        text(LAYERS).set("1");
        text(SEED).set("6");
        text(WORD).set("hello");
        cell.addListener((o, was, now) -> listCell(now));
    }

    /**
     * The cells the Cell box lists: the standard ones and, while a lesson's tutorial mistake runs, that one too (last),
     * so that the box names what is computed. Choosing another cell takes it off the list again: a user cannot
     * choose a mistake, only a lesson (or Undo) brings it back.
     */
    public ObservableList<CellType> cellChoices() {
        return cellChoicesShown;
    }

    /**
     * How the Cell box names a cell: a standard one by its name ("GRU"), a lesson's tutorial mistake shorter than
     * elsewhere but still as a mistake ("LSTM (tutorial's: tanh input gate)"), so that it fits the box.
     */
    public static java.util.function.Function<CellType, String> cellLabel(ResourceBundle i18n) {
        return c -> i18n.getString((c.isTutorialMistake() ? "debugger.cellBox." : "debugger.cell.") + c.name());
    }

    private void listCell(CellType now) {
        cellChoices.removeIf(c -> c.isTutorialMistake() && c != now);
        if (now != null && now.isTutorialMistake() && !cellChoices.contains(now)) {
            cellChoices.add(now);
        }
    }

    public ObjectProperty<CellType> cellProperty() {
        return cell;
    }

    public ObjectProperty<InputPreset> inputProperty() {
        return input;
    }

    public ObjectProperty<WeightPreset> weightsProperty() {
        return weights;
    }

    public ObjectProperty<LossKind> lossProperty() {
        return loss;
    }

    /** True when the input is a word: only then does the Word field apply (and show). */
    public javafx.beans.binding.BooleanBinding wordApplies() {
        return input.isEqualTo(InputPreset.WORD);
    }

    /** The text of a field. */
    public StringProperty text(String field) {
        return text.get(field);
    }

    /** The message shown next to a field; empty when the field is good. */
    public StringProperty error(String field) {
        return errors.get(field);
    }

    /** Shows the message {@code sentence} writes next to a field; it reads only values fixed when it was made. */
    void say(String field, Supplier<String> sentence) {
        sentences.put(field, sentence);
        errors.get(field).set(sentence.get());
    }

    /** How the message next to a field is written (an empty one when there is none). */
    Supplier<String> sentence(String field) {
        return sentences.getOrDefault(field, () -> "");
    }

    /** After View ▸ Language: every message next to a field again, in the bundle's language now. */
    void relabel() {
        sentences.forEach((field, sentence) -> errors.get(field).set(sentence.get()));
    }

    private void clearErrors() {
        errors.keySet().forEach(f -> say(f, () -> ""));
    }

    /** Shows the fields of a set-up (after a preset fixed some sizes, or a model was opened). */
    public void show(Setup s) {
        cell.set(s.cell());
        input.set(s.input());
        weights.set(s.weights());
        loss.set(s.loss());
        text(STEPS).set(Integer.toString(s.steps()));
        text(INPUT_SIZE).set(Integer.toString(s.inputSize()));
        text(HIDDEN_SIZE).set(Integer.toString(s.hiddenSize()));
        text(LAYERS).set(Integer.toString(s.layers()));
        text(SEED).set(Long.toString(s.seed()));
        clearErrors();
    }

    /** The set-up, or null after putting a message next to each bad field. */
    public Setup validate() {
        clearErrors();
        Integer steps = integer(STEPS, 1, 5000);
        Integer d = integer(INPUT_SIZE, 1, 512);
        Integer h = integer(HIDDEN_SIZE, 1, 1024);
        Integer l = integer(LAYERS, 1, 4);
        Long seed = null;
        try {
            seed = Long.parseLong(text(SEED).get().strip());
        } catch (NumberFormatException e) {
            String bad = text(SEED).get();
            say(SEED, () -> I18n.format(i18n, "debugger.error.notInteger", bad));
        }
        String word = text(WORD).get();
        if (input.get() == InputPreset.WORD && (word == null || word.isBlank())) {
            say(WORD, () -> i18n.getString("debugger.error.emptyWord"));
        }
        WeightPreset w = weights.get();
        if (!w.supports(cell.get())) {
            CellType c = cell.get();
            say(WEIGHTS, () -> I18n.format(i18n, "debugger.error.presetCell",
                    i18n.getString("debugger.weights." + w.name()), i18n.getString("debugger.cell." + c.name())));
        }
        if (errors.values().stream().anyMatch(e -> !e.get().isEmpty())) {
            return null;
        }
        return new Setup(cell.get(), steps, d, h, l, input.get(), word, w, seed, loss.get());
    }

    private Integer integer(String field, int min, int max) {
        String s = text(field).get() == null ? "" : text(field).get().strip();
        int v;
        try {
            v = Integer.parseInt(s);
        } catch (NumberFormatException e) {
            say(field, () -> I18n.format(i18n, "debugger.error.notInteger", s));
            return null;
        }
        if (v < min || v > max) {
            say(field, () -> I18n.format(i18n, "debugger.error.range", min, max));
            return null;
        }
        return v;
    }
}
