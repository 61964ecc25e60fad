package org.lstmlab.ui.compare;

import java.util.List;
import java.util.ResourceBundle;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.lstmlab.engine.session.Comparison;
import org.lstmlab.engine.session.LearningProgress;
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

    /** Takes the points finished so far: a failure that was not there before becomes the one shown. */
    void update(List<Comparison.Point> points) {
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

    /** "SimpleRNN, T = 100 (15 % right)": a model in the list (in Chinese 简单循环网络（SimpleRNN），T = 100…). */
    public String name(Comparison.Point p) {
        if (p != null && p.best() != null
                && p.best().score().metric() == org.lstmlab.engine.tasks.TaskScore.Metric.CROSS_ENTROPY) {
            return I18n.format(i18n, "compare.checkup.model.ce", CompareViewModel.cellName(i18n, p.cell()),
                    p.seqLen(), org.lstmlab.engine.text.PlainNumbers.significant(p.value()));   // a text's
        }
        if (p != null && Double.isNaN(p.accuracy())) {   // a forecast of the user's file: its MSE
            return I18n.format(i18n, "compare.checkup.model.mse", CompareViewModel.cellName(i18n, p.cell()),
                    p.seqLen(), org.lstmlab.engine.text.PlainNumbers.significant(p.value()));
        }
        return p == null ? "" : I18n.format(i18n, "compare.checkup.model", CompareViewModel.cellName(i18n, p.cell()),
                p.seqLen(), percent(p.accuracy()));
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
        panel.show(i18n, p.signs(), LearningProgress.forCheckup(p.signs(), p.epochs()));
        text.set(panel.textProperty().get());
    }

    /** "64.8 %", the % kept on the number's line. */
    private static String percent(double fraction) {
        return Percent.of(fraction, 1);
    }
}
