package org.programmeledger.ledger.proving;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.programmeledger.ledger.api.FigureCorrected;
import org.programmeledger.ledger.api.FigureRecorded;
import org.programmeledger.ledger.api.PeriodPublished;
import org.programmeledger.ledger.hashing.Sha256;
import org.programmeledger.ledger.proof.MerkleHash;
import org.programmeledger.ledger.proof.MerkleTree;
import org.programmeledger.ledger.proof.ProofFile;
import org.programmeledger.ledger.proof.SignedCheckpoint;
import org.programmeledger.ledger.publication.Publications;
import org.programmeledger.ledger.service.Publication;
import org.programmeledger.ledger.sealing.SealedEvent;
import org.programmeledger.ledger.sealing.SealedTree;
import org.programmeledger.ledger.sealing.Sequencer;
import org.programmeledger.ledger.store.EventStoreConfiguration;
import org.programmeledger.ledger.store.LedgerEvents;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Proofs for auditors from the sealed tree (docs/proofs.md): that a published figure's events are in the
 * ledger at the publication's checkpoint, and that today's ledger extends a checkpoint an auditor holds.
 * Every proof is checked here before it is handed out, so a ledger changed after sealing is reported,
 * not papered over. A question the ledger cannot answer is an {@link IllegalArgumentException}; a ledger that
 * cannot prove what it should (not sealed yet, or changed) an {@link IllegalStateException}.
 */
@Component
public class Prover {

    private static final ObjectMapper JSON = EventStoreConfiguration.canonicalObjectMapper();
    private static final String RECORDED = FigureRecorded.class.getName();
    private static final String CORRECTED = FigureCorrected.class.getName();

    private static final Duration SEALING_WAIT = Duration.ofSeconds(30);

    private final SealedTree sealedTree;
    private final LedgerEvents events;
    private final Publications publications;
    private final Sequencer sequencer;
    private final TransactionTemplate readOnly;

    Prover(SealedTree sealedTree, LedgerEvents events, Publications publications, Sequencer sequencer,
           PlatformTransactionManager transactionManager) {
        this.sealedTree = sealedTree;
        this.events = events;
        this.publications = publications;
        this.sequencer = sequencer;
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
    }

    /**
     * An inclusion proof of the events that recorded and corrected figure {@code figureId} up to publication
     * {@code number} (of {@code periodId}, or of the one period that has such a publication), at the first
     * signed checkpoint that covers the publication's position: the one its folder keeps.
     */
    public ProofFile figure(String figureId, int number, String periodId) {
        Publication publication = publications.find(periodId, number, publishedPeriods());
        if (!sequencer.awaitSealed(publication.position(), SEALING_WAIT)) {
            throw new IllegalStateException("position " + publication.position() + " of publication " + number
                    + " is not sealed yet" + sequencer.halted().map(why -> ": sealing halted: " + why).orElse(""));
        }
        return readOnly.execute(status -> {
            List<SealedEvent> events = figureEvents(publication, figureId);
            List<Long> indexes = events.stream().map(this::leafIndex).toList();
            SignedCheckpoint checkpoint = checkpointCovering(Math.max(leafIndexOf(publication.position()),
                    indexes.stream().mapToLong(Long::longValue).max().orElseThrow()));
            long treeSize = checkpoint.checkpoint().treeSize();
            MerkleTree tree = new MerkleTree(sealedTree.leafHashes());
            List<ProofFile.ProvenEvent> proven = new ArrayList<>();
            for (int i = 0; i < events.size(); i++) {
                SealedEvent event = events.get(i);
                long index = indexes.get(i);
                List<byte[]> path = tree.inclusionProof(index, treeSize);
                if (!MerkleTree.verifyInclusion(MerkleHash.leaf(event.leafData()), index, treeSize, path,
                        checkpoint.checkpoint().rootHash())) {
                    throw new IllegalStateException("the ledger's leaves no longer give the root that checkpoint "
                            + treeSize + " signed: the tree was changed after sealing; run 'verify'");
                }
                proven.add(ProofFile.ProvenEvent.of(index, event.leafData(), path));
            }
            return ProofFile.inclusion("figure " + figureId + " of plan period " + publication.periodId()
                    + " as of publication " + number + " (position " + publication.position() + ")", checkpoint,
                    proven);
        });
    }

