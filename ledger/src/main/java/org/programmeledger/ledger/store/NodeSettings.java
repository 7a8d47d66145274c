package org.programmeledger.ledger.store;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of this application node ({@code ledger.node.*}), for several nodes on one database.
 *
 * @param id the name under which this node claims event-processor segments in token_entry; empty means
 *           Axon's default, the JVM's {@code pid@host}, which nodes in containers may share
 */
@ConfigurationProperties("ledger.node")
public record NodeSettings(@DefaultValue("") String id) {
}
