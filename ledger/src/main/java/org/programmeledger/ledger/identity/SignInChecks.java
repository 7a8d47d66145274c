package org.programmeledger.ledger.identity;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.programmeledger.ledger.hashing.Sha256;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * HTTP Basic sends the password with every request, and bcrypt is slow on purpose. A successful check is
 * therefore remembered for a short while under a SHA-256 of the user name, the password and the user's
 * stored hash and roles (so a changed password or role no longer matches), and a client that signed in once
 * pays for bcrypt once per {@code remember-for}. Failed checks are counted per user and per client address;
 * past the free ones both are locked for a growing time, answered 429 without a bcrypt check, and each
 * failure is logged in one line (user, address, failures in a row; never the password).
 */
final class SignInChecks implements AuthenticationProvider {

    private static final Logger LOG = LoggerFactory.getLogger("ledger.sign-in");

    private final UserDetailsService users;
    private final DaoAuthenticationProvider passwords;
    private final FailedSignIns failures;
    private final SecuritySettings.SignIn settings;
    private final Clock clock;
    /** The counters of each outcome, looked up once: a lookup per request cost more than the count. */
    private final Map<String, Counter> outcomes;
    private final Map<String, Instant> remembered;

    SignInChecks(UserDetailsService users, PasswordEncoder encoder, SecuritySettings.SignIn settings, Clock clock,
                 MeterRegistry meters) {
        this.users = users;
        this.passwords = new DaoAuthenticationProvider(users);
        this.passwords.setPasswordEncoder(encoder);
        this.failures = new FailedSignIns(settings, clock);
        this.settings = settings;
        this.clock = clock;
        this.outcomes = Stream.of("remembered", "locked", "checked", "failed").collect(Collectors.toUnmodifiableMap(
                outcome -> outcome, outcome -> meters.counter("ledger.sign-ins", "outcome", outcome)));
        this.remembered = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
                return size() > settings.remembered();
            }
        };
    }

    @Override
    public Authentication authenticate(Authentication request) throws AuthenticationException {
        String name = request.getName();
        String address = request.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : "?";
        UserDetails user = configured(name);
        String key = user == null ? null : key(name, String.valueOf(request.getCredentials()), user);
        if (key != null && rememberedStill(key)) {
            count("remembered");
            return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
        }
        Optional<Duration> locked = longer(failures.lockedFor("user " + name), failures.lockedFor("address " + address));
        if (locked.isPresent()) {
            count("locked");
            throw new SignInLocked(locked.get());
        }
        try {
            Authentication signedIn = passwords.authenticate(request);
            count("checked");
            failures.succeeded("user " + name);
            failures.succeeded("address " + address);
            if (key != null) {
                remember(key);
            }
            return signedIn;
        } catch (BadCredentialsException e) {
            count("failed");
            int forUser = failures.failed("user " + name);
            int fromAddress = failures.failed("address " + address);
            Optional<Duration> lock = longer(failures.lockedFor("user " + name),
                    failures.lockedFor("address " + address));
            LOG.warn("Sign-in failed for user '{}' from {}: {} in a row for the user, {} from the address{}",
                    printable(name), address, forUser, fromAddress,
                    lock.map(d -> "; locked for " + new SignInLocked(d).retryAfterSeconds() + " s").orElse(""));
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private UserDetails configured(String name) {
        try {
            return users.loadUserByUsername(name);
        } catch (UsernameNotFoundException e) {
            return null;
        }
    }

    private synchronized boolean rememberedStill(String key) {
        Instant until = remembered.get(key);
        if (until != null && until.isAfter(clock.instant())) {
            return true;
        }
        remembered.remove(key);
        return false;
    }

    private synchronized void remember(String key) {
        remembered.put(key, clock.instant().plus(settings.rememberFor()));
    }

    private void count(String outcome) {
        outcomes.get(outcome).increment();
    }

    private static Optional<Duration> longer(Optional<Duration> a, Optional<Duration> b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isPresent() && b.get().compareTo(a.get()) > 0 ? b : a;
    }

    private static String key(String name, String password, UserDetails user) {
        MessageDigest sha256 = Sha256.digest();
        for (String part : new String[] {name, password, user.getPassword(), user.getAuthorities().toString()}) {
            sha256.update(part.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0);
        }
        return Sha256.hex(sha256.digest());
    }

    /** A user name as typed by anyone: no line breaks or other controls in the log, and not too long. */
    private static String printable(String name) {
        String shown = name.replaceAll("\\p{Cntrl}", "?");
        return shown.length() > 64 ? shown.substring(0, 64) + "..." : shown;
    }
}
