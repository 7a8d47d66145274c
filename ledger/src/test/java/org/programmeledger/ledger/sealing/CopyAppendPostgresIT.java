package org.programmeledger.ledger.sealing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.programmeledger.ledger.api.RegisterOrganisation;
import org.programmeledger.ledger.api.Side;
import org.programmeledger.ledger.service.VerifyReport;
import org.programmeledger.ledger.store.AppendGuard;
import org.programmeledger.ledger.store.LedgerTransactions;
import org.programmeledger.ledgertest.LedgerTestApplication;
import org.programmeledger.ledgertest.OnPostgres;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

/** A large append on PostgreSQL goes by COPY: the same rows, positions in order, authenticators that verify. */
@OnPostgres
@SpringBootTest(classes = LedgerTestApplication.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.BEFORE_EACH_TEST_METHOD)
class CopyAppendPostgresIT {

    private static final int MANY = CopyAppend.FROM_EVENTS + 36;

    @Autowired
    CommandGateway commands;
    @Autowired
    LedgerTransactions transactions;
    @Autowired
    Sequencer sequencer;
    @Autowired
    LedgerVerifier verifier;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aLargeAppendIsStoredInOrderWithAuthenticatorsThatVerify() {
        transactions.inOne(() -> {
            IntStream.range(0, MANY).forEach(n -> register("copied-" + n));
            return null;
        });
        transactions.inOne(() -> register("inserted"));
        sequencer.sealPending();

        VerifyReport report = verifier.verify();
        assertThat(report.intact()).as(report.toString()).isTrue();
        assertThat(report.eventsChecked()).isEqualTo(MANY + 1);
        assertThat(report.unsealed()).isZero();
        List<String> inOrder = jdbc.queryForList("SELECT aggregate_identifier FROM domain_event_entry "
                + "ORDER BY global_index", String.class);
        assertThat(inOrder).containsExactlyElementsOf(IntStream.range(0, MANY + 1)
                .mapToObj(n -> n < MANY ? "copied-" + n : "inserted").toList());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ledger_event_authenticator a JOIN domain_event_entry e "
                + "ON e.global_index = a.position AND e.event_identifier = a.event_identifier", Long.class))
                .isEqualTo(MANY + 1);
    }

    @Test
    void aLargeAppendWhoseGuardNoLongerHoldsStoresNothing() {
        AtomicBoolean forgotten = new AtomicBoolean();

        assertThatThrownBy(() -> transactions.inOne(() -> {
            AppendGuard.require(new AppendGuard("EXISTS (SELECT 1 FROM domain_event_entry WHERE "
                    + "aggregate_identifier = ?)", List.of("nobody"), () -> forgotten.set(true)));
            IntStream.range(0, MANY).forEach(n -> register("guarded-" + n));
            return null;
        })).isInstanceOf(ConcurrencyException.class);

        assertThat(forgotten).isTrue();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ledger_event_authenticator", Long.class)).isZero();
    }

    private Object register(String id) {
        // quotes (doubled in the COPY's cells) and text beyond ASCII: the authenticators verify only if the rows
        // were stored byte for byte as authenticated
        return commands.sendAndWait(new RegisterOrganisation(id, "Organisation \"" + id + "\" 珠海知识产权局", null,
                Side.OTHER));
    }
}
