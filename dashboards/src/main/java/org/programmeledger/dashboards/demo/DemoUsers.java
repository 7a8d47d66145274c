package org.programmeledger.dashboards.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.programmeledger.dashboards.console.ProjectConfig;
import org.programmeledger.dashboards.users.UsersCommand;
import org.programmeledger.ledger.service.LedgerRole;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The users a demo store comes with, one per role, so that a first user signs in to the dashboard and the API
 * at once: their passwords are made afresh by each demo, printed once, and kept as bcrypt hashes beside that store
 * only. {@code serve} on that store adds them to the users of config/users.yml.
 */
public final class DemoUsers {

    public static final String FILE = "demo-users.yml";
    private static final List<UsersCommand.User> ROLES = List.of(
            new UsersCommand.User("sam", null, LedgerRole.SECRETARIAT),
            new UsersCommand.User("avery", null, LedgerRole.APPROVER),
            new UsersCommand.User("ada", null, LedgerRole.AUDITOR),
            new UsersCommand.User("vic", null, LedgerRole.VIEWER));
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A demo user as printed: the password in clear, this once. */
    public record Credentials(String name, String password, LedgerRole role) {
    }

    private DemoUsers() {
    }

    /** Makes the demo store's users, replacing those of an earlier demo; their passwords, to print. */
    public static List<Credentials> create(Path store) throws IOException {
        BCryptPasswordEncoder encoder = new BCryptPasswordEncoder();
        List<Credentials> made = new ArrayList<>();
        List<UsersCommand.User> users = new ArrayList<>();
        for (UsersCommand.User role : ROLES) {
            byte[] secret = new byte[12];
            RANDOM.nextBytes(secret);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
            made.add(new Credentials(role.name(), password, role.role()));
            users.add(new UsersCommand.User(role.name(), encoder.encode(password), role.role()));
        }
        UsersCommand.write(store.resolve(FILE), users);
        return made;
    }

    /**
     * The users to sign in on {@code store} as command-line settings, which take the place of the configured list:
     * those of config/users.yml, then the demo's (but none whose name config/users.yml has). Empty for a store
     * the demo did not make, or when config/application.yml lists users itself.
     */
    public static List<String> settings(Path store) {
        Path file = store.resolve(FILE);
        if (!Files.isRegularFile(file) || ProjectConfig.usersInApplicationYml()) {
            return List.of();
        }
        List<UsersCommand.User> users = new ArrayList<>(UsersCommand.read());
        Set<String> taken = users.stream().map(UsersCommand.User::name).collect(Collectors.toSet());
        UsersCommand.read(file).stream().filter(user -> !taken.contains(user.name())).forEach(users::add);
        List<String> settings = new ArrayList<>();
        for (int i = 0; i < users.size(); i++) {
            String key = "--ledger.security.users[" + i + "].";
            settings.add(key + "name=" + users.get(i).name());
            settings.add(key + "password-hash=" + users.get(i).passwordHash());
            settings.add(key + "role=" + users.get(i).role());
        }
        return settings;
    }
}
