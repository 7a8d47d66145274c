package org.programmeledger.dashboards.console;

import java.io.Console;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The --user and --password options of commands that talk to a running server, and their defaults. */
public class SignIn {

    @Option(names = "--user", paramLabel = "NAME", description = "the user to sign in as on a server "
            + "(default: $LEDGER_USER, or your login name)")
    public String user;

    @Option(names = "--password", arity = "0..1", interactive = true, paramLabel = "PASSWORD",
            description = "the password on a server; without a value it is asked for (default: $LEDGER_PASSWORD, "
                    + "or asked for on the terminal)")
    public char[] password;

    public String name() {
        return user != null ? user : Optional.ofNullable(System.getenv("LEDGER_USER")).orElse(loginName());
    }

    /** The value of an HTTP Basic Authorization header. */
    public String authorization() {
        return "Basic " + Base64.getEncoder().encodeToString((name() + ":" + password())
                .getBytes(StandardCharsets.UTF_8));
    }

    private String password() {
        if (password != null) {
            return new String(password);
        }
        String fromEnvironment = System.getenv("LEDGER_PASSWORD");
        if (fromEnvironment != null) {
            return fromEnvironment;
        }
        Console console = System.console();
        if (console == null) {
            throw new IllegalStateException("set LEDGER_PASSWORD: there is no terminal to ask for " + name()
                    + "'s password");
        }
        return new String(console.readPassword("Password for %s: ", name()));
    }

    public static String loginName() {
        return System.getProperty("user.name");
    }
}
