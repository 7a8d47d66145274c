package org.programmeledger.dashboards.cli;

import java.util.List;
import java.util.Optional;
import org.axonframework.modelling.command.ConcurrencyException;
import org.programmeledger.dashboards.audit.AuditCommands;
import org.programmeledger.dashboards.backup.BackupCommands;
import org.programmeledger.dashboards.console.ServerRefusal;
import org.programmeledger.dashboards.console.StoreFailure;
import org.programmeledger.dashboards.console.UsageRefusal;
import org.programmeledger.dashboards.demo.DemoCommand;
import org.programmeledger.dashboards.importing.ImportCommand;
import org.programmeledger.dashboards.keys.KeyCommand;
import org.programmeledger.dashboards.outputs.JobsCommand;
import org.programmeledger.dashboards.outputs.MetricsCommand;
import org.programmeledger.dashboards.proof.ProveCommand;
import org.programmeledger.dashboards.proof.VerifyProofCommand;
import org.programmeledger.dashboards.publication.PublicationCommands;
import org.programmeledger.dashboards.report.ReportCommand;
import org.programmeledger.dashboards.transfer.TransferCommands;
import org.programmeledger.dashboards.users.HashPasswordCommand;
import org.programmeledger.dashboards.users.UsersCommand;
import org.programmeledger.dashboards.web.ServeCommand;
import org.programmeledger.ledger.service.Causes;
import org.programmeledger.ledger.service.NoSuchPublication;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The command line. Arguments are parsed before Spring starts, so help and usage errors are instant,
 * and each command starts the application with the settings it needs.
 */
@Command(name = "ledger", mixinStandardHelpOptions = true, version = "Programme Ledger 0.1.0",
        header = "Programme Ledger's command line.",
        description = "An event-sourced ledger for inter-governmental co-operation programmes: records what the "
                + "secretariat reports, keeps every correction, and builds the outputs, reports and proofs from "
                + "it. Each command's help states its options, exit codes and an example.",
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:the command did what was asked",
                "1:it could not (a refused file, a failed job, a ledger that does not verify)",
                UsageRefusal.EXIT_CODE},
        footerHeading = "%nExample:%n", footer = "  bin/ledger demo && bin/ledger serve")
public class LedgerCli implements Runnable {

    /** The commands, in the order of the help's list. */
    private static final List<Class<?>> COMMANDS = List.of(DemoCommand.class, ServeCommand.class, ImportCommand.class,
            ReportCommand.class, HashPasswordCommand.class, UsersCommand.class, KeyCommand.class, ProveCommand.class,
            VerifyProofCommand.class,
            AuditCommands.History.class, AuditCommands.AsOfCommand.class, AuditCommands.Verify.class,
            AuditCommands.DigestOfHead.class, AuditCommands.Trail.class, AuditCommands.Replay.class,
            TransferCommands.Export.class, TransferCommands.ImportEvents.class, BackupCommands.Backup.class,
            BackupCommands.Restore.class, JobsCommand.class, MetricsCommand.class,
            PublicationCommands.Submit.class, PublicationCommands.Approve.class, PublicationCommands.Return.class,
            PublicationCommands.Publish.class, PublicationCommands.Diff.class,
            HelpCommand.class);

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine(args).execute(args));
    }

    /** The command line with every command. */
    static CommandLine commandLine() {
        return withCommands(COMMANDS);
    }

    /**
     * The command line for these arguments: with only the command they name first, when they name one, as picocli
     * reads the annotations of every command it is given (a fifth of the time before a quick answer). Help, a
     * mistyped command and the top-level options get every command.
     */
    static CommandLine commandLine(String... arguments) {
        return withCommands(COMMANDS.stream().filter(command -> command != HelpCommand.class && arguments.length > 0
                && command.getAnnotation(Command.class).name().equals(arguments[0])).findFirst()
                .<List<Class<?>>>map(List::of).orElse(COMMANDS));
    }

    static CommandLine withCommands(List<Class<?>> commands) {
        CommandLine cli = new CommandLine(new LedgerCli()).setExecutionExceptionHandler(LedgerCli::refused)
                .setParameterExceptionHandler(LedgerCli::misused);
        commands.forEach(cli::addSubcommand);
        return cli;
    }

    /** A mistake in the arguments: one line naming it and where the help is, exit code 2. */
    private static int misused(ParameterException e, String[] arguments) {
        CommandLine command = e.getCommandLine();
        String hint = e instanceof UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()
                ? " Did you mean " + String.join(" or ", unmatched.getSuggestions()) + "?" : "";
        say(command, e.getMessage() + hint + " (see '" + helpFor(command) + "')");
        return 2;
    }

    /** What shows a command's help, e.g. {@code ledger help jobs run}. */
    static String helpFor(CommandLine command) {
        String path = command.getCommandSpec().qualifiedName();
        return command.getParent() == null ? path + " help" : path.replaceFirst("^ledger ", "ledger help ");
    }

    private static void say(CommandLine command, String message) {
        command.getErr().println(command.getCommandSpec().qualifiedName() + ": " + message);
        command.getErr().flush();
    }

    /** A command that cannot do what was asked says why in one line; anything else is a bug, with its trace. */
    private static int refused(Exception e, CommandLine command, CommandLine.ParseResult parsed) throws Exception {
        if (e instanceof UsageRefusal || e instanceof NoSuchPublication) {
            say(command, e.getMessage());
            return 2;
        }
        if (e instanceof ServerRefusal refusal) {
            say(command, e.getMessage());
            return refusal.exitCode();
        }
        // Before the refusals: a full disk under a refusal (the views could not handle the events) is the reason.
        Optional<String> fullDisk = StoreFailure.whileRunning(e);
        if (fullDisk.isPresent()) {
            say(command, fullDisk.get());
            return 1;
        }
        if (e instanceof IllegalStateException || e instanceof IllegalArgumentException) {
            say(command, e.getMessage());
            return 1;
        }
        Optional<Throwable> collision = Causes.of(e).filter(ConcurrencyException.class::isInstance).findFirst();
        if (collision.isPresent()) {
            say(command, "other nodes kept recording in the same records while this ran (" + collision.get()
                    .getMessage() + "); nothing of what collided was stored: run the command again");
            return 1;
        }
        throw e;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: try 'ledger demo' or 'ledger help'");
    }
}
