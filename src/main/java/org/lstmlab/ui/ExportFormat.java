package org.lstmlab.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

import org.lstmlab.engine.interop.ModelExport;
import org.lstmlab.engine.io.AtomicFiles;
import org.lstmlab.ui.common.TrainingThreads;

/**
 * One entry of File ▸ Export: its label (a key of the label bundles), the file extension and what writes the
 * file. The menu lists {@link #all()} in order.
 *
 * <p>To add a format (PyTorch or Keras weights, a trace), add an entry to {@link #all()}; its writer gets the
 * main window, so it can reach the Train tab's model ({@code window.trainingView().viewModel()}) or the debugger.
 *
 * @param labelKey  the menu item's label, e.g. {@code menu.file.export.kerasCode}
 * @param extension without the dot, e.g. {@code py}; {@code null} for an export into a folder
 * @param writer    writes the file; the returned stage completes when it is written, exceptionally if it is not
 */
public record ExportFormat(String labelKey, String extension, Writer writer) {

    /** Writes one export. Called on the FX thread: do the slow part on a worker. */
    @FunctionalInterface
    public interface Writer {
        CompletionStage<?> write(MainWindow window, Path file);
    }

    /** The formats of File ▸ Export, in menu order. */
    public static List<ExportFormat> all() {
        return List.of(
                new ExportFormat("menu.file.export.torchModel", null, model(ModelExport.Target.PYTORCH)),
                new ExportFormat("menu.file.export.kerasModel", null, model(ModelExport.Target.KERAS)),
                new ExportFormat("menu.file.export.kerasCode", "py",
                        text(w -> w.trainingView().viewModel().kerasCodeProperty().get())),
                new ExportFormat("menu.file.export.torchCode", "py",
                        text(w -> w.trainingView().viewModel().torchCodeProperty().get())));
    }

    /** True when the export writes several files into a folder the user chooses. */
    public boolean folder() {
        return extension == null;
    }

    /** A writer that puts the Train tab's model into a folder for {@code target} (weights, check input, model.py). */
    static Writer model(ModelExport.Target target) {
        return (window, dir) -> window.trainingView().viewModel().exportModel(target, dir);
    }

    /** A writer that saves a text the UI shows (read on the FX thread, written on the file thread). */
    static Writer text(Function<MainWindow, String> what) {
        return (window, file) -> {
            byte[] bytes = what.apply(window).getBytes(StandardCharsets.UTF_8);
            return CompletableFuture.runAsync(() -> {
                try {
                    AtomicFiles.writeBytes(file, bytes);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, TrainingThreads.files());
        };
    }
}
