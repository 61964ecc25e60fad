package org.lstmlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

import org.lstmlab.engine.interop.ImportedModel;
import org.lstmlab.engine.interop.SequenceFiles;
import org.lstmlab.engine.io.SeriesScaling;
import org.lstmlab.engine.nn.ModelSpec;

/**
 * The sequences {@code predict} and {@code trace} run a model on. A model trained on a CSV series gets what training
 * gave it: its columns, in its order, standardised with the training part's numbers; a CSV input is cut into the
 * model's windows unless {@code --window} says otherwise. A model with an embedding reads token ids and gets their
 * rows.
 *
 * @param x      the sequences, standardised for a series model
 * @param series the model's scaling, empty for any other model
 */
record SeriesInput(SequenceFiles.Sequences x, Optional<SeriesScaling> series) {

    /**
     * Reads {@code input}; the note on {@code err} speaks of forecasts in the file's units when {@code forecasts}, and
     * another says that a CSV input's numbers were read with a decimal comma, if they were.
     */
    static SeriesInput read(Path modelFile, ImportedModel m, Path input, Integer window, PrintWriter err,
                            boolean forecasts) throws IOException {
        ModelSpec s = m.model().spec();
        if (m.embedding().isPresent()) {     // token ids, looked up in the embedding: the rows are x_t
            return new SeriesInput(SequenceFiles.readTokens(input, m.embedding().get(),
                    window == null ? OptionalInt.empty() : OptionalInt.of(window)), Optional.empty());
        }
        Optional<SeriesScaling> series = SeriesScaling.of(modelFile.toString(), m.metadata(), s.inputSize(),
                s.outputSize());
        Integer steps = window;
        if (series.isPresent()) {
            SeriesScaling sc = series.get();
            boolean csv = input.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
            if (csv && steps == null) {
                steps = sc.window();
            }
            err.println("lstm-lab: note: " + modelFile.getFileName() + " was trained on a CSV series: the inputs ("
                    + String.join(", ", sc.inputs()) + ") are standardised with the training part's means and "
                    + "standard deviations" + (!forecasts ? "" : sc.classifies() ? ", and the prediction is the "
                    + "probability of each class of " + sc.targets().get(0) + " for each window's last row, in the "
                    + "order " + String.join(", ", sc.classes()) : ", and the forecasts of "
                    + String.join(", ", sc.targets()) + " (" + sc.horizon() + (sc.horizon() == 1 ? " row" : " rows")
                    + " after each window) are in the "
                    + "file's units")
                    + (csv ? "; windows of " + steps + " rows" : ""));
        }
        SequenceFiles.Sequences x = SequenceFiles.read(input, s.inputSize(),
                steps == null ? OptionalInt.empty() : OptionalInt.of(steps),
                series.map(SeriesScaling::inputs).orElse(List.of()));
        // said as train says it: a column name read wrong in another encoding is not the model's
        DataFileOptions.gb18030Note(input, x.charset(), "save it as UTF-8")
                .ifPresent(n -> err.println("lstm-lab: " + n));
        DataFileOptions.numberNotes(input, x.forms()).forEach(n -> err.println("lstm-lab: " + n));
        series.ifPresent(sc -> sc.scaleInputs(x.x()));
        return new SeriesInput(x, series);
    }
}
