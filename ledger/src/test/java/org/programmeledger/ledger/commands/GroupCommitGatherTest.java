package org.programmeledger.ledger.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.callbacks.NoOpCallback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How a writer gathers a group after answering one: the senders it answered come back one by one. */
class GroupCommitGatherTest {

    private final GroupCommit writer = new GroupCommit(new CommandSettings(true, 4, 1, 300), null, null,
            new SimpleMeterRegistry());
    private final BlockingQueue<GroupCommit.Waiting<?, ?>> queue = new LinkedBlockingQueue<>();
    private final List<GroupCommit.Waiting<?, ?>> group = new ArrayList<>();
    private final ScheduledExecutorService senders = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stopSenders() {
        senders.shutdownNow();
    }

    private static GroupCommit.Waiting<?, ?> command(String name) {
        return new GroupCommit.Waiting<>(GenericCommandMessage.asCommandMessage(name), NoOpCallback.INSTANCE);
    }

    private void sendLater(String name, long millis) {
        senders.schedule(() -> queue.add(command(name)), millis, TimeUnit.MILLISECONDS);
    }

    private long gather(int answered, long waitMillis) throws InterruptedException {
        long start = System.nanoTime();
        writer.gather(queue, group, answered, start + TimeUnit.MILLISECONDS.toNanos(waitMillis));
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    @Test
    void waitsForAsManyCommandsAsItAnsweredLastAndNoLonger() throws InterruptedException {
        group.add(command("first"));
        sendLater("second", 50);
        sendLater("third", 100);
        sendLater("fourth", 10_000);

        long waited = gather(3, 5_000);

        assertThat(group).hasSize(3);
        assertThat(waited).as("returned once three were there").isLessThan(2_000);
    }

    @Test
    void aSenderThatDoesNotComeBackCostsAtMostTheWait() throws InterruptedException {
        group.add(command("first"));
        sendLater("second", 20);

        long waited = gather(4, 300);

        assertThat(group).hasSize(2);
        assertThat(waited).isBetween(250L, 5_000L);
    }

    @Test
    void afterAGroupOfOneOrPastTheDeadlineItTakesOnlyWhatIsWaiting() throws InterruptedException {
        group.add(command("first"));
        sendLater("second", 20);

        assertThat(gather(1, 5_000)).isLessThan(2_000);
        assertThat(group).hasSize(1);

        assertThat(gather(4, 0)).isLessThan(2_000);
        assertThat(group).hasSize(1);
    }

    @Test
    void neverGathersMoreThanAGroupHolds() throws InterruptedException {
        group.add(command("first"));
        for (int i = 0; i < 6; i++) {
            queue.add(command("waiting " + i));
        }

        gather(32, 5_000);

        assertThat(group).hasSize(4);
        assertThat(queue).hasSize(3);
    }
}
