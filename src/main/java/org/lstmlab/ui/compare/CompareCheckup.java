package org.lstmlab.ui.compare;

import java.util.List;
import java.util.ResourceBundle;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.lstmlab.engine.session.Checkup;
import org.lstmlab.engine.session.Comparison;
import org.lstmlab.engine.session.LearningProgress;
import org.lstmlab.engine.text.Message;
import org.lstmlab.ui.common.CheckupPanel;
import org.lstmlab.ui.common.I18n;
import org.lstmlab.ui.common.Percent;

/**
 * Why the models of a comparison that did not solve the task failed: the models to choose from (the newest failure
 * is chosen as it arrives), the checkup of the one chosen, as the Train tab shows a run's, and, when the checkup
 * found no warning sign, what its accuracy did (still rising, or stuck), so that a student is never left with no
 * answer.
 */
public final class CompareCheckup {
    private final ResourceBundle i18n;
    private final ObservableList<Comparison.Point> failed = FXCollections.observableArrayList();
    private final ObjectProperty<Comparison.Point> chosen = new SimpleObjectProperty<>();
    private final CheckupPanel panel = new CheckupPanel();
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    private Comparison.Sizing sizing = Comparison.Sizing.UNITS;

    public CompareCheckup(ResourceBundle i18n) {
        this.i18n = i18n;
        chosen.addListener((o, a, b) -> show());
    }

    /** The models that did not solve the task, in the order they were trained. */
    public ObservableList<Comparison.Point> failed() {
        return failed;
    }

    /** The model whose checkup is shown. */
    public ObjectProperty<Comparison.Point> chosenProperty() {
        return chosen;
    }

    /** The checkup of the chosen model, or what its accuracy did when the checkup found nothing; empty for none. */
    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    /** The signs' lesson link, as the Train tab's. */
    public CheckupPanel panel() {
        return panel;
    }

    /**
     * Takes the points finished so far and what their cells have alike ({@code sizing}): a failure that was not
     * there before becomes the one shown.
     */
    void update(List<Comparison.Point> points, Comparison.Sizing sizing) {
        this.sizing = sizing;
        List<Comparison.Point> now = points.stream().filter(p -> !p.solved()).toList();
        if (now.equals(failed)) {
            return;
        }
        Comparison.Point newest = now.isEmpty() || failed.contains(now.get(now.size() - 1)) ? null
                : now.get(now.size() - 1);
        Comparison.Point keep = chosen.get();
        failed.setAll(now);
        chosen.set(newest != null ? newest : now.contains(keep) ? keep : null);
        show();
    }

    /** The same text in the bundle's language now (after View ▸ Language). */
    void relabel() {
        show();
    }

    /**
     * "SimpleRNN, T = 100 (best epoch 3: 15.5 % right)": a model in the list (in Chinese 简单循环网络（SimpleRNN），
     * T = 100…), at its best epoch as the chart draws it, which that epoch is said, since the checkup reads the last.
     * When the cells have the same parameters, not units, each has its own units, which the name says ("SimpleRNN,
     * 66 units, T = 100…"), or a student cannot tell which model of which size failed. With the same units every
     * model has the task's default, which the choice above the chart already says: the name stays the shorter.
     */
    public String name(Comparison.Point p) {
        if (p == null) {
            return "";
        }
        String cell = CompareViewModel.cellName(i18n, p.cell());
        if (sizing == Comparison.Sizing.PARAMETERS) {
            cell = I18n.format(i18n, "compare.checkup.units", cell, p.units());
        }
        if (p.best() == null) {
            return I18n.format(i18n, "compare.checkup.model.none", cell, p.seqLen());
        }
        return I18n.format(i18n, "compare.checkup.model", cell, p.seqLen(), p.best().epoch(), score(p.best()));
    }

    /** An epoch's score as the list and the checkup say it: "15.5 % right", "MSE 0.0123", "cross-entropy 1.92". */
    private String score(org.lstmlab.engine.session.EpochReport e) {
        var metric = e.score().metric();
        if (metric == org.lstmlab.engine.tasks.TaskScore.Metric.CROSS_ENTROPY) {   // a text's
            return I18n.format(i18n, "compare.checkup.score.ce",
                    org.lstmlab.engine.text.PlainNumbers.significant(e.score().value()));
        }
        if (Double.isNaN(e.valAccuracy())) {   // a forecast of the user's file: its MSE
            return I18n.format(i18n, "compare.checkup.score.mse",
                    org.lstmlab.engine.text.PlainNumbers.significant(e.score().value()));
        }
        return I18n.format(i18n, "compare.checkup.score", percent(e.valAccuracy()));
    }

    /**
     * Which epoch the checkup below reads, its last, and its score there, when that is not the best epoch the chart
     * and the list show: else a student sees two numbers for one model and cannot tell which is right.
     */
    private String lastEpoch(Comparison.Point p) {
        if (p.best() == null || p.epochs().isEmpty()) {
            return "";
        }
        var last = p.epochs().get(p.epochs().size() - 1);
        return last.epoch() == p.best().epoch() ? "" : Percent.keepTogether(I18n.format(i18n, "compare.checkup.last",
                last.epoch(), score(last), p.best().epoch()));
    }

    private void show() {
        Comparison.Point p = chosen.get();
        if (p == null) {
            panel.clear();
            text.set("");
            return;
        }
        if (p.signs().isEmpty() && (p.halted() || p.epochs().isEmpty())) {
            panel.clear();
            text.set(i18n.getString("compare.checkup.halted"));
            return;
        }
        panel.show(i18n, atItsLength(p), LearningProgress.forCheckup(p.signs(), p.epochs()));
        String last = lastEpoch(p);
        text.set(last.isEmpty() ? panel.textProperty().get() : last + "\n" + panel.textProperty().get());
    }

    /**
     * The signs of {@code p}, where a score is an accuracy the naive prediction's saying at which length its level
     * is: each length has its own validation set, and so its own chance level, which the chart draws per length and
     * its legend gives as a range (the audit read 14.4 % at T = 100 beside a legend of 14.0 % to 17.1 %).
     */
    private static List<Checkup.Finding> atItsLength(Comparison.Point p) {
        if (p.best() == null || p.best().score().metric() != org.lstmlab.engine.tasks.TaskScore.Metric.ACCURACY) {
            return p.signs();   // a forecast's naive prediction is no chance level (and a file has one length)
        }
        return p.signs().stream().map(f -> f.sign() != Checkup.Sign.NO_BETTER_THAN_BASELINE
                || !f.text().key().equals("engine.checkup.baseline") ? f
                : new Checkup.Finding(f.sign(), Message.of("compare.checkup.baseline", f.text().args().get(0),
                        f.text().args().get(1), String.valueOf(p.seqLen())), f.advice(), f.lesson())).toList();
    }

    /** "64.8 %", the % kept on the number's line. */
    private static String percent(double fraction) {
        return Percent.of(fraction, 1);
    }
}
