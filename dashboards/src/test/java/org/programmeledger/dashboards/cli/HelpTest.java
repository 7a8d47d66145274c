package org.programmeledger.dashboards.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** Every command's help: a one-line summary, text that picocli wraps, its exit codes and an example of itself. */
class HelpTest {

    private static final int WIDTH = 80;

    @Test
    void everyCommandHasASummaryWrappedTextExitCodesAndAnExampleOfItself() {
        List<CommandLine> commands = new ArrayList<>();
        collect(LedgerCli.commandLine(), commands);

        assertThat(commands).hasSizeGreaterThan(30);
        for (CommandLine command : commands) {
            CommandSpec spec = command.getCommandSpec();
            String name = spec.qualifiedName();
            String usage = command.getUsageMessage(CommandLine.Help.Ansi.OFF);
            assertThat(spec.usageMessage().header()).as(name + ": a one-line summary").hasSize(1);
            assertThat(spec.usageMessage().header()[0]).as(name).endsWith(".");
            if (command.getParent() != null) {
                assertThat(command.getParent().getUsageMessage(CommandLine.Help.Ansi.OFF).lines())
                        .as(name + ": its summary on one line of the list of commands")
                        .anyMatch(line -> line.strip().startsWith(spec.name() + " ")
                                && line.endsWith(spec.usageMessage().header()[0]));
            }
            assertThat(spec.usageMessage().description()).as(name + ": one paragraph, wrapped by picocli").hasSize(1);
            for (OptionSpec option : spec.options()) {
                assertThat(option.description()).as(name + " " + option.longestName()).hasSizeLessThanOrEqualTo(1);
            }
            assertThat(usage).as(name).contains("Exit codes:", "Example:" + System.lineSeparator() + "  bin/" + name);
            assertThat(usage.lines()).as(name + ": no line wider than the terminal")
                    .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(WIDTH));
        }
    }

    @Test
    void helpOfASubcommandIsThatSubcommandsHelp() {
        Cli help = Cli.run("help", "jobs", "run");

        assertThat(help.exitCode()).isZero();
        assertThat(help.output()).isEqualTo(LedgerCli.commandLine().getSubcommands().get("jobs").getSubcommands()
                .get("run").getUsageMessage(CommandLine.Help.Ansi.OFF));
    }

    @Test
    void helpOfAnUnknownCommandSaysWhatThereIs() {
        Cli help = Cli.run("help", "jobs", "walk");

        assertThat(help.exitCode()).isEqualTo(2);
        assertThat(help.output().strip()).startsWith("ledger help: no command 'jobs walk'; ledger jobs has: run, list");
    }

    @Test
    void returnShowsItsCommentAsRequiredAsTheLedgerRequiresIt() {
        String usage = LedgerCli.commandLine().getSubcommands().get("return").getUsageMessage(CommandLine.Help.Ansi.OFF);

        assertThat(usage).contains(" --comment=TEXT").doesNotContain("[--comment=TEXT]");
    }

    @Test
    void aCommandNamedFirstIsBuiltAloneWithTheSameUsageAsAmongAllTheOthers() {
        CommandLine all = LedgerCli.commandLine();

        for (String name : all.getSubcommands().keySet()) {
            CommandLine alone = LedgerCli.commandLine(name, "--store", "x");
            if (name.equals("help")) {
                assertThat(alone.getSubcommands().keySet()).as("help shows every command").isEqualTo(all
                        .getSubcommands().keySet());
                continue;
            }
            assertThat(alone.getSubcommands().keySet()).as(name).containsExactly(name);
            assertThat(alone.getSubcommands().get(name).getUsageMessage(CommandLine.Help.Ansi.OFF)).as(name)
                    .isEqualTo(all.getSubcommands().get(name).getUsageMessage(CommandLine.Help.Ansi.OFF));
        }
        assertThat(LedgerCli.commandLine("jbos", "run").getSubcommands().keySet()).as("a mistyped command, for the "
                + "suggestions").isEqualTo(all.getSubcommands().keySet());
        assertThat(LedgerCli.commandLine("--version").getSubcommands()).hasSameSizeAs(all.getSubcommands());
        assertThat(LedgerCli.commandLine().getSubcommands()).hasSameSizeAs(all.getSubcommands());
    }

    private static void collect(CommandLine command, List<CommandLine> into) {
        into.add(command);
        command.getSubcommands().values().stream().distinct().forEach(sub -> collect(sub, into));
    }
}
