package org.programmeledger.ledger.facade;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.programmeledger.ledger.sealing.FolderWitness;
import org.programmeledger.ledger.sealing.SealingSettings;
import org.programmeledger.ledger.sealing.Sequencer;
import org.springframework.stereotype.Component;

/** The sealing of recorded events into the signed tree, as outputs need it: every output names a sealed position. */
@Component
public class Sealing {

    private final Sequencer sequencer;

    Sealing(Sequencer sequencer) {
        this.sequencer = sequencer;
    }

    /** The file of the default witness of the store in {@code storeFolder} (docs/sealing.md). */
    public static Path defaultWitnessFile(Path storeFolder) {
        return SealingSettings.defaultWitnessDirectory(storeFolder).resolve(FolderWitness.FILE);
    }

    /** Seals every committed event now; returns how many it sealed. */
    public long sealPending() {
        return sequencer.sealPending();
    }

    /** Why sealing stopped, if it did. */
    public Optional<String> halted() {
        return sequencer.halted();
    }

    /** Whether {@code position} is sealed within {@code timeout}. */
    public boolean awaitSealed(long position, Duration timeout) {
        return sequencer.awaitSealed(position, timeout);
    }

    /** Refuses to write {@code output} from a position not yet sealed. */
    public void requireSealed(long position, String output) {
        sequencer.requireSealed(position, output);
    }
}