    /** A consistency proof from {@code held} to the ledger's newest checkpoint. */
    public ProofFile consistency(SignedCheckpoint held) {
        return readOnly.execute(status -> {
            SignedCheckpoint newest = newestCheckpoint();
            long first = held.checkpoint().treeSize();
            long second = newest.checkpoint().treeSize();
            if (!held.checkpoint().origin().equals(newest.checkpoint().origin())) {
                throw new IllegalArgumentException("the checkpoint is of log '" + held.checkpoint().origin()
                        + "', this ledger is '" + newest.checkpoint().origin() + "'");
            }
            if (first < 1 || first > second) {
                throw new IllegalArgumentException("the checkpoint has " + first + " leaves; this ledger can prove "
                        + "consistency from 1 to " + second + " leaves");
            }
            MerkleTree tree = new MerkleTree(sealedTree.leafHashes());
            List<byte[]> proof = tree.consistencyProof(first, second);
            if (!MerkleTree.verifyConsistency(first, second, held.checkpoint().rootHash(),
                    newest.checkpoint().rootHash(), proof)) {
                byte[] rootThen = tree.root(first);
                throw new IllegalStateException(Arrays.equals(rootThen, held.checkpoint().rootHash())
                        ? "the ledger's leaves no longer give the root its newest checkpoint (" + second
                        + " leaves) signed: the tree was changed after sealing; run 'verify'"
                        : "this ledger does NOT extend the checkpoint: its first " + first + " leaves have root "
                        + hex(rootThen) + ", the checkpoint signed " + hex(held.checkpoint().rootHash()));
            }
            return ProofFile.consistency(held, newest, proof);
        });
    }

    private List<String> publishedPeriods() {
        return events.aggregatesWith(PeriodPublished.class);
    }

    /** The figure's record and corrections in the period's stream, up to the publication's position. */
    private List<SealedEvent> figureEvents(Publication publication, String figureId) {
        List<SealedEvent> figureEvents = sealedTree.eventsOf(publication.periodId(), List.of(RECORDED, CORRECTED),
                publication.position()).stream().filter(event -> figureId.equals(figureIdOf(event))).toList();
        if (figureEvents.isEmpty()) {
            throw new IllegalArgumentException("plan period " + publication.periodId() + " has no figure " + figureId
                    + " recorded by publication " + publication.number());
        }
        return figureEvents;
    }

    private static String figureIdOf(SealedEvent event) {
        try {
            return event.payloadType().equals(RECORDED)
                    ? JSON.readValue(event.payload(), FigureRecorded.class).figureId()
                    : JSON.readValue(event.payload(), FigureCorrected.class).figureId();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the event at position " + event.position() + " cannot be read as a "
                    + event.payloadType() + ": " + e.getOriginalMessage(), e);
        }
    }

    /**
     * The first signed checkpoint whose tree holds leaf {@code index}: for the publication's position, the
     * checkpoint its folder keeps, unless one of the figure's events was sealed later (its transaction
     * committed late), when it is the first that holds that one too.
     */
    private SignedCheckpoint checkpointCovering(long index) {
        return sealedTree.firstCheckpointHolding(index)
                .orElseThrow(() -> new IllegalStateException("no signed checkpoint holds leaf " + index + " yet"));
    }

    private long leafIndexOf(long position) {
        return sealedTree.leafOf(position).orElseThrow(() -> new IllegalStateException("position " + position
                + " is not sealed yet")).index();
    }

    private long leafIndex(SealedEvent event) {
        SealedTree.Leaf leaf = sealedTree.leafOf(event.position()).orElseThrow(
                () -> new IllegalStateException("the event at position " + event.position()
                        + " is not sealed yet"));
        if (!leaf.hash().equals(event.leafHash())) {
            throw new IllegalStateException("the event at position " + event.position() + " is no longer the one "
                    + "sealed as leaf " + leaf.index() + ": it was changed after sealing; run 'verify'");
        }
        return leaf.index();
    }

    private SignedCheckpoint newestCheckpoint() {
        return sealedTree.newestCheckpoint()
                .orElseThrow(() -> new IllegalStateException("the ledger has signed no checkpoint yet"));
    }

    private static String hex(byte[] hash) {
        return Sha256.hex(hash);
    }
}
