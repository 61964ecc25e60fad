package org.lstmlab.cli;

import java.util.List;

import picocli.CommandLine.ParseResult;

/**
 * An option that would have no effect given the others is refused, never silently ignored, as argparse and PyTorch's
 * scripts refuse it: one line naming the option, why it does not apply and what to do, exit code 2, before anything
 * is read or written. Whether an option was given is picocli's answer ({@link ParseResult#hasMatchedOption}), so an
 * option given with its default value is refused as well.
 */
final class UnusedOptions {
    private UnusedOptions() {
    }

    /**
     * Refuses the first of {@code options} the command line gives: "{@code --columns} {@code why}; {@code remedy},
     * or leave {@code --columns} out".
     *
     * @param why    why it does not apply, e.g. "applies to a data file"
     * @param remedy what would make it apply, e.g. "add --data FILE"
     */
    static void refuse(ParseResult parsed, List<String> options, String why, String remedy) {
        for (String option : options) {
            if (parsed.hasMatchedOption(option)) {
                throw new IllegalArgumentException(message(option, why, remedy));
            }
        }
    }

    /** Refuses the positional parameters given (their first value names them), as {@link #refuse} refuses options. */
    static void refusePositionals(ParseResult parsed, String why, String remedy) {
        if (!parsed.matchedPositionals().isEmpty()) {
            List<String> values = parsed.matchedPositionals().get(0).stringValues();
            throw new IllegalArgumentException(message(values.isEmpty() ? "a parameter" : values.get(0), why,
                    remedy));
        }
    }

    private static String message(String name, String why, String remedy) {
        return name + " " + why + "; " + remedy + ", or leave " + name + " out";
    }
}
