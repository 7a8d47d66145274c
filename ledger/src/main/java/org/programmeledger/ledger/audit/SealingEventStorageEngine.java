package org.programmeledger.ledger.audit;

import java.util.List;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;

/** Axon's JDBC engine, with every append sealed into the hash chain in the same transaction. */
public class SealingEventStorageEngine extends JdbcEventStorageEngine {

    private final TransactionManager transactionManager;
    private final SealChain chain;

    public SealingEventStorageEngine(Builder builder, TransactionManager transactionManager, SealChain chain) {
        super(builder);
        this.transactionManager = transactionManager;
        this.chain = chain;
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        transactionManager.executeInTransaction(() -> {
            chain.lockHead();
            super.appendEvents(events, serializer);
            chain.seal(events.stream().map(EventMessage::getIdentifier).toList());
        });
    }
}
