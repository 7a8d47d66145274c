package org.programmeledger.ledger.service;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The JSON the ledger stores and every output file writes (ISO dates, sorted properties), so that a file built
 * from the ledger hashes the same wherever it is built.
 */
public final class CanonicalJson {

    private CanonicalJson() {
    }

    public static ObjectMapper mapper() {
        return mapper(new JsonFactory());
    }

    /** The same mapper on a factory of the caller's (the event store's snapshots tune theirs). */
    public static ObjectMapper mapper(JsonFactory factory) {
        return JsonMapper.builder(factory)
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                .build();
    }
}
