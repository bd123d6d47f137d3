package org.hpacell.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * What every {@code hpacell} command shares: {@code --help} that exits 0 with a description of the command
 * and of each option, the common options on every command that does work, one meaning per option name
 * across commands, the usage error code without a subcommand, and a row in README.md's command table.
 */
class CliConventionsTest {
    /** Option names and the one kind of value they take wherever they are an option's own name. */
    private static final Map<String, List<String>> ONE_MEANING = Map.of(
            "--data", List.of("DIR"),
            "--model", List.of("RUN", "RUN..."),
            "--out", List.of("DIR", "FILE", "RUN", "probs.csv", "MASK.png"),
            "--threads", List.of("T"),
            "--segmenter", List.of("NAME"),
            "--predictions", List.of("PATH", "P.csv"));

    @Test
    void everyCommandHasHelpAndDescribesItselfAndItsOptions() {
        for (CommandLine c : commands()) {
            String name = c.getCommandSpec().qualifiedName();
            CommandRun help = CommandRun.of(args(c, "--help"));
            assertEquals(ExitCodes.OK, help.exitCode(), name + " --help");
            assertTrue(help.out().startsWith("Usage: " + name), name + ": " + help.out());
            assertTrue(c.getCommandSpec().usageMessage().description().length > 0, name + " has no description");
            for (OptionSpec o : c.getCommandSpec().options()) {
                assertTrue(o.description().length > 0 && !o.description()[0].isBlank(),
                        name + " " + o.longestName() + " has no description");
            }
        }
    }

    @Test
    void everyCommandThatWorksTakesTheCommonOptions() {
        for (CommandLine c : commands()) {
            if (!c.getSubcommands().isEmpty()) {
                continue;
            }
            CommandSpec spec = c.getCommandSpec();
            for (String option : List.of("--threads", "--seed", "--quiet", "--verbose")) {
                assertTrue(spec.findOption(option) != null, spec.qualifiedName() + " lacks " + option);
            }
        }
    }

    @Test
    void anOptionNameMeansOneKindOfValueInEveryCommand() {
        for (CommandLine c : commands()) {
            for (OptionSpec o : c.getCommandSpec().options()) {
                // the first name is the option's own; later ones are old names kept working
                String n = o.names()[0];
                List<String> labels = ONE_MEANING.get(n);
                if (labels != null) {
                    assertTrue(labels.contains(o.paramLabel()), c.getCommandSpec().qualifiedName() + " " + n
                            + " takes " + o.paramLabel() + ", elsewhere " + labels);
                }
            }
        }
    }

    @Test
    void aCommandGroupWithoutItsSubcommandIsAUsageError() {
        for (String[] args : List.of(new String[0], new String[] {"data"}, new String[] {"mask"},
                new String[] {"export"})) {
            CommandRun r = CommandRun.of(args);
            assertEquals(ExitCodes.USAGE, r.exitCode(), String.join(" ", args));
            assertTrue(r.err().contains("Usage: hpacell"), r.err());
        }
    }

    @Test
    void aBadValueIsOneLineNamingTheProblem() {
        CommandRun r = CommandRun.of("evaluate", "--truth", "no-such-truth.csv", "--predictions", "no-such.csv");
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("no-such"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace without --verbose");
    }

    @Test
    void aUsageErrorIsOneLineAndAPointerToHelp() {
        CommandRun r = CommandRun.of("predict", "--data", "d", "--out", "x.csv");
        assertEquals(ExitCodes.USAGE, r.exitCode());
        assertEquals(List.of("hpacell: error: no stage-1 model: give --stage1 RUN or --pipeline DIR",
                "See 'hpacell predict --help'."), r.err().strip().lines().toList());
        CommandRun typo = CommandRun.of("report", "--run", "r", "--feilds", "2");
        assertEquals(ExitCodes.USAGE, typo.exitCode());
        assertTrue(typo.err().startsWith("hpacell: error: Unknown options: '--feilds'"), typo.err());
        assertTrue(typo.err().strip().endsWith("See 'hpacell report --help'."), typo.err());
        assertFalse(typo.err().contains("Usage:"), "not the whole usage: " + typo.err());
    }

    @Test
    void readmeListsEveryCommand() throws IOException {
        Path readme = Path.of("..", "README.md");
        String text = Files.readString(readme);
        for (CommandLine c : commands()) {
            if (c.getCommandSpec().parent() != null && c.getCommandSpec().parent().parent() == null) {
                String name = c.getCommandSpec().qualifiedName();
                assertTrue(text.contains("| `" + name + " ") || text.contains("| `" + name + "`"),
                        "README.md's command table has no row for " + name);
            }
        }
    }

    /** Every command and subcommand, depth first, in the order hpacell --help lists them. */
    private static List<CommandLine> commands() {
        List<CommandLine> out = new ArrayList<>();
        collect(HpaCell.commandLine(), out);
        return out;
    }

    private static void collect(CommandLine c, List<CommandLine> out) {
        out.add(c);
        new TreeMap<>(c.getSubcommands()).values().forEach(s -> collect(s, out));
    }

    private static String[] args(CommandLine c, String last) {
        List<String> path = new ArrayList<>();
        for (CommandSpec s = c.getCommandSpec(); s.parent() != null; s = s.parent()) {
            path.add(0, s.name());
        }
        path.add(last);
        return path.toArray(String[]::new);
    }
}
