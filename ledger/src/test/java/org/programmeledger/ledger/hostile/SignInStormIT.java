package org.programmeledger.ledger.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.programmeledger.ledger.web.Http;
import org.programmeledger.ledgertest.LedgerTestApplication;
import org.programmeledger.ledgertest.MovableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.bean.override.convention.TestBean;

/**
 * Sign-in storms against the real server (in a context of their own, since they lock the test's address):
 * wrong passwords are counted per user and per address and then answered 429 with Retry-After without a
 * bcrypt check, each failure is one log line without the password, and a signed-in client sending HTTP Basic
 * with every request pays for one bcrypt check, not one per request. The server's clock stands still unless the
 * test moves it, so a lock cannot run out during a storm however slowly a loaded machine answers it.
 */
@SpringBootTest(classes = LedgerTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.application.name=sign-in-storm")
@ExtendWith(OutputCaptureExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SignInStormIT {

    /** Any path under /api: a signed-in reader gets 404 there, not 401 or 429. */
    private static final String READ = "/api/nothing-here";

    @LocalServerPort
    int port;
    @Autowired
    MeterRegistry meters;
    /** The server's clock, standing still. */
    @TestBean(methodName = "stillClock")
    Clock clock;

    static Clock stillClock() {
        return new MovableClock(Instant.now());
    }

    private double signIns(String outcome) {
        return meters.counter("ledger.sign-ins", "outcome", outcome).count();
    }

    @Test
    @Order(1)
    void aSignedInClientPaysForOnePasswordCheckNotOnePerRequest() {
        double checked = signIns("checked");
        double remembered = signIns("remembered");

        for (int request = 0; request < 50; request++) {
            assertThat(Http.on(port).as(Http.VIEWER).get(READ).statusCode()).isEqualTo(404);
        }

        assertThat(signIns("checked") - checked).isEqualTo(1);
        assertThat(signIns("remembered") - remembered).isEqualTo(49);
    }

    @Test
    @Order(2)
    void wrongPasswordsForOneUserLockItWith429AndRetryAfterLoggedWithoutThePassword(CapturedOutput log) {
        double failed = signIns("failed");
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(Http.on(port).as("ada:guess-" + attempt).get(READ).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> storm = null;
        for (int attempt = 6; attempt <= 200; attempt++) {
            storm = Http.on(port).as("ada:guess-" + attempt).get(READ);
            assertThat(storm.statusCode()).as("attempt " + attempt).isEqualTo(429);
        }
        assertThat(signIns("failed") - failed).as("bcrypt checks in a storm of 200").isEqualTo(5);
        long retryAfter = Long.parseLong(storm.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).as("the first lock, the clock standing still").isEqualTo(1L);
        assertThat(storm.body()).contains("Too many failed sign-ins");
        assertThat(Http.on(port).as(Http.AUDITOR).get(READ).statusCode()).as("even the right password waits")
                .isEqualTo(429);
        assertThat(Http.on(port).as(Http.VIEWER).get(READ).statusCode())
                .as("a client signed in before the storm, from the locked address").isEqualTo(404);
        assertThat(log.getAll()).contains(
                "Sign-in failed for user 'ada' from 127.0.0.1: 1 in a row for the user, 1 from the address",
                "Sign-in failed for user 'ada' from 127.0.0.1: 5 in a row for the user, 5 from the address; "
                        + "locked for 1 s");
        assertThat(log.getAll()).doesNotContain("guess-");
        assertThat(log.getAll().lines().filter(line -> line.contains("Sign-in failed"))).hasSize(5);

        ((MovableClock) clock).advance(Duration.ofSeconds(retryAfter));
        assertThat(Http.on(port).as(Http.AUDITOR).get(READ).statusCode()).as("after the lock").isEqualTo(404);
    }

    @Test
    @Order(3)
    void wrongPasswordsForManyUsersFromOneAddressLockTheAddress() {
        for (int attempt = 1; attempt <= 4; attempt++) {
            assertThat(Http.on(port).as("user-" + attempt + ":guess").get(READ).statusCode()).isEqualTo(401);
        }
        assertThat(Http.on(port).as("vic:wrong").get(READ).statusCode())
                .as("a wrong password for a user whose right one is remembered").isEqualTo(401);
        HttpResponse<String> next = Http.on(port).as("user-6:guess").get(READ);
        assertThat(next.statusCode()).isEqualTo(429);
        assertThat(next.headers().firstValue("Retry-After")).isPresent();
        assertThat(Http.on(port).as(Http.APPROVER).get(READ).statusCode()).as("another user from that address")
                .isEqualTo(429);
    }
}
