package org.programmeledger.ledger.period;

import java.util.List;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sends a command once more, at once and on the same thread, when it collided with another node's events in
 * the same aggregate (see {@link CheckedAggregateCache}): nothing of it was stored, and the second attempt
 * loads the aggregate as stored. Not when the caller's own transaction surrounds the command: that
 * transaction has failed with it, and the caller gets the collision.
 */
final class RetryAfterCollision implements RetryScheduler {

    @Override
    public boolean scheduleRetry(CommandMessage commandMessage, RuntimeException lastFailure,
                                 List<Class<? extends Throwable>[]> failures, Runnable dispatchTask) {
        if (failures.size() > 1 || !collided(lastFailure) || TransactionSynchronizationManager.isActualTransactionActive()) {
            return false;
        }
        dispatchTask.run();
        return true;
    }

    private static boolean collided(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConcurrencyException) {
                return true;
            }
        }
        return false;
    }
}
