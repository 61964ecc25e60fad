package org.lstmlab.cli;

import java.util.List;

import org.lstmlab.engine.tasks.CharLmTask;
import picocli.CommandLine.ParseResult;

/**
 * {@code --text}, the bundled text of {@code train --task charlm} and {@code compare --task charlm}: checked the same
 * way by both, refused (exit code 2) with {@code --data} or without {@code --task charlm}.
 */
final class BundledTextOption {
    static final String DESCRIPTION = "with --task charlm, the bundled text: sonnets (the default) or jabberwocky "
            + "(Carroll's poem, short enough to learn by heart)";

    private BundledTextOption() {
    }

    /** Refuses {@code --text} given with a data file, or with a task other than charlm (none is not charlm). */
    static void refuseMisplaced(ParseResult parsed, boolean data, String task) {
        if (data) {
            UnusedOptions.refuse(parsed, List.of("--text"), "names a bundled text, and --data gives your own",
                    "leave --data out");
        } else if (!"charlm".equals(task)) {
            UnusedOptions.refuse(parsed, List.of("--text"), "applies to --task charlm", "add --task charlm");
        }
    }

    /** The task on the bundled text {@code name}; an unknown name is refused naming {@code --text}. */
    static CharLmTask task(String name) {
        return OptionChecks.named("--text", () -> CharLmTask.bundled(name));
    }
}
