package org.programmeledger.ledger.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.messaging.GenericMessage;
import org.programmeledger.ledger.api.ActivityKind;
import org.programmeledger.ledger.api.ActivityMode;
import org.programmeledger.ledger.api.EstablishProgramme;
import org.programmeledger.ledger.api.Extent;
import org.programmeledger.ledger.api.LedgerRuleViolation;
import org.programmeledger.ledger.api.OpenPlanPeriod;
import org.programmeledger.ledger.api.RecordActivity;
import org.programmeledger.ledger.api.RegisterItem;
import org.programmeledger.ledger.api.RegisterOrganisation;
import org.programmeledger.ledger.api.Side;
import org.programmeledger.ledger.sealing.LedgerVerifier;
import org.programmeledger.ledger.sealing.Sequencer;
import org.programmeledger.ledger.service.VerifyReport;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What group commit must keep, run on H2 ({@link GroupCommitIT}) and PostgreSQL ({@link GroupCommitPostgresIT}):
 * groups are formed by handing the writer's method a list of commands, so that a group's members are known.
 */
final class GroupCommitScenarios {

    private static final String PERIOD = "group-2020";
    /** A command that writes a row of its own and is then refused. */
    private static final String WRITE_THEN_REFUSE = "test.WriteThenRefuse";

    private final ApplicationContext node;
    private final JdbcTemplate jdbc;
    private final CommandBus direct;
    private final GroupCommit groupCommit;
    private final AtomicBoolean failNextCommit = new AtomicBoolean();
    /** The threads each organisation's commands ran on. */
    private final Map<String, Set<String>> writersByOrganisation = new ConcurrentHashMap<>();

    GroupCommitScenarios(ApplicationContext node) {
        this.node = node;
        this.jdbc = node.getBean(JdbcTemplate.class);
        this.direct = node.getBean(CommandBus.class);
        this.groupCommit = node.getBean(GroupCommit.class);
        direct.registerHandlerInterceptor((unit, chain) -> {
            if (unit.getMessage().getPayload() instanceof RegisterOrganisation registered) {
                writersByOrganisation.computeIfAbsent(registered.organisationId(), id -> ConcurrentHashMap.newKeySet())
                        .add(Thread.currentThread().getName());
            }
            return chain.proceed();
        });
        jdbc.execute("CREATE TABLE group_commit_probe (id VARCHAR(40) PRIMARY KEY)");
        direct.subscribe(WRITE_THEN_REFUSE, message -> {
            jdbc.update("INSERT INTO group_commit_probe (id) VALUES (?)", message.getPayload());
            throw new LedgerRuleViolation("refused after writing " + message.getPayload());
        });
        // Makes the commit of the group that runs the next command fail, as a lost connection would.
        direct.registerHandlerInterceptor((unit, chain) -> {
            if (failNextCommit.getAndSet(false)) {
                unit.root().onPrepareCommit(root -> {
                    throw new IllegalStateException("the group's commit failed");
                });
            }
            return chain.proceed();
        });
    }

    private static CommandMessage<?> register(String id, String name) {
        return GenericCommandMessage.asCommandMessage(new RegisterOrganisation(id, name, null, Side.OTHER));
    }

    private static CommandMessage<?> writeThenRefuse(String id) {
        return new GenericCommandMessage<>(new GenericMessage<>(id), WRITE_THEN_REFUSE);
    }

    private static RecordActivity course(String id) {
        return new RecordActivity(PERIOD, id, 1, ActivityKind.COURSE, "Course " + id, List.of("org-0"), List.of(),
                ActivityMode.ONLINE, Extent.year(2021), "s");
    }

    /** Runs the commands as the writer would have taken them at once; the answers, and the transactions' sizes. */
    @SuppressWarnings("unchecked")
    private Answers runTaken(List<CommandMessage<?>> commands) {
        List<GroupCommit.Waiting<?, ?>> taken = new ArrayList<>();
        List<CompletableFuture<CommandResultMessage<?>>> answers = new ArrayList<>();
        for (CommandMessage<?> command : commands) {
            CompletableFuture<CommandResultMessage<?>> answer = new CompletableFuture<>();
            answers.add(answer);
            taken.add(new GroupCommit.Waiting<Object, Object>((CommandMessage<Object>) command,
                    (message, result) -> answer.complete(result)));
        }
        List<Integer> sizes = groupCommit.commitInGroups(taken, direct);
        return new Answers(sizes, answers.stream().map(CompletableFuture::join).toList());
    }

