package org.lstmlab.ui.common;

import java.io.UncheckedIOException;
import java.util.ResourceBundle;
import java.util.concurrent.CompletionException;

import org.lstmlab.engine.data.DataFileException;

/**
 * Every problem a data file (the Train or Compare tab's own file) was refused for, one per line, for the "all
 * problems" view: the message line names only the first and counts the others ("(and 3 more problems)").
 */
public final class ProblemList {
    private ProblemList() {
    }

    /** The problems of a refused data file, one per line; empty when there is at most one. */
    public static String of(ResourceBundle i18n, Throwable t) {
        Throwable e = t;
        while ((e instanceof CompletionException || e instanceof UncheckedIOException) && e.getCause() != null) {
            e = e.getCause();
        }
        if (!(e instanceof DataFileException d) || d.problems().size() + d.more() <= 1) {
            return "";
        }
        StringBuilder sb = new StringBuilder(d.file()).append(':');
        for (DataFileException.Problem p : d.problems()) {
            sb.append('\n').append(p.message().in(i18n));
        }
        if (d.more() > 0) {
            sb.append('\n').append(I18n.format(i18n, "training.problems.more", d.more()));
        }
        return sb.toString();
    }
}
