package org.lstmlab.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Path;
import java.util.Locale;

import org.lstmlab.engine.bounds.InputFiles;
import org.lstmlab.engine.data.CsvSeries;
import org.lstmlab.engine.data.TextFiles;
import org.lstmlab.engine.tasks.CharLmTask;
import org.lstmlab.engine.tasks.SeriesTask;
import org.lstmlab.engine.tasks.Task;

/** {@code train --data FILE}: the user's CSV series or text file as a task. */
final class UserData {
    private UserData() {
    }

    static Task task(Path file, String taskName, CsvSeries.Options options) {
        try {
            InputFiles.requireRegular(file); // before anything else: a folder, device or FIFO is never opened
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        boolean text = "charlm".equals(taskName) || taskName == null
                && String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT).endsWith(".txt");
        if (taskName != null && !text) {
            throw new IllegalArgumentException("--data works with --task charlm (a text file) or without --task "
                    + "(a CSV series); the built-in task " + taskName + " makes its own data");
        }
        try {
            if (text) {
                TextFiles.Text t = TextFiles.read(file, options.charset());
                return new CharLmTask(t.text(), String.valueOf(file.getFileName()));
            }
            return new SeriesTask(CsvSeries.load(file, options));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Charset charset(String name) {
        if (name == null) {
            return null;
        }
        try {
            return Charset.forName(name.trim());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new IllegalArgumentException("--encoding " + name + " is not an encoding this Java knows "
                    + "(try utf-8, gbk or gb18030)");
        }
    }
}
