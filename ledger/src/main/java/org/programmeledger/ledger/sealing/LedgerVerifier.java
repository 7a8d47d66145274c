package org.programmeledger.ledger.sealing;

import java.security.MessageDigest;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.serialization.Serializer;
import org.programmeledger.ledger.api.SigningKeyRegistered;
import org.programmeledger.ledger.proof.CheckpointKeys;
import org.programmeledger.ledger.proof.CompactRange;
import org.programmeledger.ledger.proof.MerkleHash;
import org.programmeledger.ledger.proof.MerkleTree;
import org.programmeledger.ledger.proof.SignedCheckpoint;
import org.programmeledger.ledger.service.Digest;
import org.programmeledger.ledger.service.StreamedQuery;
import org.programmeledger.ledger.service.VerifyReport;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checks the ledger as stored now against what only the key holder could have written, in one streaming
 * pass over the tree: every leaf against its event (recomputed leaf hash) and the event's authenticator,
 * every checkpoint's signature and root (recomputed from the leaves), that the tree never shrank below a
 * checkpoint, the newest witnessed checkpoint, and that every event not sealed yet is authenticated.
 * Of several problems it reports the one at the lowest position.
 */
@Component
public class LedgerVerifier {

    private static final String LEAVES_WITH_EVENTS = "SELECT l.leaf_index, l.position, l.leaf_hash, "
            + "e." + SealedEvent.COLUMNS.replace(", ", ", e.") + ", a.mac, a.key_id FROM ledger_tree_leaf l "
            + "LEFT JOIN domain_event_entry e ON e.global_index = l.position "
            + "LEFT JOIN ledger_event_authenticator a ON a.position = l.position ORDER BY l.leaf_index";
    private static final String UNSEALED_EVENTS = "SELECT e." + SealedEvent.COLUMNS.replace(", ", ", e.")
            + ", a.mac, a.key_id FROM domain_event_entry e "
            + "LEFT JOIN ledger_event_authenticator a ON a.position = e.global_index "
            + "WHERE NOT EXISTS (SELECT 1 FROM ledger_tree_leaf l WHERE l.position = e.global_index) "
            + "ORDER BY e.global_index";
    private static final String FIRST_AUTHENTICATOR_WITHOUT_EVENT = "SELECT a.position FROM ledger_event_authenticator a "
            + "WHERE NOT EXISTS (SELECT 1 FROM domain_event_entry e WHERE e.global_index = a.position) "
            + "ORDER BY a.position LIMIT 1";
    private static final Duration SEALING_WAIT = Duration.ofSeconds(30);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    private final SigningKey key;
    private final Sequencer sequencer;
    private final List<Witness> witnesses;
    private final Serializer serializer;

