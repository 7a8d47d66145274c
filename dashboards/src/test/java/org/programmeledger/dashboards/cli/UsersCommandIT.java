package org.programmeledger.dashboards.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.programmeledger.dashboards.console.Application;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** 'ledger users' writes config/users.yml, and the application signs in the users it lists. */
class UsersCommandIT {

    @TempDir
    Path home;
    private String homeBefore;
    private final InputStream stdin = System.in;

    @BeforeEach
    void useTemporaryHome() {
        homeBefore = System.getProperty("ledger.home");
        System.setProperty("ledger.home", home.toString());
    }

    @AfterEach
    void restore() {
        System.setIn(stdin);
        if (homeBefore == null) {
            System.clearProperty("ledger.home");
        } else {
            System.setProperty("ledger.home", homeBefore);
        }
    }

    @Test
    void addsListsAndRemovesUsersWhomTheApplicationThenSignsIn() throws Exception {
        Cli none = Cli.run("users", "list");
        Cli sam = add("sam", "SECRETARIAT", "correct horse battery staple");
        Cli ada = add("ada", "auditor", "another long secret");
        Cli taken = add("sam", "VIEWER", "whatever");
        Cli badRole = add("bob", "ADMIN", "whatever");
        Cli badName = add("x y", "VIEWER", "whatever");
        Cli noPassword = add("eve", "VIEWER", "");
        Cli list = Cli.run("users", "list");

        assertThat(none.output()).contains("No users in", "users add NAME --role SECRETARIAT");
        assertThat(sam.exitCode()).as(sam.output()).isZero();
        assertThat(ada.exitCode()).as(ada.output()).isZero();
        assertThat(taken.exitCode()).isEqualTo(2);
        assertThat(taken.output()).contains("a user 'sam' exists");
        assertThat(badRole.exitCode()).isEqualTo(2);
        assertThat(badRole.output()).contains("no role 'ADMIN'", "SECRETARIAT, APPROVER, AUDITOR, VIEWER");
        assertThat(badName.exitCode()).isEqualTo(2);
        assertThat(noPassword.exitCode()).isEqualTo(1);
        assertThat(list.output()).isEqualTo("sam  SECRETARIAT\nada  AUDITOR\n");
        Path file = home.resolve("config").resolve("users.yml");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readString(file)).doesNotContain("correct horse");

        try (ConfigurableApplicationContext application = Application.start(home.resolve("store"),
                home.resolve("out"), "--spring.main.web-application-type=servlet", "--server.port=0")) {
            UserDetails signedIn = application.getBean(UserDetailsService.class).loadUserByUsername("sam");
            assertThat(new BCryptPasswordEncoder().matches("correct horse battery staple", signedIn.getPassword()))
                    .isTrue();
            assertThat(signedIn.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_SECRETARIAT");
        }

        Cli removed = Cli.run("users", "remove", "sam");
        Cli again = Cli.run("users", "remove", "sam");
        assertThat(removed.exitCode()).isZero();
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(Cli.run("users", "list").output()).isEqualTo("ada  AUDITOR\n");
    }

    @Test
    void leavesUsersListedInApplicationYmlAlone() throws Exception {
        Files.createDirectories(home.resolve("config"));
        Files.writeString(home.resolve("config").resolve("application.yml"), "ledger:\n  security:\n    users:\n"
                + "      - name: sam\n        password-hash: '$2a$10$x'\n        role: SECRETARIAT\n");

        Cli refused = add("ada", "AUDITOR", "a secret");

        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.output()).contains("config/application.yml lists users");
        assertThat(home.resolve("config").resolve("users.yml")).doesNotExist();
    }

    private static Cli add(String name, String role, String password) {
        System.setIn(new ByteArrayInputStream((password + "\n").getBytes(StandardCharsets.UTF_8)));
        return Cli.run("users", "add", name, "--role", role);
    }
}
