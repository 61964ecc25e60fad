package org.lstmlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.lstmlab.engine.data.NumberForms;
import org.lstmlab.engine.data.TargetKind;
import org.lstmlab.engine.data.TextFiles;
import org.lstmlab.engine.tasks.SeriesTask;
import org.lstmlab.engine.tasks.Task;
import org.lstmlab.engine.tasks.UserData;
import org.lstmlab.engine.text.NameList;
import org.lstmlab.engine.text.PlainNumbers;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * How {@code --data}'s CSV file is read, the same options for {@code train} and {@code compare} (a picocli mixin):
 * input columns, target column(s), the target's kind, horizon and encoding. The window is each command's
 * {@code --seq-len}. Given without {@code --data}, or (all but {@code --encoding}) with a text file, they are
 * refused.
 */
final class DataFileOptions {
    /** These options (the mixin's own spec), to refuse those that do not apply. */
    @Spec private CommandSpec own;

    @Option(names = "--columns", split = ",",
            description = "with --data (a CSV file): the input columns, by name or 1-based number (default: every "
                    + "column of numbers; a column of text, such as dates, is left out)")
    private List<String> columns = List.of();

    @Option(names = "--target", split = ",",
            description = "with --data (a CSV file): the column(s) to forecast (default: the last input column), or "
                    + "the one column of class labels to name each window by (its last row's)")
    private List<String> targets = List.of();

    @Option(names = "--target-kind", paramLabel = "KIND", description = "with --data (a CSV file): auto (a target "
            + "of text holds class labels, one of numbers values), value (forecast it) or class (its numbers, such as "
            + "0/1, are labels; each window is classified by its last row's) (default: auto)")
    private String targetKind;

    @Option(names = "--horizon", defaultValue = "1", description = "with --data (a CSV file): forecast this many rows "
            + "after the window, 1 to " + UserData.MAX_HORIZON + " (default: ${DEFAULT-VALUE})")
    private int horizon;

    @Option(names = "--encoding", description = "encoding of --data: utf-8, utf-16le, utf-16be, gbk, gb18030 "
            + "(default: detected from the BOM, else UTF-8, else GB18030)")
    private String encoding;

    /**
     * Refuses a data option that would be ignored: any of them (and the command's {@code fileOnly} options) without
     * a data file ({@code file} null), every one but {@code --encoding} (and {@code fileOnly}) for a text file read
     * by the character model ({@code text}).
     */
    void refuseUnused(ParseResult parsed, Path file, boolean text, String... fileOnly) {
        List<String> names = new java.util.ArrayList<>(own.options().stream().map(OptionSpec::longestName).toList());
        names.addAll(List.of(fileOnly));
        if (file == null) {
            UnusedOptions.refuse(parsed, names, "applies to a data file", "add --data FILE");
        } else if (text) {
            names.remove("--encoding");
            UnusedOptions.refuse(parsed, names, "applies to a CSV file, and --data " + file.getFileName()
                    + " is read as text for the character model", "give --data a CSV file (without --task charlm)");
        }
    }

    /**
     * {@code file} read as these options say, windows of {@code window} rows (a text file for the character model
     * when {@code text}); an option out of range is refused, named (exit code 2).
     */
    UserData.Request request(Path file, boolean text, int window, double validationSplit) {
        OptionChecks.range("--horizon", horizon, 1, UserData.MAX_HORIZON);
        OptionChecks.fraction("--val-split", validationSplit);
        var charset = OptionChecks.named("--encoding", () -> UserData.charset(encoding));
        var kind = OptionChecks.named("--target-kind", () -> TargetKind.parse(targetKind));
        return new UserData.Request(file, text, columns, targets, window, horizon, validationSplit, charset, kind);
    }

    /**
     * "note: file: not UTF-8; read as GB18030 …", then what to do {@code ifWrong}, when {@code file} was read (its
     * encoding detected) in {@code charset} GB18030; else none. {@code train} and {@code predict} say it alike.
     */
    static java.util.Optional<String> gb18030Note(Path file, java.nio.charset.Charset charset, String ifWrong) {
        return TextFiles.GB18030.equals(charset) ? java.util.Optional.of("note: " + file.getFileName() + ": not UTF-8; "
                + "read as GB18030 (GBK, as Excel on Chinese Windows saves a CSV file); if its names look wrong, "
                + ifWrong) : java.util.Optional.empty();
    }

