package org.programmeledger.ledger.identity;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** Too many failed sign-ins for this user or from this address: answered 429 with Retry-After. */
class SignInLocked extends AuthenticationException {

    private final Duration retryAfter;

    SignInLocked(Duration retryAfter) {
        super("Too many failed sign-ins; retry in " + retryAfter.toSeconds() + " s");
        this.retryAfter = retryAfter;
    }

    long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
