package org.programmeledger.dashboards.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The command line. Arguments are parsed before Spring starts, so help and usage errors are instant,
 * and each command starts the application with the settings it needs.
 */
@Command(name = "ledger", mixinStandardHelpOptions = true, version = "Programme Ledger 0.1.0",
        description = "An event-sourced ledger for inter-governmental co-operation programmes.",
        subcommands = {DemoCommand.class, ServeCommand.class, ImportCommand.class, ReportCommand.class,
                HashPasswordCommand.class, UsersCommand.class, KeyCommand.class, ProveCommand.class,
                VerifyProofCommand.class,
                AuditCommands.History.class, AuditCommands.AsOfState.class, AuditCommands.Verify.class,
                AuditCommands.DigestOfHead.class, AuditCommands.Trail.class, AuditCommands.Replay.class,
                TransferCommands.Export.class, TransferCommands.ImportEvents.class, BackupCommands.Backup.class,
                BackupCommands.Restore.class, JobsCommand.class, MetricsCommand.class,
                PublicationCommands.Submit.class, PublicationCommands.Approve.class, PublicationCommands.Return.class,
                PublicationCommands.Publish.class, PublicationCommands.Diff.class,
                CommandLine.HelpCommand.class})
public class LedgerCli implements Runnable {

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        return new CommandLine(new LedgerCli()).setExecutionExceptionHandler(LedgerCli::refused);
    }

    /** A command that cannot do what was asked says why in one line; anything else is a bug, with its trace. */
    private static int refused(Exception e, CommandLine command, CommandLine.ParseResult parsed) throws Exception {
        if (e instanceof UsageRefusal) {
            command.getErr().println("ledger " + command.getCommandName() + ": " + e.getMessage());
            command.getErr().flush();
            return 2;
        }
        if (e instanceof IllegalStateException || e instanceof IllegalArgumentException) {
            command.getErr().println("ledger " + command.getCommandName() + ": " + e.getMessage());
            command.getErr().flush();
            return 1;
        }
        throw e;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: try 'ledger demo' or 'ledger help'");
    }
}
