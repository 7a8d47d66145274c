package org.programmeledger.ledger.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A condition that a transaction's commands relied on without reading it from the store (it was held in memory),
 * and that the transaction's events may be appended only under: the event store's insert checks it in the same
 * statement, so that it costs no round trip. When it no longer holds, nothing is inserted, {@code stale} runs (to
 * forget what was held) and the append fails as a collision, which the command gateway answers by sending the
 * command once more.
 *
 * @param condition an SQL boolean expression, such as {@code EXISTS (SELECT 1 FROM t WHERE k = ?)}
 * @param arguments its parameters, in order
 * @param stale     what to do when the condition no longer holds
 */
public record AppendGuard(String condition, List<Object> arguments, Runnable stale) {

    private static final Object GUARDS = AppendGuard.class.getName() + ".guards";

    public AppendGuard {
        arguments = List.copyOf(arguments);
    }

    /**
     * Adds the guard to the current transaction's; false (nothing added) outside a transaction, where nothing
     * could check it: the caller must then read the store instead.
     */
    public static boolean require(AppendGuard guard) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return false;
        }
        guardsOfThisTransaction().add(guard);
        return true;
    }

    /** Takes back a guard added in the current transaction: what it guarded was read again from the store. */
    public static void withdraw(AppendGuard guard) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            guardsOfThisTransaction().remove(guard);
        }
    }

    /** Binds the guards' arguments in order, starting at parameter {@code first}; returns the next parameter's index. */
    public static int bind(List<AppendGuard> guards, PreparedStatement statement, int first) throws SQLException {
        int parameter = first;
        for (AppendGuard guard : guards) {
            for (Object argument : guard.arguments()) {
                statement.setObject(parameter++, argument);
            }
        }
        return parameter;
    }

    /** The guards the current transaction's appends must pass, in the order they were added. */
    public static List<AppendGuard> ofThisTransaction() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        Set<AppendGuard> bound = (Set<AppendGuard>) TransactionSynchronizationManager.getResource(GUARDS);
        return bound == null ? List.of() : new ArrayList<>(bound);
    }

    @SuppressWarnings("unchecked")
    private static Set<AppendGuard> guardsOfThisTransaction() {
        Set<AppendGuard> bound = (Set<AppendGuard>) TransactionSynchronizationManager.getResource(GUARDS);
        if (bound != null) {
            return bound;
        }
        Set<AppendGuard> fresh = new LinkedHashSet<>();
        TransactionSynchronizationManager.bindResource(GUARDS, fresh);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(GUARDS);
            }
        });
        return fresh;
    }
}
