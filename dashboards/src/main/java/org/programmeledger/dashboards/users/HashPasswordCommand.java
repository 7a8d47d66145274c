package org.programmeledger.dashboards.users;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "hash-password", mixinStandardHelpOptions = true,
        header = "Prints a password's bcrypt hash for config/application.yml.",
        description = "Reads a password (asked twice on a terminal, or one line of standard input) and prints its "
                + "bcrypt hash, for ledger.security.users in config/application.yml; 'users add' writes "
                + "config/users.yml without it.",
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:printed",
                "1:no password was given"},
        footerHeading = "%nExample:%n", footer = "  bin/ledger hash-password")
public class HashPasswordCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        char[] password = read();
        if (password == null || password.length == 0) {
            spec.commandLine().getErr().println("No password given, or the two did not match.");
            return 1;
        }
        spec.commandLine().getOut().println(new BCryptPasswordEncoder().encode(new String(password)));
        Arrays.fill(password, ' ');
        return 0;
    }

    /** A password asked twice on a terminal, or one line of standard input; null when none or they differ. */
    static char[] read() throws IOException {
        Console console = System.console();
        if (console != null) {
            char[] first = console.readPassword("Password: ");
            char[] again = console.readPassword("Again: ");
            return Arrays.equals(first, again) ? first : null;
        }
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        return line == null ? null : line.toCharArray();
    }
}
