package org.programmeledger.analytics.views;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicBoolean;
import org.programmeledger.ledger.facade.LedgerPosition;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * How far the views lag behind the store ({@code ledger.processor.lag}, in events), and a health
 * indicator that is down while a replay rebuilds them, so a readiness probe keeps readers away.
 */
@Component("views")
public class ViewsHealth implements HealthIndicator {

    private final AtomicBoolean replaying = new AtomicBoolean();

    ViewsHealth(MeterRegistry registry, LedgerPosition head, LedgerViews views) {
        Gauge.builder("ledger.processor.lag", () -> Math.max(0, head.position() - views.position().position()))
                .description("Events the views have yet to handle").tag("processor", LedgerViews.PROCESSING_GROUP)
                .register(registry);
    }

    void replaying(boolean running) {
        replaying.set(running);
    }

    @Override
    public Health health() {
        return replaying.get() ? Health.outOfService().withDetail("replay", "the views are being rebuilt").build()
                : Health.up().build();
    }
}