    LedgerVerifier(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, SigningKey key,
                   Sequencer sequencer, List<Witness> witnesses,
                   @Qualifier("eventSerializer") Serializer serializer) {
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactionManager);
        readOnly.setReadOnly(true);
        this.key = key;
        this.sequencer = sequencer;
        this.witnesses = witnesses;
        this.serializer = serializer;
    }

    public VerifyReport verify() {
        return verify(null);
    }

    /**
     * Seals what is committed (when this node may), then verifies; with a digest, also that the tree still
     * passes through it.
     */
    public VerifyReport verify(Digest digest) {
        sequencer.sealEverything();
        // In a transaction, so that PostgreSQL streams the rows with a cursor: the heap stays flat however long
        // the ledger (BENCHMARKS.md, W6).
        return readOnly.execute(status -> walk(digest));
    }

    /** The newest checkpoint, once every committed event is sealed. */
    public Digest digest() {
        sequencer.sealEverything();
        return readOnly.execute(status -> {
            long size = new StoredLeaves(jdbc).size();
            if (size == 0) {
                return new Digest(0, Hashing.hex(MerkleHash.emptyRoot()), "", 0);
            }
            String root = jdbc.query("SELECT root_hash FROM ledger_checkpoint WHERE tree_size = ?",
                    (row, n) -> row.getString(1), size).stream().findFirst()
                    .orElseGet(() -> Hashing.hex(new MerkleTree(new StoredLeaves(jdbc)).root(size)));
            return digestOf(size, root);
        });
    }

    /** The tree as it stood once the event at {@code position} was sealed, waiting for it to be sealed. */
    public Digest digestAt(long position) {
        if (position == 0) {
            return new Digest(0, Hashing.hex(MerkleHash.emptyRoot()), "", 0);
        }
        if (!sequencer.awaitSealed(position, SEALING_WAIT)) {
            throw new IllegalArgumentException("no event is sealed at ledger position " + position
                    + sequencer.halted().map(why -> " (sealing stopped: " + why + ")").orElse(""));
        }
        return readOnly.execute(status -> {
            long size = leafIndexOf(position) + 1;
            return digestOf(size, Hashing.hex(new MerkleTree(new StoredLeaves(jdbc)).root(size)));
        });
    }

    /**
     * The first signed checkpoint whose tree holds the event at {@code position}, once it is sealed, as a
     * witness keeps it: what a publication's folder holds to name the sealed ledger it was built from.
     */
    public Optional<WitnessedCheckpoint> checkpointCovering(long position) {
        if (position > 0 && !sequencer.awaitSealed(position, SEALING_WAIT)) {
            return Optional.empty();
        }
        return readOnly.execute(status -> {
            long index = position == 0 ? -1 : leafIndexOf(position);
            return jdbc.query("SELECT note, tree_size FROM ledger_checkpoint WHERE tree_size > ? ORDER BY tree_size "
                    + "LIMIT 1", (row, n) -> new WitnessedCheckpoint(row.getString(1), key.publicKeyText(),
                    jdbc.queryForObject("SELECT position FROM ledger_tree_leaf WHERE leaf_index = ?", Long.class,
                            row.getLong(2) - 1)), index).stream().findFirst();
        });
    }

    public String publicKey() {
        return key.publicKeyText();
    }

    /** The public key of {@code keyId}, the current key or one it retired; empty for a key this store never held. */
    public Optional<String> publicKey(String keyId) {
        return key.publicKeyText(keyId);
    }

    private long leafIndexOf(long position) {
        return jdbc.queryForObject("SELECT leaf_index FROM ledger_tree_leaf WHERE position = ?", Long.class, position);
    }

    private Digest digestOf(long size, String root) {
        long position = jdbc.queryForObject("SELECT position FROM ledger_tree_leaf WHERE leaf_index = ?", Long.class,
                size - 1);
        String recordedAt = jdbc.query("SELECT time_stamp FROM domain_event_entry WHERE global_index = ?",
                (row, n) -> row.getString(1), position).stream().findFirst().orElse("");
        return new Digest(position, root, recordedAt, size);
    }

    private record StoredCheckpoint(long treeSize, String rootHash, String note) {
    }

    /** A checkpoint whose signature verified, with the position of its last leaf. */
    private record CheckedCheckpoint(long treeSize, long position, String keyId) {
    }

    private VerifyReport walk(Digest digest) {
        List<StoredCheckpoint> checkpoints = jdbc.query("SELECT tree_size, root_hash, note FROM ledger_checkpoint "
                + "ORDER BY tree_size", (row, n) -> new StoredCheckpoint(row.getLong(1), row.getString(2).trim(),
                row.getString(3)));
        Optional<Held> witnessed = newestWitnessed();
        Walk walk = new Walk();
        CompactRange tree = new CompactRange();
        List<CheckedCheckpoint> signedCheckpoints = new ArrayList<>();
        int[] nextCheckpoint = {0};
        long[] head = {0};
        boolean[] holeInLeaves = {false};
        String[] digestRoot = {null};
        String[] witnessedRoot = {null};
        long witnessedSize = witnessed.map(w -> w.checkpoint().signed().checkpoint().treeSize()).orElse(-1L);
        StreamedQuery.each(jdbc, LEAVES_WITH_EVENTS, row -> {
            long index = row.getLong(1);
            long position = row.getLong(2);
            String leafHash = row.getString(3).trim();
            if (index != tree.size()) {
                holeInLeaves[0] = true;
            }
            if (row.getString(5) == null) {
                walk.breakAt(position, "the sealed event was deleted");
            } else {
                SealedEvent event = SealedEvent.read(row, 4);
                if (!event.leafHash().equals(leafHash)) {
                    walk.breakAt(position, "the event does not match its leaf: the event or its leaf was changed "
                            + "after it was sealed");
                } else if (!key.authenticates(row.getString(15), event.leafData(), row.getString(14))) {
                    walk.breakAt(position, "the event's authenticator was removed or changed");
                }
            }
            tree.append(Hashing.unhex(leafHash));
            head[0] = position;
            if (digest != null && position == digest.position()) {
                digestRoot[0] = Hashing.hex(tree.root());
            }
            if (tree.size() == witnessedSize) {
                witnessedRoot[0] = Hashing.hex(tree.root());
            }
            while (nextCheckpoint[0] < checkpoints.size()
                    && checkpoints.get(nextCheckpoint[0]).treeSize() == tree.size()) {
                StoredCheckpoint checkpoint = checkpoints.get(nextCheckpoint[0]++);
                checkCheckpoint(walk, checkpoint, tree.root(), position).ifPresent(signedCheckpoints::add);
            }
        });
        long leaves = tree.size();
        long[] unsealed = {0};
        StreamedQuery.each(jdbc, UNSEALED_EVENTS, row -> {
            SealedEvent event = SealedEvent.read(row);
            if (key.authenticates(row.getString(12), event.leafData(), row.getString(11))) {
                if (holeInLeaves[0]) {
                    walk.breakAt(event.position(), "the event's leaf was removed from the tree");
                    holeInLeaves[0] = false;
                }
                unsealed[0]++;
            } else {
                walk.breakAt(event.position(), "the event is not authenticated by the ledger's key: it was put into "
                        + "the database outside the ledger, or changed before it was sealed");
            }
        });
        if (holeInLeaves[0]) {
            walk.breakAt(head[0], "leaves were removed from the tree");
        }
        jdbc.query(FIRST_AUTHENTICATOR_WITHOUT_EVENT, (row, n) -> row.getLong(1)).stream().findFirst().ifPresent(
                position -> walk.breakAt(position, "the authenticated event at this position was deleted before it "
                        + "was sealed"));
        for (int i = nextCheckpoint[0]; i < checkpoints.size(); i++) {
            walk.breakAt(head[0] + 1, "the checkpoint of tree size " + checkpoints.get(i).treeSize()
                    + " is larger than the tree (" + leaves + " leaves): the tree was rewound");
        }
        String keys = checkRecordedKeys(walk, signedCheckpoints);
        String witnessDescription = null;
        if (witnessed.isPresent()) {
            WitnessedCheckpoint w = witnessed.get().checkpoint();
            SignedCheckpoint signed = w.signed();
            witnessDescription = "witnessed checkpoint of tree size " + witnessedSize + " (up to position "
                    + w.position() + ", in " + witnessed.get().witness().describe() + ")";
            Optional<PublicKey> signer = key.publicKey(signed.keyId());
            if (signer.isEmpty() || !CheckpointKeys.publicKeyText(signer.get()).equals(w.publicKey())
                    || !signed.verifies(signer.get())) {
                walk.breakAt(w.position(), "the " + witnessDescription + " was signed with key " + signed.keyId()
                        + ", which is not among the ledger's keys (" + key.keyId() + " and those it retired): "
                        + "the key was replaced");
            } else if (witnessedRoot[0] == null) {
                walk.breakAt(w.position(), "the ledger no longer passes through the " + witnessDescription
                        + ": it has " + leaves + " leaves, it was rewound");
            } else if (!witnessedRoot[0].equals(Hashing.hex(signed.checkpoint().rootHash()))) {
                walk.breakAt(w.position(), "the ledger no longer passes through the " + witnessDescription
                        + ": history before it was rewritten");
            } else if (checkpoints.stream().noneMatch(c -> c.treeSize() == witnessedSize)) {
                walk.breakAt(w.position(), "the " + witnessDescription + " was removed from the store");
            }
        }
        if (digest != null && digest.position() != 0) {
            if (digestRoot[0] == null) {
                walk.breakAt(digest.position(), "the digest's position is not in the tree: history was rewritten");
            } else if (!digestRoot[0].equals(digest.hash())) {
                walk.breakAt(digest.position(), "the ledger no longer passes through the digest: history before it "
                        + "was rewritten");
            }
        }
        return new VerifyReport(leaves, head[0], Hashing.hex(tree.root()), unsealed[0], keys,
                witnessDescription, walk.brokenAt, walk.problem);
    }

    private Optional<CheckedCheckpoint> checkCheckpoint(Walk walk, StoredCheckpoint stored, byte[] root,
                                                        long position) {
        SignedCheckpoint signed;
        try {
            signed = SignedCheckpoint.parseLine(stored.note());
        } catch (IllegalArgumentException e) {
            walk.breakAt(position, "the checkpoint of tree size " + stored.treeSize() + " is not a signed checkpoint");
            return Optional.empty();
        }
        if (!key.publicKey(signed.keyId()).map(signed::verifies).orElse(false)) {
            walk.breakAt(position, "the checkpoint of tree size " + stored.treeSize() + " is not signed by any of "
                    + "the ledger's keys");
        } else if (signed.checkpoint().treeSize() != stored.treeSize()
                || !Hashing.hex(signed.checkpoint().rootHash()).equals(stored.rootHash())) {
            walk.breakAt(position, "the checkpoint of tree size " + stored.treeSize() + " was changed");
        } else if (!MessageDigest.isEqual(root, signed.checkpoint().rootHash())) {
            walk.breakAt(position, "the leaves up to here no longer give the root of the checkpoint of tree size "
                    + stored.treeSize() + ": leaves were rewritten");
        } else {
            return Optional.of(new CheckedCheckpoint(stored.treeSize(), position, signed.keyId()));
        }
        return Optional.empty();
    }

    /**
     * The keys the ledger recorded (sealed SigningKeyRegistered events) must form a chain from the first, each
     * rotation signed by the key it replaced, each key the key file's; once a key is recorded, every checkpoint
     * must be signed by a recorded key. A ledger that recorded none (made before keys were recorded) is checked
     * against the key file and the witnesses only, and says so.
     */
    private String checkRecordedKeys(Walk walk, List<CheckedCheckpoint> checkpoints) {
        List<RecordedKeys.RecordedKey> recorded = RecordedKeys.read(jdbc, serializer).stream()
                .filter(k -> k.leafIndex() != null)
                .sorted(Comparator.comparingLong(RecordedKeys.RecordedKey::leafIndex)).toList();
        if (recorded.isEmpty()) {
            return "no signing key recorded in the ledger yet";
        }
        Map<String, String> chain = new LinkedHashMap<>();
        String current = null;
        for (RecordedKeys.RecordedKey k : recorded) {
            SigningKeyRegistered event = k.event();
            String problem = keyProblem(event, chain, current);
            if (problem != null) {
                walk.breakAt(k.position(), problem);
                continue;
            }
            chain.put(event.keyId(), event.publicKey());
            current = event.keyId();
        }
        for (CheckedCheckpoint checkpoint : checkpoints) {
            if (!chain.containsKey(checkpoint.keyId())) {
                walk.breakAt(checkpoint.position(), "the checkpoint of tree size " + checkpoint.treeSize()
                        + " is signed with key " + checkpoint.keyId() + ", which the ledger has not recorded as its "
                        + "key: the key was replaced");
            }
        }
        return "signing keys " + String.join(" -> ", chain.keySet()) + ", recorded in the ledger";
    }

    private String keyProblem(SigningKeyRegistered event, Map<String, String> chain, String current) {
        String keyId = event.keyId();
        boolean idMatches;
        try {
            idMatches = CheckpointKeys.keyId(CheckpointKeys.parsePublicKey(event.publicKey())).equals(keyId);
        } catch (IllegalArgumentException e) {
            idMatches = false;
        }
        if (!idMatches) {
            return "the recorded signing key " + keyId + " is not the public key recorded with it";
        }
        if (chain.containsKey(keyId)) {
            return "the signing key " + keyId + " is recorded twice";
        }
        if (current == null && event.rotation()) {
            return "the first recorded signing key " + keyId + " claims to replace key " + event.previousKeyId()
                    + ", which the ledger never recorded";
        }
        if (current != null && !(current.equals(event.previousKeyId()) && new KeyRotation(keyId, event.publicKey(),
                event.validFrom(), event.previousKeyId(), event.rotationSignature()).signedBy(chain.get(current)))) {
            return "the rotation to signing key " + keyId + " is not signed by the key it replaces, " + current
                    + ": a forged rotation";
        }
        if (!key.publicKeyText(keyId).map(event.publicKey()::equals).orElse(false)) {
            return "the recorded signing key " + keyId + " is not in the key file " + key.file()
                    + ": the key file was replaced";
        }
        return null;
    }

    private record Held(WitnessedCheckpoint checkpoint, Witness witness) {
    }

    private Optional<Held> newestWitnessed() {
        Optional<Held> newest = Optional.empty();
        for (Witness witness : witnesses) {
            Optional<WitnessedCheckpoint> held = witness.newest();
            if (held.isPresent() && (newest.isEmpty() || held.get().signed().checkpoint().treeSize()
                    > newest.get().checkpoint().signed().checkpoint().treeSize())) {
                newest = Optional.of(new Held(held.get(), witness));
            }
        }
        return newest;
    }

    /** The lowest position found broken so far, with what is wrong there. */
    private static final class Walk {
        private Long brokenAt;
        private String problem;

        void breakAt(long position, String what) {
            if (brokenAt == null || position < brokenAt) {
                brokenAt = position;
                problem = what;
            }
        }
    }
}
