package org.programmeledger.ledger.store;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the embedded store lives ({@code ledger.store.*}); the datasource URL is built from it.
 *
 * @param directory the folder of the H2 store; backups go beside it, in {@code backups/}
 */
@ConfigurationProperties("ledger.store")
public record StoreSettings(@DefaultValue("var/ledger") Path directory) {
}
