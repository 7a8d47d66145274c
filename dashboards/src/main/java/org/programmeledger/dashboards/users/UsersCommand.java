package org.programmeledger.dashboards.users;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.programmeledger.dashboards.console.LedgerHome;
import org.programmeledger.dashboards.console.Paths;
import org.programmeledger.dashboards.console.ProjectConfig;
import org.programmeledger.dashboards.console.UsageRefusal;
import org.programmeledger.ledger.service.LedgerRole;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.FileSystemResource;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The users who may sign in, kept in {@code config/users.yml} (owner-only, bcrypt hashes), which every command
 * reads beside {@code config/application.yml}: a first user needs no hand-written YAML.
 */
@Command(name = "users", mixinStandardHelpOptions = true,
        header = "Adds, removes and lists the users who may sign in.",
        description = "Keeps the users who may sign in in config/users.yml (owner-only, bcrypt hashes), which every "
                + "command and the server read; a running server reads them when it starts again.",
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:done",
                "1:no password was given",
                "2:a bad or taken name or role, or no such user"},
        footerHeading = "%nExample:%n", footer = "  bin/ledger users add sam --role SECRETARIAT",
        subcommands = {UsersCommand.Add.class, UsersCommand.Remove.class, UsersCommand.ListUsers.class})
public class UsersCommand {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    public record User(String name, String passwordHash, LedgerRole role) {
    }

    static Path file() {
        return LedgerHome.usersFile();
    }

    public static List<User> read() {
        return read(file());
    }

    public static List<User> read(Path file) {
        List<User> users = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return users;
        }
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new FileSystemResource(file));
        Properties properties = yaml.getObject();
        for (int i = 0; properties != null && properties.getProperty(key(i, "name")) != null; i++) {
            users.add(new User(properties.getProperty(key(i, "name")), properties.getProperty(key(i, "password-hash")),
                    LedgerRole.valueOf(properties.getProperty(key(i, "role")))));
        }
        return users;
    }

    private static String key(int index, String field) {
        return "ledger.security.users[" + index + "]." + field;
    }

    /** Writes the users whole, through a temporary file, readable by the owner only: it holds password hashes. */
    static void write(List<User> users) throws IOException {
        write(file(), users);
    }

    public static void write(Path file, List<User> users) throws IOException {
        StringBuilder yaml = new StringBuilder("# Written by 'bin/ledger users'; passwords as bcrypt hashes.\n"
                + "ledger:\n  security:\n    users:" + (users.isEmpty() ? " []\n" : "\n"));
        for (User user : users) {
            yaml.append("      - name: ").append(user.name()).append('\n')
                    .append("        password-hash: '").append(user.passwordHash()).append("'\n")
                    .append("        role: ").append(user.role()).append('\n');
        }
        Files.createDirectories(file.getParent());
        Path temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(temporary, yaml, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Users in config/application.yml would silently take the place of these, or these of them. */
    public static void refuseUsersInApplicationYml() {
        if (ProjectConfig.usersInApplicationYml()) {
            throw new UsageRefusal("config/application.yml lists users (ledger.security.users); keep them there "
                    + "(bin/ledger hash-password makes a hash) or move them out before using 'ledger users'");
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            header = "Adds a user who may sign in, with a role.",
            description = "Adds a user. The password is asked twice on a terminal, or read as one line of standard "
                    + "input.",
            exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:added",
                    "1:no password was given",
                    "2:a bad or taken name, or a bad role"},
            footerHeading = "%nExample:%n", footer = "  bin/ledger users add sam --role SECRETARIAT")
    public static class Add implements Callable<Integer> {

        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "NAME", description = "the login name: letters, digits, '.', '_' or '-'")
        String name;
        @Option(names = "--role", required = true, paramLabel = "ROLE",
                description = "SECRETARIAT, APPROVER, AUDITOR or VIEWER")
        String role;

        @Override
        public Integer call() throws IOException {
            refuseUsersInApplicationYml();
            LedgerRole ledgerRole = role(role);
            if (!NAME.matcher(name).matches()) {
                throw new UsageRefusal("'" + name + "' is not a login name: 1-64 letters, digits, '.', '_' or '-'");
            }
            List<User> users = read();
            if (users.stream().anyMatch(user -> user.name().equals(name))) {
                throw new UsageRefusal("a user '" + name + "' exists; remove it first to change it");
            }
            char[] password = HashPasswordCommand.read();
            if (password == null || password.length == 0) {
                spec.commandLine().getErr().println("No password given, or the two did not match; nothing changed.");
                return 1;
            }
            users.add(new User(name, new BCryptPasswordEncoder().encode(new String(password)), ledgerRole));
            Arrays.fill(password, ' ');
            write(users);
            spec.commandLine().getOut().println("Added " + name + " (" + ledgerRole + ") to "
                    + Paths.display(file()) + "; a running server reads it when started again.");
            return 0;
        }

        private static LedgerRole role(String role) {
            try {
                return LedgerRole.valueOf(role.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new UsageRefusal("no role '" + role + "'; roles: " + Arrays.toString(LedgerRole.values()));
            }
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            header = "Removes a user.",
            description = "Removes a user from config/users.yml.",
            exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:removed",
                    "2:there is no such user"},
            footerHeading = "%nExample:%n", footer = "  bin/ledger users remove sam")
    public static class Remove implements Callable<Integer> {

        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() throws IOException {
            refuseUsersInApplicationYml();
            List<User> users = read();
            if (!users.removeIf(user -> user.name().equals(name))) {
                throw new UsageRefusal("no user '" + name + "' in " + Paths.display(file()));
            }
            write(users);
            spec.commandLine().getOut().println("Removed " + name + " from " + Paths.display(file()) + ".");
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            header = "Lists the users and their roles.",
            description = "Lists the users of config/users.yml and their roles.",
            exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:listed"},
            footerHeading = "%nExample:%n", footer = "  bin/ledger users list")
    public static class ListUsers implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            List<User> users = read();
            if (users.isEmpty()) {
                spec.commandLine().getOut().println("No users in " + Paths.display(file())
                        + "; add one with: bin/ledger users add NAME --role SECRETARIAT");
            }
            users.forEach(user -> spec.commandLine().getOut().println(user.name() + "  " + user.role()));
            return 0;
        }
    }
}
