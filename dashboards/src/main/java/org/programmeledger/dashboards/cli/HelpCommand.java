package org.programmeledger.dashboards.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code help [COMMAND [SUBCOMMAND]]}: picocli's own help command shows only a top-level command's help. */
@Command(name = "help", helpCommand = true, header = "Shows the help of a command.",
        description = "Shows the help of a command or of one of its subcommands, which states its options, its "
                + "exit codes and an example.",
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:the help was shown", "2:there is no such command"},
        footerHeading = "%nExample:%n", footer = "  bin/ledger help jobs run")
class HelpCommand implements CommandLine.IHelpCommandInitializable2, Callable<Integer> {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean helpRequested;

    @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "a command, and a subcommand of it")
    List<String> path = new ArrayList<>();

    private CommandLine self;
    private Help.ColorScheme colors;
    private PrintWriter out;

    @Override
    public void init(CommandLine helpCommandLine, Help.ColorScheme colorScheme, PrintWriter out, PrintWriter err) {
        this.self = helpCommandLine;
        this.colors = colorScheme;
        this.out = out;
    }

    @Override
    public Integer call() {
        CommandLine command = self.getParent();
        for (String name : path) {
            CommandLine subcommand = command.getSubcommands().get(name);
            if (subcommand == null) {
                throw new ParameterException(self, "no command '" + String.join(" ", path) + "'; "
                        + command.getCommandSpec().qualifiedName() + " has: "
                        + String.join(", ", command.getSubcommands().keySet()));
            }
            command = subcommand;
        }
        command.usage(out, colors);
        out.flush();
        return 0;
    }
}