    private record Answers(List<Integer> transactions, List<CommandResultMessage<?>> results) {

        Object result(int i) {
            assertThat(results.get(i).isExceptional()).as("command %d: %s", i, results.get(i)).isFalse();
            return results.get(i).getPayload();
        }

        Throwable failure(int i) {
            assertThat(results.get(i).isExceptional()).as("command %d", i).isTrue();
            return results.get(i).exceptionResult();
        }
    }

    private long organisationEvents(String id) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?", Long.class,
                id);
    }

    private long probeRows() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM group_commit_probe", Long.class);
    }

    /**
     * A refused command that had written is undone alone: on H2 by its savepoint, within the group ({@code [3, 2]});
     * on PostgreSQL, which sets none, by running the group again one command per transaction ({@code [1, 1, 1, 2]}).
     */
    void aRefusedCommandThatWroteIsUndoneAlone(List<Integer> transactions) {
        Answers answers = runTaken(List.of(register("a", "A"), register("b", "B"), writeThenRefuse("refused"),
                register("c", "C"), register("d", "D")));

        assertThat(answers.transactions()).isEqualTo(transactions);
        assertThat(answers.failure(2)).isInstanceOf(LedgerRuleViolation.class)
                .hasMessage("refused after writing refused");
        for (int i : new int[] {0, 1, 3, 4}) {
            assertThat(answers.result(i)).isEqualTo(0L);
        }
        assertThat(List.of("a", "b", "c", "d")).allSatisfy(id -> assertThat(organisationEvents(id)).isEqualTo(1));
        assertThat(probeRows()).as("the refused command's own write, undone").isZero();
    }

    /** A refused command that wrote nothing ends its group, which commits the commands before it, on either store. */
    void aRefusedCommandThatWroteNothingEndsItsGroup() {
        node.getBean(CommandGateway.class).sendAndWait(register("r", "R"));
        DistributionSummary groups = node.getBean(MeterRegistry.class).get("ledger.commands.group").summary();
        long groupsBefore = groups.count();
        double commandsBefore = groups.totalAmount();
        Answers answers = runTaken(List.of(register("p", "P"), register("q", "Q"), register("r", "Other R"),
                register("s", "S"), register("t", "T")));

        assertThat(answers.transactions()).containsExactly(3, 2);
        assertThat(groups.count() - groupsBefore).as("transactions measured").isEqualTo(2);
        assertThat(groups.totalAmount() - commandsBefore).as("commands measured").isEqualTo(5);
        assertThat(answers.failure(2)).isInstanceOf(LedgerRuleViolation.class);
        assertThat(List.of("p", "q", "r", "s", "t")).allSatisfy(id -> assertThat(organisationEvents(id)).isEqualTo(1));
    }

    /** A refused command alone in its group that had written: its write rolled back, its refusal answered. */
    void aRefusedCommandAloneThatWroteIsRolledBack() {
        Answers answers = runTaken(List.of(writeThenRefuse("alone")));

        assertThat(answers.transactions()).containsExactly(1);
        assertThat(answers.failure(0)).isInstanceOf(LedgerRuleViolation.class)
                .hasMessage("refused after writing alone");
        assertThat(probeRows()).isZero();
    }

    void aCommandRefusedOnAnAggregateLoadedFromTheStore() {
        node.getBean(CommandGateway.class).sendAndWait(register("x", "X"));
        Answers answers = runTaken(List.of(register("x", "Other X")));

        assertThat(answers.failure(0)).isInstanceOf(LedgerRuleViolation.class);
    }

    void twoCommandsOfOneGroupOnOneAggregateSeeEachOther() {
        Answers answers = runTaken(List.of(register("e", "E"), register("e", "E"), register("e", "Other E")));

        assertThat(answers.transactions()).containsExactly(3);
        assertThat(answers.result(0)).isEqualTo(0L);
        assertThat(answers.result(1)).isEqualTo(0L);
        assertThat(answers.failure(2)).isInstanceOf(LedgerRuleViolation.class);
        assertThat(organisationEvents("e")).isEqualTo(1);
    }

    /**
     * The group fails at its commit: nothing of it is stored, its commands run again one per transaction, and none
     * of them loads a plan period as the failed group left it in memory (that would skip a sequence number).
     */
    void aFailedCommitStoresNothingOfTheGroupAndEachCommandRunsAgainAlone() {
        CommandGateway gateway = node.getBean(CommandGateway.class);
        gateway.sendAndWait(new EstablishProgramme("group", "Programme"));
        gateway.sendAndWait(new RegisterOrganisation("org-0", "Organisation", null, Side.HONG_KONG));
        gateway.sendAndWait(new OpenPlanPeriod(PERIOD, "group", "2020 - 2022", LocalDate.of(2020, 1, 1),
                LocalDate.of(2022, 12, 31)));
        gateway.sendAndWait(new RegisterItem(PERIOD, 1, "Courses", null, false, List.of("org-0"), List.of(), "s"));
        assertThat(node.getBean("planPeriodCache", Cache.class).containsKey(PERIOD)).isTrue();

        failNextCommit.set(true);
        Answers answers = runTaken(List.of(GenericCommandMessage.asCommandMessage(course("1.1")),
                writeThenRefuse("after-1.1"), GenericCommandMessage.asCommandMessage(course("1.2"))));

        assertThat(answers.transactions()).as("the failed group of two, again one by one, then 1.2")
                .containsExactly(1, 1, 1);
        assertThat(answers.result(0)).isEqualTo(2L);
        assertThat(answers.failure(1)).isInstanceOf(LedgerRuleViolation.class);
        assertThat(answers.result(2)).isEqualTo(3L);
        assertThat(jdbc.queryForList("SELECT sequence_number FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "ORDER BY sequence_number", Long.class, PERIOD))
                .containsExactlyElementsOf(LongStream.rangeClosed(0, 3).boxed().toList());
        assertThat(probeRows()).isZero();

        failNextCommit.set(true);
        Answers alone = runTaken(List.of(GenericCommandMessage.asCommandMessage(course("1.3"))));

        assertThat(alone.failure(0)).hasMessage("the group's commit failed");
        assertThat(node.getBean("planPeriodCache", Cache.class).containsKey(PERIOD))
                .as("the period as the failed transaction left it, evicted").isFalse();
        assertThat(gateway.<Long>sendAndWait(course("1.3"))).isEqualTo(4L);
    }

    /** Many senders through the gateway: every acknowledged event stored and sealed once, refusals answered alone. */
    void manySendersEachAnsweredAndEveryEventSealedOnce() throws Exception {
        CommandGateway gateway = node.getBean(CommandGateway.class);
        ExecutorService senders = Executors.newFixedThreadPool(8);
        List<Future<Object>> sent = new ArrayList<>();
        int commands = 240;
        for (int n = 0; n < commands; n++) {
            // Every tenth names an organisation registered before it with other details: refused.
            String id = n % 10 == 9 ? "many-" + (n - 1) : "many-" + n;
            String name = "Organisation " + n;
            sent.add(senders.submit(() -> gateway.sendAndWait(register(id, name))));
        }
        int refused = 0;
        for (Future<Object> future : sent) {
            try {
                assertThat(future.get(60, TimeUnit.SECONDS)).isEqualTo(0L);
            } catch (java.util.concurrent.ExecutionException e) {
                assertThat(e.getCause()).isInstanceOf(LedgerRuleViolation.class);
                refused++;
            }
        }
        senders.shutdown();
        long stored = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier LIKE "
                + "'many-%'", Long.class);
        assertThat(stored).isEqualTo(commands - refused);
        // Of each pair one is registered and the other, if it came second with other details, refused.
        assertThat(refused).isEqualTo(commands / 10);
        node.getBean(Sequencer.class).sealPending();
        VerifyReport report = node.getBean(LedgerVerifier.class).verify();
        assertThat(report.intact()).as(report.toString()).isTrue();
        long events = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
        assertThat(report.eventsChecked()).isEqualTo(events);
        assertThat(report.unsealed()).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT position) FROM ledger_tree_leaf", Long.class))
                .isEqualTo(events);
        // Each aggregate's commands go to one writer (the two never wait for each other's locks), and both write.
        Map<String, Set<String>> many = new TreeMap<>(writersByOrganisation);
        many.keySet().removeIf(id -> !id.startsWith("many-"));
        assertThat(many).hasSize(commands - refused);
        assertThat(many.values()).allSatisfy(threads -> assertThat(threads).hasSize(1));
        assertThat(many.values().stream().flatMap(Set::stream).distinct().sorted().toList())
                .containsExactly("ledger-group-commit-0", "ledger-group-commit-1");
    }
}
