package org.lstmlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code --help} of every command (found from the command tree, so a new command is covered without editing this
 * test): exit 0, the usage on stdout and nothing on stderr, every option listed with a description, and every
 * file it cites is in this repository.
 */
class HelpForEveryCommandTest {
    private static final Pattern CITED = Pattern.compile("[\\w./-]+\\.(md|py|csv|safetensors)\\b");

    static Stream<String> commands() {
        CommandLine root = LstmLabCommand.commandLine(new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()));
        return root.getSubcommands().keySet().stream();
    }

    private static CommandLine.Model.CommandSpec spec(String name) {
        return LstmLabCommand.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()))
                .getSubcommands().get(name).getCommandSpec();
    }

    @Test
    void theCommandTreeHasTheDocumentedCommands() {
        assertTrue(commands().toList().containsAll(List.of("forward", "gradcheck", "train", "bench")),
                commands().toList().toString());
    }

    @ParameterizedTest
    @MethodSource("commands")
    void helpListsEveryOptionAndCitesOnlyRepositoryFiles(String name) {
        for (String flag : List.of("--help", "-h")) {
            CliTestSupport.Result r = CliTestSupport.run(name, flag);
            assertEquals(0, r.exitCode(), r.err());
            assertEquals("", r.err());
            assertTrue(r.out().startsWith("Usage: lstm-lab " + name), r.out());
            for (OptionSpec o : spec(name).options()) {
                assertTrue(r.out().contains(o.longestName()), name + " --help lacks " + o.longestName());
                assertTrue(o.description().length > 0 && !o.description()[0].isBlank(),
                        name + " " + o.longestName() + " has no description");
            }
            assertFalse(r.out().contains("shared/") || r.out().contains("../"), "cites a file outside: " + r.out());
            Matcher m = CITED.matcher(r.out().replaceAll("\\s+", " "));
            while (m.find()) {
                String file = m.group();
                if (file.contains("/")) {
                    assertTrue(Files.exists(Path.of(file)), name + " --help cites " + file + ", not in the repository");
                }
            }
        }
    }

    @Test
    void trainsHelpNamesEveryBuiltInTask() {
        String help = CliTestSupport.run("train", "--help").out().replaceAll("\\s+", " ");
        for (String task : org.lstmlab.engine.tasks.Tasks.names()) {
            assertTrue(help.contains(" " + task + ",") || help.contains(" " + task + " "),
                    "train --help lacks " + task);
        }
    }

    @Test
    void theTopLevelHelpAndVersion() {
        CliTestSupport.Result help = CliTestSupport.run("--help");
        assertEquals(0, help.exitCode());
        commands().forEach(c -> assertTrue(help.out().contains(c), "top-level help lacks " + c));
        CliTestSupport.Result version = CliTestSupport.run("--version");
        assertEquals(0, version.exitCode());
        assertTrue(version.out().startsWith("LSTM Lab "), version.out());
    }
}
