package org.programmeledger.ledger.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of the HTTP API ({@code ledger.web.*}).
 *
 * @param maxCommandBytes the largest JSON command body accepted
 * @param maxImportBytes  the largest CSV file accepted by {@code POST /api/imports}
 */
@ConfigurationProperties("ledger.web")
public record WebSettings(@DefaultValue("65536") long maxCommandBytes,
                          @DefaultValue("20971520") long maxImportBytes) {
}
