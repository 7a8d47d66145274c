package org.programmeledger.ledger.commands;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandResultMessage;
import org.axonframework.commandhandling.callbacks.NoOpCallback;
import org.axonframework.commandhandling.distributed.AnnotationRoutingStrategy;
import org.axonframework.commandhandling.distributed.RoutingStrategy;
import org.axonframework.commandhandling.distributed.UnresolvedRoutingKeyPolicy;
import org.axonframework.common.Registration;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.JdbcException;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.programmeledger.ledger.service.StoreDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Group commit in the application: commands sent outside a transaction go on a queue, one per writer
 * ({@code ledger.commands.group-writers}), chosen by the command's aggregate, so that an aggregate's commands are
 * always one writer's and two writers never wait for each other's locks. A writer takes what is waiting (up to
 * {@code ledger.commands.group-size}; see {@link #gather}) and runs each command as a nested unit of work inside ONE
 * root unit and database transaction. A command refused or failing is undone alone and ends the group there (a later
 * command of the group could otherwise load an aggregate that the rollback dropped from the unit, without the events of
 * earlier commands, which are appended only at the root's commit). The group's events are appended in one statement at
 * that commit. No sender is answered before the commit; if it fails, nothing of the group was stored, Axon's rollback
 * of the root evicts the aggregates it cached, and its commands run again one per transaction, so that only the one
 * that made it fail is answered with the failure. With several writers, one runs its group while another waits for its
 * commit.
 *
 * <p>Undoing a refused command: its events were never appended (that happens at the root's commit), and no command
 * handler writes to the database while it runs. On H2 each command still runs behind a savepoint, which costs nothing
 * in the process. On PostgreSQL a savepoint is a round trip per command (15% of a writer's time, BENCHMARKS.md round
 * 15), so none is set: after a refusal the writer asks whether the transaction has written anything yet
 * ({@code txid_current_if_assigned()}), and if it has, the group is rolled back and its commands run again one per
 * transaction.
 *
 * <p>A command sent inside a unit of work or transaction (an import's file, an idempotent request, a dry run) runs
 * on its caller's thread as before: it belongs to the caller's transaction.
 */
@Component
@EnableConfigurationProperties(CommandSettings.class)
public class GroupCommit implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);
    /** Marks the root unit of a group; see {@link #isGroupMember(UnitOfWork)}. */
    private static final String GROUP = GroupCommit.class.getName() + ".group";

    private final CommandSettings settings;
    private final TransactionManager transactions;
    private final ConnectionProvider connections;
    /** The command's aggregate, from its {@code @TargetAggregateIdentifier}; one fixed key for a command without. */
    private final RoutingStrategy aggregates = AnnotationRoutingStrategy.builder()
            .fallbackRoutingStrategy(UnresolvedRoutingKeyPolicy.STATIC_KEY).build();
    private final List<BlockingQueue<Waiting<?, ?>>> waiting = new ArrayList<>();
    private final Thread[] writers;
    private volatile boolean stopped;
    /** Whether groups run on PostgreSQL, where a savepoint is a round trip: told by the first group's connection. */
    private volatile Boolean postgres;
    /** Commands per transaction: how well the writers gather ({@code ledger.commands.group}). */
    private final DistributionSummary groupSizes;

    GroupCommit(CommandSettings settings, TransactionManager transactions, ConnectionProvider connections,
                MeterRegistry registry) {
        this.settings = settings;
        this.transactions = transactions;
        this.connections = connections;
        this.groupSizes = DistributionSummary.builder("ledger.commands.group")
                .description("Commands committed per transaction of a group commit writer").baseUnit("commands")
                .register(registry);
        this.writers = new Thread[settings.groupWriters()];
        for (int i = 0; i < writers.length; i++) {
            waiting.add(new LinkedBlockingQueue<>());
        }
    }

    /** A command waiting for the writer, and whom to answer. */
    record Waiting<C, R>(CommandMessage<C> command, CommandCallback<? super C, ? super R> callback) {

        @SuppressWarnings("unchecked")
        void answer(CommandResultMessage<?> result) {
            try {
                callback.onResult(command, (CommandResultMessage<? extends R>) result);
            } catch (RuntimeException e) {
                LOG.warn("answering command {} failed", command.getCommandName(), e);
            }
        }

        void fail(Throwable cause) {
            answer(GenericCommandResultMessage.asCommandResultMessage(cause));
        }
    }

    /**
     * Whether the unit is one command of a group: alone in it as far as its aggregates go (they stay locked until
     * the group ends, and a command of another node collides with the group's events as with a single command's).
     */
    public static boolean isGroupMember(UnitOfWork<?> unit) {
        return unit.parent().filter(parent -> parent.isRoot() && parent.resources().containsKey(GROUP)).isPresent();
    }

    /** The bus the command gateway sends to: {@code direct} itself when group commit is off. */
    public CommandBus sendingTo(CommandBus direct) {
        return settings.groupCommit() ? new QueuedBus(direct) : direct;
    }

    private final class QueuedBus implements CommandBus {

        private final CommandBus direct;

        QueuedBus(CommandBus direct) {
            this.direct = direct;
        }

        @Override
        public <C> void dispatch(CommandMessage<C> command) {
            dispatch(command, NoOpCallback.INSTANCE);
        }

        @Override
        public <C, R> void dispatch(CommandMessage<C> command,
                                    CommandCallback<? super C, ? super R> callback) {
            if (CurrentUnitOfWork.isStarted() || TransactionSynchronizationManager.isActualTransactionActive()) {
                direct.dispatch(command, callback);
                return;
            }
            enqueue(new Waiting<>(command, callback), writerOf(command), direct);
        }

        @Override
        public Registration subscribe(String commandName,
                                      MessageHandler<? super CommandMessage<?>> handler) {
            return direct.subscribe(commandName, handler);
        }

        @Override
        public Registration registerHandlerInterceptor(
                MessageHandlerInterceptor<? super CommandMessage<?>> handlerInterceptor) {
            return direct.registerHandlerInterceptor(handlerInterceptor);
        }

        @Override
        public Registration registerDispatchInterceptor(
                MessageDispatchInterceptor<? super CommandMessage<?>> dispatchInterceptor) {
            return direct.registerDispatchInterceptor(dispatchInterceptor);
        }
    }

    /** The writer of the command's aggregate (with one writer, no need to find the aggregate). */
    private int writerOf(CommandMessage<?> command) {
        return writers.length == 1 ? 0 : Math.floorMod(aggregates.getRoutingKey(command).hashCode(), writers.length);
    }

    private synchronized void enqueue(Waiting<?, ?> command, int writer, CommandBus direct) {
        if (stopped) {
            command.fail(new IllegalStateException("the ledger is shutting down"));
            return;
        }
        if (writers[writer] == null) {
            BlockingQueue<Waiting<?, ?>> queue = waiting.get(writer);
            writers[writer] = new Thread(() -> write(queue, direct), "ledger-group-commit-" + writer);
            writers[writer].setDaemon(true);
            writers[writer].start();
        }
        waiting.get(writer).add(command);
    }

    private void write(BlockingQueue<Waiting<?, ?>> queue, CommandBus direct) {
        List<Waiting<?, ?>> group = new ArrayList<>(settings.groupSize());
        long gatherNanos = TimeUnit.MICROSECONDS.toNanos(settings.groupGatherMicros());
        int answered = 0;
        long answeredAt = System.nanoTime();
        while (!stopped) {
            try {
                Waiting<?, ?> first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                queue.drainTo(group, settings.groupSize() - 1);
                gather(queue, group, answered, answeredAt + gatherNanos);
                answered = group.size();
                commitInGroups(group, direct);
                answeredAt = System.nanoTime();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException | Error e) {
                // commitGroup answers every command it took; this is a failure of the writer's own.
                LOG.error("the group commit writer failed", e);
                group.forEach(command -> command.fail(e));
                group.clear();
            }
        }
        group.forEach(command -> command.fail(new IllegalStateException("the ledger is shutting down")));
    }

    /**
     * Waits, until {@code deadline} at the latest, for the group to hold as many commands as the writer answered last:
     * senders answered together send again together, but one at a time as each wakes up, and a writer that took only
     * what was waiting alternated small and large groups (BENCHMARKS.md, round 16). When a sender does not come back,
     * the group waits until the deadline at most; a command taken after the deadline does not wait.
     */
    void gather(BlockingQueue<Waiting<?, ?>> queue, List<Waiting<?, ?>> group, int answered, long deadline)
            throws InterruptedException {
        int expected = Math.min(answered, settings.groupSize());
        while (group.size() < expected) {
            long left = deadline - System.nanoTime();
            Waiting<?, ?> next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : null;
            if (next == null) {
                return;
            }
            group.add(next);
            queue.drainTo(group, settings.groupSize() - group.size());
        }
    }

    /**
     * Commits the commands taken, in as many groups as refusals end; empties {@code taken}. When a group's commit
     * fails, its commands run again one per transaction, so that only the one that made it fail (a second creation
     * of an aggregate, a guard no longer holding) fails: nothing of the group was stored, no sender was answered.
     *
     * @return the size of each transaction committed or failed, in order
     */
    List<Integer> commitInGroups(List<Waiting<?, ?>> taken, CommandBus direct) {
        List<Integer> sizes = new ArrayList<>();
        int alone = 0;
        while (!taken.isEmpty()) {
            Ran ran = commitGroup(taken.subList(0, alone > 0 ? 1 : taken.size()), direct);
            if (!ran.answered()) {
                alone = ran.commands();
                continue;
            }
            sizes.add(ran.commands());
            taken.subList(0, ran.commands()).clear();
            alone = Math.max(0, alone - 1);
        }
        return sizes;
    }

    /** How many commands from the first a transaction ran, and whether their senders were answered. */
    private record Ran(int commands, boolean answered) {
    }

    /**
     * Runs the commands of {@code group} from the first in one transaction, up to and including the first refused
     * or failed, commits, then answers each. When the transaction fails, a group of one is answered with the failure,
     * a larger one is left to run again; when it cannot even begin, every command of the group fails.
     */
    private Ran commitGroup(List<Waiting<?, ?>> group, CommandBus direct) {
        UnitOfWork<?> root = DefaultUnitOfWork.startAndGet(null);
        root.resources().put(GROUP, Boolean.TRUE);
        List<CommandResultMessage<?>> results = new ArrayList<>(group.size());
        int started = 0;
        try {
            root.attachTransaction(transactions);
            Connection connection = attachConnectionToRoot();
            boolean savepoints = !onPostgres(connection);
            for (Waiting<?, ?> command : group) {
                started++;
                Savepoint savepoint = savepoints ? savepoint(connection) : null;
                CommandResultMessage<?> result = dispatch(command.command(), direct);
                results.add(result);
                if (!result.isExceptional()) {
                    continue;
                }
                if (RollbackConfigurationType.UNCHECKED_EXCEPTIONS.rollBackOn(result.exceptionResult())) {
                    if (savepoint != null) {
                        rollBack(connection, savepoint, command.command());
                    } else if (wroteAnything(connection)) {
                        throw new WroteBeforeRefusal(result);
                    }
                }
                break;
            }
            root.commit();
        } catch (RuntimeException | Error e) {
            // Axon's rollback of the root rolls back the transaction and evicts every aggregate the group loaded.
            if (root.isActive()) {
                root.rollback(e);
            }
            if (started == 0) {
                // No transaction to run them in (the database is out of reach): none of them ran, each may be retried.
                group.forEach(command -> command.fail(e));
                return new Ran(group.size(), true);
            }
            if (started > 1) {
                return new Ran(started, false);
            }
            groupSizes.record(1);
            if (e instanceof WroteBeforeRefusal undone) {
                group.get(0).answer(undone.result);
            } else {
                group.get(0).fail(e);
            }
            return new Ran(1, true);
        }
        groupSizes.record(results.size());
        for (int i = 0; i < results.size(); i++) {
            group.get(i).answer(results.get(i));
        }
        return new Ran(results.size(), true);
    }

    /** A refused command had written to the group's transaction, which no savepoint can undo alone. */
    private static final class WroteBeforeRefusal extends RuntimeException {

        private final transient CommandResultMessage<?> result;

        WroteBeforeRefusal(CommandResultMessage<?> result) {
            super("a refused command had written to its group's transaction", null, false, false);
            this.result = result;
        }
    }

    private boolean onPostgres(Connection connection) {
        Boolean known = postgres;
        if (known == null) {
            try {
                known = StoreDatabase.named(connection.getMetaData().getDatabaseProductName())
                        == StoreDatabase.POSTGRESQL;
            } catch (SQLException e) {
                throw new JdbcException("cannot tell which database holds the store", e);
            }
            postgres = known;
        }
        return known;
    }

    /** Whether the transaction has written anything (PostgreSQL assigns a transaction id at its first write). */
    private static boolean wroteAnything(Connection connection) {
        try (Statement statement = connection.createStatement();
             ResultSet id = statement.executeQuery("SELECT txid_current_if_assigned()")) {
            id.next();
            id.getLong(1);
            return !id.wasNull();
        } catch (SQLException e) {
            throw new JdbcException("cannot tell whether a refused command wrote", e);
        }
    }

    /**
     * Axon's connection provider ({@code UnitOfWorkAwareConnectionProviderWrapper}) keeps the connection on the root
     * unit but rolls the connection itself back when the unit that first asked for it rolls back: were that a
     * command's nested unit, its refusal would roll back the whole group's transaction. Asked for here, first, by
     * the root, it is rolled back only with the root.
     */
    private Connection attachConnectionToRoot() {
        try {
            return connections.getConnection();
        } catch (SQLException e) {
            throw new JdbcException("no connection for a group of commands", e);
        }
    }

    /** The command as its own nested unit: Axon's bus runs it on this thread. */
    private static CommandResultMessage<?> dispatch(CommandMessage<?> command, CommandBus direct) {
        CommandResultMessage<?>[] result = new CommandResultMessage<?>[1];
        direct.dispatch(command, (message, answer) -> result[0] = answer);
        if (result[0] == null) {
            throw new IllegalStateException("the command bus did not run " + command.getCommandName() + " at once");
        }
        return result[0];
    }

    /** Undoes a refused command's JDBC work; the savepoints are not released (the group's commit releases them). */
    private static void rollBack(Connection connection, Savepoint savepoint, CommandMessage<?> command) {
        try {
            connection.rollback(savepoint);
        } catch (SQLException e) {
            throw new JdbcException("cannot roll back to the savepoint of " + command.getCommandName(), e);
        }
    }

    private static Savepoint savepoint(Connection connection) {
        try {
            return connection.setSavepoint();
        } catch (SQLException e) {
            throw new JdbcException("cannot set a savepoint", e);
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        Thread[] running;
        synchronized (this) {
            stopped = true;
            running = writers.clone();
        }
        for (Thread writer : running) {
            if (writer != null) {
                writer.join(TimeUnit.SECONDS.toMillis(10));
            }
        }
        for (BlockingQueue<Waiting<?, ?>> queue : waiting) {
            for (Waiting<?, ?> command = queue.poll(); command != null; command = queue.poll()) {
                command.fail(new IllegalStateException("the ledger is shutting down"));
            }
        }
    }
}
