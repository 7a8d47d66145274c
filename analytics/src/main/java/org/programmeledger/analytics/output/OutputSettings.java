package org.programmeledger.analytics.output;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the jobs write ({@code ledger.output.*}).
 *
 * @param directory the folder for CSV files ({@code csv/}) and charts ({@code charts/})
 */
@ConfigurationProperties("ledger.output")
public record OutputSettings(@DefaultValue("out") Path directory) {

    public Path csv() {
        return directory.resolve("csv");
    }

    public Path charts() {
        return directory.resolve("charts");
    }
}
