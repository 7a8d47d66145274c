package org.programmeledger.dashboards.console;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.programmeledger.ledger.facade.Audit;

/**
 * The checks of a command's arguments that need no application, made before it starts: a user's mistake is
 * answered in one line at once ({@link UsageRefusal}, exit code 2), not after a start of several seconds.
 */
public final class ArgumentChecks {

    private ArgumentChecks() {
    }

    /** A recording time as as-of takes it: a date (its end, UTC) or an instant. */
    public static Instant recordingTime(String text) {
        try {
            return Audit.parseTime(text);
        } catch (DateTimeException e) {
            throw new UsageRefusal("'" + text + "' is not a date (2022-07-01) or an instant (2022-07-01T12:00:00Z)");
        }
    }

    /** A plan period, checked against the store when a glance into it is possible. */
    public static void planPeriod(String period, Optional<StoreGlance> glance) {
        glance.filter(store -> !store.planPeriods().contains(period)).ifPresent(store -> {
            throw new UsageRefusal("no plan period '" + period + "' in the ledger; plan periods: "
                    + listed(store.planPeriods()));
        });
    }

    /** A file or folder the command reads. */
    public static Path existing(Path path) {
        if (!Files.exists(path)) {
            throw new UsageRefusal("no such file or folder: " + Paths.display(path));
        }
        return path;
    }

    /** Names for a refusal's list of what there is. */
    public static String listed(List<String> names) {
        return names.isEmpty() ? "none yet" : String.join(", ", names);
    }
}
