package org.programmeledger.ledger.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.programmeledger.ledger.store.EventStoreConfiguration;

/**
 * The JSON the ledger stores and every output file writes (ISO dates, sorted properties), so that a file built
 * from the ledger hashes the same wherever it is built.
 */
public final class CanonicalJson {

    private CanonicalJson() {
    }

    public static ObjectMapper mapper() {
        return EventStoreConfiguration.canonicalObjectMapper();
    }
}
