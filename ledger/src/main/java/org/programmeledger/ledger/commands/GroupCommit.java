package org.programmeledger.ledger.commands;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Group commit in the application: commands sent outside a transaction go on a queue, and one writer per node takes
 * what is waiting (up to {@code ledger.commands.group-size}) and runs each command as a nested unit of work inside
 * ONE root unit and database transaction, each behind a savepoint. A command refused or failing rolls back to its
 * savepoint alone and ends the group there (a later command of the group could otherwise load an aggregate that the
 * rollback dropped from the unit, without the events of earlier commands, which are appended only at the root's
 * commit). The group's events are appended in one statement at that commit. No sender is answered before the commit;
 * if it fails, nothing of the group was stored, Axon's rollback of the root evicts the aggregates it cached, and its
 * commands run again one per transaction, so that only the one that made it fail is answered with the failure. Off by
 * default ({@link CommandSettings}): on PostgreSQL the one writer measured slower than the senders committing alone.
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
    private final BlockingQueue<Waiting<?, ?>> waiting = new LinkedBlockingQueue<>();
    private volatile boolean stopped;
    private Thread writer;

    GroupCommit(CommandSettings settings, TransactionManager transactions, ConnectionProvider connections) {
        this.settings = settings;
        this.transactions = transactions;
        this.connections = connections;
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
            enqueue(new Waiting<>(command, callback), direct);
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

    private synchronized void enqueue(Waiting<?, ?> command, CommandBus direct) {
        if (stopped) {
            command.fail(new IllegalStateException("the ledger is shutting down"));
            return;
        }
        if (writer == null) {
            writer = new Thread(() -> write(direct), "ledger-group-commit");
            writer.setDaemon(true);
            writer.start();
        }
        waiting.add(command);
    }

    private void write(CommandBus direct) {
        List<Waiting<?, ?>> group = new ArrayList<>(settings.groupSize());
        while (!stopped) {
            try {
                Waiting<?, ?> first = waiting.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                waiting.drainTo(group, settings.groupSize() - 1);
                commitInGroups(group, direct);
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
            for (Waiting<?, ?> command : group) {
                started++;
                CommandResultMessage<?> result = runBehindSavepoint(command.command(), direct, connection);
                results.add(result);
                if (result.isExceptional()) {
                    break;
                }
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
            group.get(0).fail(e);
            return new Ran(1, true);
        }
        for (int i = 0; i < results.size(); i++) {
            group.get(i).answer(results.get(i));
        }
        return new Ran(results.size(), true);
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

    /**
     * The command as its own nested unit (Axon's bus runs it on this thread), its JDBC work behind a savepoint. The
     * savepoint is not released (a round trip saved per command): the group's commit releases them all.
     */
    private CommandResultMessage<?> runBehindSavepoint(CommandMessage<?> command, CommandBus direct,
                                                       Connection connection) {
        Savepoint savepoint = savepoint(connection);
        CommandResultMessage<?>[] result = new CommandResultMessage<?>[1];
        direct.dispatch(command, (message, answer) -> result[0] = answer);
        if (result[0] == null) {
            throw new IllegalStateException("the command bus did not run " + command.getCommandName() + " at once");
        }
        if (result[0].isExceptional()
                && RollbackConfigurationType.UNCHECKED_EXCEPTIONS.rollBackOn(result[0].exceptionResult())) {
            try {
                connection.rollback(savepoint);
            } catch (SQLException e) {
                throw new JdbcException("cannot roll back to the savepoint of " + command.getCommandName(), e);
            }
        }
        return result[0];
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
        Thread running;
        synchronized (this) {
            stopped = true;
            running = writer;
        }
        if (running != null) {
            running.join(TimeUnit.SECONDS.toMillis(10));
        }
        for (Waiting<?, ?> command = waiting.poll(); command != null; command = waiting.poll()) {
            command.fail(new IllegalStateException("the ledger is shutting down"));
        }
    }
}
