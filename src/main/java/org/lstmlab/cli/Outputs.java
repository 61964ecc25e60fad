package org.lstmlab.cli;

import java.nio.file.Path;

import org.lstmlab.engine.bounds.InputFiles;

/** Where a command writes: never over a file it reads (rule: nothing the user pointed at is damaged). */
final class Outputs {
    private Outputs() {
    }

    /**
     * Refuses {@code out} (given as {@code option}) when it names one of {@code inputs}, following links; the
     * message names the option, both paths and what {@code what} it is ("the input file", "the case file").
     */
    static void notAnInput(String option, Path out, String what, Path... inputs) {
        for (Path in : inputs) {
            if (in != null && InputFiles.sameFile(in, out)) {
                throw new IllegalArgumentException(option + " " + out + " is " + what + " " + in
                        + "; writing there would overwrite it");
            }
        }
    }
}