    /**
     * Prints {@code prefix} and a note for each common slip in {@code task}, read from {@code file}, after saying
     * that its numbers were read with a decimal comma, if they were: a row number
     * among the default inputs ({@link #noteSteadyInputs}), and, without {@code --target-kind}, a forecast of a
     * target that holds a few whole numbers only (0 and 1, say): they may be class labels, which
     * {@code --target-kind class} makes them; forecast as numbers, they are judged by an MSE and may be "solved"
     * without one window being classified.
     */
    void notes(PrintWriter w, String prefix, Path file, Task task) {
        if (encoding == null && task instanceof SeriesTask s) {
            gb18030Note(file, s.charset(), "give its --encoding").ifPresent(n -> w.println(prefix + n));
        }
        if (task instanceof SeriesTask s) {
            numberNotes(file, s.numberForms()).forEach(n -> w.println(prefix + n));
            int k = s.scaling().largeInput();   // what code of the student's own, feeding them unscaled, may lack
            if (k >= 0) {
                w.println(prefix + "note: " + file.getFileName() + ": each column is standardised before training "
                        + "(mean 0, sd 1): " + s.scaling().inputs().get(k) + " has mean "
                        + PlainNumbers.significant(s.scaling().inputMean()[k]) + " and sd "
                        + PlainNumbers.significant(s.scaling().inputStd()[k]) + "; fed as they are, numbers this large "
                        + "push an LSTM's gates to their limits and its loss stands still: in code of your own, "
                        + "standardise them the same way (--save-code DIR writes such code)");
            }
        }
        if (task instanceof SeriesTask s && !s.labelsLeftOut().isEmpty()) {
            String name = s.labelsLeftOut();
            String arg = name.matches("[^\\s\"'$`\\\\]+") ? name : "\"" + name + "\"";
            w.println(prefix + "note: " + file.getFileName() + ": its last column, " + name + ", holds text and is "
                    + "not read; if it names classes, add --target " + arg + " to classify each window by it");
        }
        w.flush();
        noteSteadyInputs(w, prefix, file, task);
        if (targetKind != null || !(task instanceof SeriesTask s) || s.fewWholeTargetValues().isEmpty()) {
            return;
        }
        String values = s.fewWholeTargetValues().stream().map(String::valueOf).collect(Collectors.joining(", "));
        w.println(prefix + "note: " + file.getFileName() + ": the target holds only the whole numbers " + values
                + ", and it is forecast as a number (judged by its MSE); if they name classes, add --target-kind class"
                + " (--target-kind value forecasts it without this note)");
        w.flush();
    }

    /**
     * The notes on {@code file}, whose numbers were written in {@code forms} and read so: with a decimal comma,
     * thousands separators, a percent sign.
     */
    static List<String> numberNotes(Path file, NumberForms forms) {
        List<String> notes = new ArrayList<>();
        String note = "note: " + file.getFileName() + ": ";
        if (forms.decimalComma()) {
            notes.add(note + "numbers written with a decimal comma (1,5 = 1.5) were read as decimal numbers (its "
                    + "fields are separated by ; or a tab)");
        }
        if (forms.thousands()) {
            notes.add(note + "numbers written with thousands separators (" + (forms.decimalComma() ? "1.234,5"
                    : "\"1,234.5\"") + " = 1234.5) were read as numbers");
        }
        if (forms.percent()) {
            notes.add(note + "percentages were read as fractions ('1.23%' = 0.0123)");
        }
        return notes;
    }

    /**
     * Prints {@code prefix} and a note when {@code task}, read from {@code file} without {@code --columns}, takes as
     * an input a column that rises by the same step every row (a row number, a clock), with the columns to give
     * instead.
     */
    private void noteSteadyInputs(PrintWriter w, String prefix, Path file, Task task) {
        if (!columns.isEmpty() || !(task instanceof SeriesTask s)) {
            return;
        }
        List<String> steady = s.steadyInputs();
        if (steady.isEmpty()) {
            return;
        }
        boolean one = steady.size() == 1;
        List<String> rest = s.scaling().inputs().stream().filter(c -> !steady.contains(c)).toList();
        w.println(prefix + "note: " + file.getFileName() + ": the input column" + (one ? " " : "s ")
                + NameList.readable(steady) + (one ? " rises" : " rise") + " by the same step in every row (a row "
                + "number or a clock): " + (one ? "it tells" : "they tell") + " the model only where a window lies "
                + "in the file, and the validation rows lie beyond every value it trained on"
                + (rest.isEmpty() ? "" : rest.size() <= NameList.READABLE
                ? "; to leave it out, add --columns " + NameList.typedOrReadable(rest)
                : "; to leave it out, give --columns the other inputs: " + NameList.typedOrReadable(rest)));
        w.flush();
    }
}
