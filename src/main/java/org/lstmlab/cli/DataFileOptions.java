package org.lstmlab.cli;

import java.nio.file.Path;
import java.util.List;

import org.lstmlab.engine.data.TargetKind;
import org.lstmlab.engine.tasks.UserData;
import picocli.CommandLine.Option;

/**
 * How {@code --data}'s CSV file is read, the same options for {@code train} and {@code compare} (a picocli mixin):
 * input columns, target column(s), the target's kind, horizon and encoding. The window is each command's
 * {@code --seq-len}.
 */
final class DataFileOptions {
    @Option(names = "--columns", split = ",",
            description = "CSV input columns, by name or 1-based number (default: every column of numbers; a column "
                    + "of text, such as dates, is left out)")
    private List<String> columns = List.of();

    @Option(names = "--target", split = ",",
            description = "CSV column(s) to forecast (default: the last input column), or the one column of class "
                    + "labels to name each window by (its last row's)")
    private List<String> targets = List.of();

    @Option(names = "--target-kind", paramLabel = "KIND", description = "CSV: auto (a target of text holds class "
            + "labels, one of numbers values), value (forecast it) or class (its numbers, such as 0/1, are labels; "
            + "each window is classified by its last row's) (default: auto)")
    private String targetKind;

    @Option(names = "--horizon", defaultValue = "1", description = "CSV: forecast this many rows after the window, "
            + "1 to " + UserData.MAX_HORIZON + " (default: ${DEFAULT-VALUE})")
    private int horizon;

    @Option(names = "--encoding", description = "encoding of --data: utf-8, utf-16le, utf-16be, gbk, gb18030 "
            + "(default: detected from the BOM, else UTF-8, else GB18030)")
    private String encoding;

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
}
