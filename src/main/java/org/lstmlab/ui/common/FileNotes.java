package org.lstmlab.ui.common;

import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.stream.Collectors;

import org.lstmlab.engine.data.NumberForms;
import org.lstmlab.engine.tasks.SeriesTask;
import org.lstmlab.engine.tasks.Task;
import org.lstmlab.engine.text.NameList;
import org.lstmlab.engine.text.PlainNumbers;

/**
 * What the tab's message notes about a file just read, found on the reading thread: input columns that rise by the
 * same step every row (a row number, a clock), from which the model learns only where a window lies, with the other
 * inputs ({@code rest}, what Input columns could say); and a target forecast as a number that holds a few whole
 * numbers only ({@code wholeValues}: 0 and 1, say), which may name classes; and numbers written with a decimal comma,
 * thousands separators or a percent sign ({@code forms}: {@code 1,5} read as 1.5, {@code "1,234.5"} as 1234.5,
 * {@code 1.23%} as 0.0123), said once for the file so that its reading is never a surprise; and the file's last
 * column, of text, left out of a forecast read with no target named ({@code labels}, else empty): perhaps the class
 * labels the student meant; and an input of numbers in the hundreds or more ({@code large}: its name, mean and
 * standard deviation), which the app standardises and a student's own code, feeding it as it is, may not.
 */
record FileNotes(List<String> steady, List<String> rest, String target, List<Long> wholeValues,
                 NumberForms forms, String labels, List<String> large) {
    /** The notes on {@code task} (none unless it forecasts or classifies a CSV file's rows). */
    static FileNotes of(Task task) {
        if (!(task instanceof SeriesTask s)) {
            return new FileNotes(List.of(), List.of(), "", List.of(), NumberForms.PLAIN, "", List.of());
        }
        List<String> steady = s.steadyInputs();
        List<Long> whole = s.fewWholeTargetValues();
        return new FileNotes(steady, s.scaling().inputs().stream().filter(c -> !steady.contains(c)).toList(),
                whole.isEmpty() ? "" : s.scaling().targets().get(0), whole, s.numberForms(),
                s.labelsLeftOut(), large(s.scaling()));
    }

    /** The input of the largest numbers, its mean and standard deviation, when they are large ({@code largeInput}). */
    private static List<String> large(org.lstmlab.engine.io.SeriesScaling sc) {
        int k = sc.largeInput();
        return k < 0 ? List.of() : List.of(sc.inputs().get(k), PlainNumbers.significant(sc.inputMean()[k]),
                PlainNumbers.significant(sc.inputStd()[k]));
    }

    /**
     * The notes in brief, in the bundle's language, none when the file needs none: what a run on the file keeps in
     * the message while it trains, under its verdict and checkup, where the notes in full took ten lines of the Train
     * tab's column at 1024 × 768 and pushed its charts below the window.
     */
    List<String> brief(ResourceBundle i18n) {
        List<String> notes = new ArrayList<>();
        if (!steady.isEmpty()) {
            notes.add(I18n.format(i18n, "training.message.steadyBrief", steady.size(),
                    NameList.readable(steady).in(i18n)));
        }
        if (!wholeValues.isEmpty()) {
            notes.add(I18n.format(i18n, "training.message.wholeTargetBrief", target,
                    wholeValues.stream().map(String::valueOf).collect(Collectors.joining(", "))));
        }
        return notes;
    }

    /** The notes in the bundle's language, none when the file needs none. */
    List<String> in(ResourceBundle i18n) {
        List<String> notes = new ArrayList<>();
        if (forms.decimalComma()) {
            notes.add(I18n.format(i18n, "training.message.decimalComma"));
        }
        if (forms.thousands()) {
            notes.add(I18n.format(i18n, forms.decimalComma() ? "training.message.thousandsPoint"
                    : "training.message.thousands"));
        }
        if (forms.percent()) {
            notes.add(I18n.format(i18n, "training.message.percent"));
        }
        if (!large.isEmpty()) {   // what the student's own code, feeding them unscaled, may lack
            notes.add(I18n.format(i18n, "training.message.large", large.toArray()));
        }
        if (!labels.isEmpty()) {
            notes.add(I18n.format(i18n, "training.message.labelsLeftOut", labels));
        }
        if (!steady.isEmpty()) {
            String names = NameList.readable(steady).in(i18n);   // a file of 300 columns: the first, and how many
            notes.add(rest.isEmpty() ? I18n.format(i18n, "training.message.steadyOnly", steady.size(), names)
                    : I18n.format(i18n, "training.message.steady", steady.size(), names,
                    NameList.typedOrReadable(rest, i18n)));
        }
        if (!wholeValues.isEmpty()) {
            notes.add(I18n.format(i18n, "training.message.wholeTarget", target,
                    wholeValues.stream().map(String::valueOf).collect(Collectors.joining(", "))));
        }
        return notes;
    }
}
