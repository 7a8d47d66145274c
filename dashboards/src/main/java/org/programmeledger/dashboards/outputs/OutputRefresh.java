package org.programmeledger.dashboards.outputs;

import java.time.Clock;
import org.programmeledger.dashboards.views.DashboardQueries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.stereotype.Component;

/**
 * The server's default schedules for the outputs a user meets: a rebuild once a change has settled (the ledger
 * stayed at a new position for {@code settle}) and one each night. Off unless {@code ledger.outputs.refresh.enabled};
 * {@code serve} turns it on. Runs on a thread of its own, one build at a time.
 */
@Component
@EnableConfigurationProperties(RefreshSettings.class)
class OutputRefresh implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(OutputRefresh.class);

    private final RefreshSettings settings;
    private final OutputBuilds builds;
    private final DashboardQueries queries;
    private final Clock clock;
    private final Settling settling;
    private ThreadPoolTaskScheduler scheduler;

    OutputRefresh(RefreshSettings settings, OutputBuilds builds, DashboardQueries queries, Clock clock) {
        if (!"-".equals(settings.nightly()) && !CronExpression.isValidExpression(settings.nightly())) {
            throw new IllegalArgumentException("ledger.outputs.refresh.nightly: '" + settings.nightly()
                    + "' is not a cron expression (second minute hour day month weekday) or '-'");
        }
        this.settings = settings;
        this.builds = builds;
        this.queries = queries;
        this.clock = clock;
        this.settling = new Settling(settings.settle());
    }

    @EventListener(ApplicationReadyEvent.class)
    public void start() {
        if (!settings.enabled()) {
            return;
        }
        scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(1);
        scheduler.setThreadNamePrefix("ledger-outputs-");
        scheduler.initialize();
        scheduler.scheduleWithFixedDelay(this::buildWhenSettled, settings.settle().dividedBy(3).plusMillis(1));
        if (!"-".equals(settings.nightly())) {
            scheduler.schedule(this::build, new CronTrigger(settings.nightly()));
        }
        LOG.info("Outputs rebuilt {} after a change settles{}", settings.settle(),
                "-".equals(settings.nightly()) ? "" : " and on '" + settings.nightly() + "'");
    }

    /** Builds when the ledger has moved since the last build and has stayed put for {@code settle}. */
    void buildWhenSettled() {
        if (settling.due(queries.position().position(), clock.instant())) {
            build();
        }
    }

    private void build() {
        try {
            builds.buildAll().ifPresent(result -> {
                if (result.failures().isEmpty()) {
                    settling.built(result.position());
                }
            });
        } catch (RuntimeException e) {
            LOG.error("Rebuilding the outputs failed: {}", e.getMessage());
        }
    }

    @Override
    public void destroy() {
        if (scheduler != null) {
            scheduler.shutdown();
        }
    }
}
