package org.programmeledger.dashboards.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the real command line in the test's JVM, built for its arguments as main builds it, and keeps what it printed. */
record Cli(int exitCode, String output) {

    static Cli run(String... arguments) {
        StringWriter printed = new StringWriter();
        CommandLine cli = LedgerCli.commandLine(arguments);
        cli.setOut(new PrintWriter(printed));
        cli.setErr(new PrintWriter(printed));
        return new Cli(cli.execute(arguments), printed.toString());
    }
}
