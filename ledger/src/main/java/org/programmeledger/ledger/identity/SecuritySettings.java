package org.programmeledger.ledger.identity;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The users of the embedded default ({@code ledger.security.users[i].*}); passwords are stored as bcrypt
 * hashes ({@code bin/ledger hash-password} makes one).
 */
@ConfigurationProperties("ledger.security")
public record SecuritySettings(List<User> users) {

    public SecuritySettings {
        users = users == null ? List.of() : List.copyOf(users);
    }

    /**
     * @param name         the login name
     * @param passwordHash a bcrypt hash, e.g. {@code $2a$10$...}
     * @param role         what the user may do
     */
    public record User(String name, String passwordHash, LedgerRole role) {
    }
}
