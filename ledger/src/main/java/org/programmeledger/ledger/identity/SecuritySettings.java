package org.programmeledger.ledger.identity;

import java.time.Duration;
import java.util.List;
import org.programmeledger.ledger.service.LedgerRole;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The users of the embedded default ({@code ledger.security.users[i].*}); passwords are stored as bcrypt
 * hashes ({@code bin/ledger hash-password} makes one). How failed sign-ins are throttled and how long a
 * checked password is remembered: {@code ledger.security.sign-in.*}.
 */
@ConfigurationProperties("ledger.security")
public record SecuritySettings(List<User> users, @DefaultValue SignIn signIn) {

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

    /**
     * @param freeFailures   failed sign-ins in a row, per user and per client address, before a lock
     * @param firstLock      the lock after those; each further failure doubles it
     * @param longestLock    the longest lock
     * @param rememberFor    how long a successful password check is remembered, so that a client sending HTTP
     *                       Basic with every request pays for bcrypt once
     * @param remembered     the most successful checks remembered at once
     * @param trackedClients the most users and addresses whose failures are counted at once (oldest dropped)
     */
    public record SignIn(@DefaultValue("5") int freeFailures, @DefaultValue("1s") Duration firstLock,
                         @DefaultValue("15m") Duration longestLock, @DefaultValue("5m") Duration rememberFor,
                         @DefaultValue("1000") int remembered, @DefaultValue("10000") int trackedClients) {
    }
}
