package org.programmeledger.ledger.sealing;

import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.programmeledger.ledger.proof.Checkpoint;
import org.programmeledger.ledger.proof.CompactRange;
import org.programmeledger.ledger.proof.MerkleTree;
import org.programmeledger.ledger.proof.SignedCheckpoint;
import org.programmeledger.ledger.service.StoreDatabase;
import org.programmeledger.ledger.service.StreamedQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seals committed events, in the manner of Trillian's log signer: every {@code interval} (and shortly after
 * each commit) it reads the committed events not yet in the tree, in position order, checks each one's
 * authenticator, appends them as leaves, and signs a checkpoint of the new root, which it hands to every
 * witness. One node seals at a time: on PostgreSQL each pass holds a transaction-level advisory lock, so
 * when the node sealing dies another one's next pass takes over; H2 serves one process.
 *
 * <p>Ordering: an event is sealed when its transaction has committed, so a transaction committing late,
 * below events already sealed, gets a later leaf index; nothing waits for it. The scan starts above a
 * low-water mark, below which every position is sealed, refused or a gap older than the gap timeout (a
 * rolled-back transaction leaves one for good); above it, the positions this node has handled are not read
 * again, and those it found missing are asked for by number. A transaction slower than that timeout is still
 * sealed by the full scan each hour and at start-up. Bound: a committed event is sealed within one interval, plus
 * one pass, while a node runs the sequencer (docs/sealing.md).
 */
public class Sequencer implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(Sequencer.class);
    /** The advisory lock's key on PostgreSQL: "ledger" in ASCII. */
    private static final long LOCK_KEY = 0x6c6564676572L;
    private static final Duration FULL_SCAN_EVERY = Duration.ofHours(1);
    /** How long an output waits for the position it is built from to be sealed. */
    public static final Duration OUTPUT_WAIT = Duration.ofSeconds(30);
    private static final long AFTER_COMMIT_DELAY_MILLIS = 20;
    private static final int INSERT_BATCH = 1000;
    private static final String EVENT_COLUMNS = "e." + SealedEvent.COLUMNS.replace(", ", ", e.");
    private static final String UNSEALED_FROM = "SELECT " + EVENT_COLUMNS + ", a.mac, a.key_id "
            + "FROM domain_event_entry e LEFT JOIN ledger_event_authenticator a ON a.position = e.global_index WHERE ";
    private static final String NO_LEAF = " AND NOT EXISTS "
            + "(SELECT 1 FROM ledger_tree_leaf l WHERE l.position = e.global_index) ORDER BY e.global_index";
    /** The committed events above a position that have no leaf yet, in position order. */
    static final String UNSEALED = UNSEALED_FROM + "e.global_index > ?" + NO_LEAF + " LIMIT ?";
    /**
     * Positions between the low-water mark and the newest one handled that a pass still asks for by number (those not
     * committed when it last looked), rather than reading every position above the mark again.
     */
    static final int HOLES_ASKED_AT_MOST = 1000;

    /**
     * For the rest of a pass's transaction on PostgreSQL: each row above the low-water mark looked up in the leaves'
     * and the authenticators' keys, never both tables read whole, and no parallel workers started for a few rows.
     * Without statistics (after a bulk import or a restore, until autovacuum analyses the tables) PostgreSQL
     * guesses a third of the table above any position, and hashed every leaf on every pass (BENCHMARKS.md,
     * round 13); with them it chooses these lookups itself.
     */
    static final String BY_INDEX_ONLY = "SELECT set_config('enable_hashjoin', 'off', true), "
            + "set_config('enable_mergejoin', 'off', true), set_config('enable_seqscan', 'off', true), "
            + "set_config('max_parallel_workers_per_gather', '0', true)";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final SigningKey key;
    private final SealingSettings settings;
    private final List<Witness> witnesses;
    private final Clock clock;
    private final boolean postgres;
    /** A commit's pass is scheduled and has not started: at most one is, whatever else runs passes. */
    private final AtomicBoolean commitPassScheduled = new AtomicBoolean();
    private volatile ScheduledExecutorService executor;
    private volatile long lastPassStarted = System.nanoTime();

    // The sequencer's state, guarded by this.
    private CompactRange tree;
    private long lowWater;
    private final TreeSet<Long> doneAbove = new TreeSet<>();
    private final Map<Long, Instant> gapsSeen = new HashMap<>();
    private final Deque<Mark> settled = new ArrayDeque<>();
    private Instant lastFullScan = Instant.EPOCH;
    private String halted;

    public Sequencer(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, SigningKey key,
                     SealingSettings settings, List<Witness> witnesses, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
        // Never part of a caller's transaction: a pass commits (or not) on its own.
        transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.key = key;
        this.settings = settings;
        this.witnesses = witnesses;
        this.clock = clock;
        this.postgres = StoreDatabase.of(jdbc) == StoreDatabase.POSTGRESQL;
    }

    /** Whether the store is PostgreSQL (positions are then drawn ahead, and passes take the advisory lock). */
    boolean onPostgres() {
        return postgres;
    }

    /**
     * Called after a transaction that appended events commits: a pass soon, several commits sharing it. Under a
     * stream of commits passes start at least {@code checkpoint-spacing-millis} apart, so that each signature and
     * witness line covers many events: signing and witnessing a checkpoint per command were half of the sequencer's
     * processor time (BENCHMARKS.md, round 5).
     */
    void committed() {
        ScheduledExecutorService running = executor;
        if (running != null && !commitPassScheduled.getAndSet(true)) {
            long sinceLastPass = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastPassStarted);
            running.schedule(this::commitPass, afterCommitDelayMillis(settings, sinceLastPass),
                    TimeUnit.MILLISECONDS);
        }
    }

    /**
     * A commit's pass. Only this one clears the flag: when the periodic pass cleared it too, each periodic pass
     * let a commit schedule one more pass, and under a stream of commits every such pass scheduled its successor,
     * so that passes ran back to back (55 a second instead of at most 15, BENCHMARKS.md round 14).
     */
    private void commitPass() {
        commitPassScheduled.set(false);
        passQuietly();
    }

    /** How long a commit's pass waits: a little, so that commits share it, and the spacing's rest. */
    static long afterCommitDelayMillis(SealingSettings settings, long sinceLastPassMillis) {
        return Math.max(AFTER_COMMIT_DELAY_MILLIS, settings.commitPassSpacingMillis() - sinceLastPassMillis);
    }

    /** Seals every committed event now, pass after pass until none is left; returns how many it sealed. */
    public synchronized long sealPending() {
        long sealed = 0;
        int pass;
        do {
            pass = pass();
            sealed += pass;
        } while (pass >= settings.batchSize());
        return sealed;
    }

    /**
     * Seals every committed event, those committed later than the gap timeout after their position was drawn
     * included (a full scan, as at start-up): what verify and digest call before they judge the ledger.
     */
    public synchronized long sealEverything() {
        lastFullScan = Instant.EPOCH;
        // Reload the stored tree first, checking it against the checkpoints and witnesses: a full scan must not
        // seal again an event whose leaf someone removed.
        tree = null;
        return sealPending();
    }

    /** Why sealing stopped, when it found the stored tree not matching its own checkpoints or witnesses. */
    public synchronized Optional<String> halted() {
        return Optional.ofNullable(halted);
    }

    /**
     * Waits until the event at {@code position} is sealed, sealing on this node meanwhile; false when it
     * is not within {@code timeout} (another node holds the sequencer and is slow, or sealing has halted).
     */
    public boolean awaitSealed(long position, Duration timeout) {
        Instant until = clock.instant().plus(timeout);
        while (true) {
            sealPending();
            if (position == 0 || !jdbc.queryForList("SELECT leaf_index FROM ledger_tree_leaf WHERE position = ?",
                    Long.class, position).isEmpty()) {
                return true;
            }
            if (clock.instant().isAfter(until)) {
                return false;
            }
            try {
                Thread.sleep(Math.min(settings.intervalMillis(), 100));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /**
     * Waits (up to {@link #OUTPUT_WAIT}) until {@code position} is sealed, and refuses otherwise: every output names
     * the position it was built from, and an auditor must be able to prove that position.
     *
     * @throws IllegalStateException when the position is not sealed in time, or sealing has stopped
     */
    public void requireSealed(long position, String output) {
        if (halted().isPresent() || !awaitSealed(position, OUTPUT_WAIT)) {
            throw new IllegalStateException(output + ": ledger position " + position + " is not sealed within "
                    + OUTPUT_WAIT.toSeconds() + " s" + halted().map(why -> " (sealing stopped: " + why + ")")
                    .orElse("") + "; run bin/ledger verify");
        }
    }

    private void passQuietly() {
        lastPassStarted = System.nanoTime();
        try {
            sealPending();
        } catch (RuntimeException e) {
            LOG.warn("Sealing pass failed; the next one retries: {}", e.toString());
        }
    }

    private synchronized int pass() {
        if (halted != null) {
            return 0;
        }
        List<SignedCheckpoint> signed = new ArrayList<>(1);
        long[] lastPosition = {0};
        Integer sealed;
        try {
            sealed = transaction.execute(status -> {
                if (postgres && !Boolean.TRUE.equals(jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(?)",
                        Boolean.class, LOCK_KEY))) {
                    return 0;
                }
                if (clock.instant().isAfter(lastFullScan.plus(FULL_SCAN_EVERY))) {
                    // A full scan follows: the stored tree is checked whole first (see sealEverything).
                    tree = null;
                }
                long stored = storedSize();
                if (stored > 0) {
                    key.markSealed();
                }
                if (tree == null || tree.size() != stored) {
                    // Another node sealed meanwhile (it grew): read on from where this one stands.
                    load(stored, tree != null && tree.size() < stored ? tree : new CompactRange());
                    if (halted != null) {
                        return 0;
                    }
                }
                if (stored == 0) {
                    carryOverOldChain();
                    if (halted != null) {
                        return 0;
                    }
                }
                return integrate(signed, lastPosition);
            });
        } catch (RuntimeException e) {
            tree = null;
            throw e;
        }
        if (!signed.isEmpty()) {
            key.markSealed();
        }
        if (!postgres && !signed.isEmpty()) {
            // H2 writes commits to disk up to half a second later: a witness must never hold a checkpoint that
            // a killed process could still lose, or the restarted store would look rewound against it.
            jdbc.execute("CHECKPOINT SYNC");
        }
        for (SignedCheckpoint checkpoint : signed) {
            WitnessedCheckpoint witnessed = new WitnessedCheckpoint(checkpoint.line(), key.publicKeyText(),
                    lastPosition[0]);
            for (Witness witness : witnesses) {
                try {
                    witness.witness(witnessed);
                } catch (RuntimeException e) {
                    LOG.warn("Witness {} did not take checkpoint {}: {}", witness.describe(), checkpoint.line(),
                            e.toString());
                }
            }
        }
        return sealed == null ? 0 : sealed;
    }

    private long storedSize() {
        Long last = jdbc.queryForObject("SELECT MAX(leaf_index) FROM ledger_tree_leaf", Long.class);
        return last == null ? 0 : last + 1;
    }

    /**
     * Reads the stored leaves that {@code range} lacks into it, and checks the result against the newest
     * checkpoint (which must be of every leaf: only a pass adds leaves, with their checkpoint) and witness.
     */
    private void load(long stored, CompactRange range) {
        Optional<SignedCheckpoint> newestCheckpoint = jdbc.query("SELECT note FROM ledger_checkpoint "
                        + "ORDER BY tree_size DESC LIMIT 1", (row, n) -> SignedCheckpoint.parseLine(row.getString(1)))
                .stream().findFirst();
        Optional<SignedCheckpoint> newestWitnessed = Optional.empty();
        for (Witness witness : witnesses) {
            Optional<SignedCheckpoint> held = witness.newest().map(WitnessedCheckpoint::signed);
            if (held.isPresent() && (newestWitnessed.isEmpty()
                    || held.get().checkpoint().treeSize() > newestWitnessed.get().checkpoint().treeSize())) {
                newestWitnessed = held;
            }
        }
        long from = range.size();
        Map<Long, byte[]> rootsAt = new HashMap<>();
        newestCheckpoint.ifPresent(c -> rootsAt.put(c.checkpoint().treeSize(), null));
        newestWitnessed.ifPresent(c -> rootsAt.put(c.checkpoint().treeSize(), null));
        if (rootsAt.containsKey(from)) {
            rootsAt.put(from, range.root());
        }
        StreamedQuery.each(jdbc, "SELECT leaf_hash FROM ledger_tree_leaf WHERE leaf_index >= ? ORDER BY leaf_index",
                row -> {
                    range.append(Hashing.unhex(row.getString(1)));
                    if (rootsAt.containsKey(range.size())) {
                        rootsAt.put(range.size(), range.root());
                    }
                }, from);
        if (range.size() != stored) {
            halt("the tree has " + range.size() + " leaves, numbered up to " + (stored - 1) + ": leaves were removed");
            return;
        }
        long signed = newestCheckpoint.map(c -> c.checkpoint().treeSize()).orElse(0L);
        if (signed != stored) {
            halt("the tree has " + stored + " leaves, its newest checkpoint " + signed + ": leaves were "
                    + (signed < stored ? "added outside the sequencer" : "removed"));
            return;
        }
        for (Optional<SignedCheckpoint> newest : List.of(newestCheckpoint, newestWitnessed)) {
            if (newest.isEmpty()) {
                continue;
            }
            SignedCheckpoint checkpoint = newest.get();
            String which = newest == newestCheckpoint ? "the newest stored checkpoint" : "the newest witnessed checkpoint";
            if (!key.publicKey(checkpoint.keyId()).map(checkpoint::verifies).orElse(false)) {
                halt(which + " (" + checkpoint.line() + ") is not signed by any of this ledger's keys");
                return;
            }
            byte[] root = rootsAt.get(checkpoint.checkpoint().treeSize());
            if (root == null && checkpoint.checkpoint().treeSize() < from) {
                continue; // below what this node had already checked
            }
            if (root == null) {
                halt("the tree has " + range.size() + " leaves, fewer than " + which + " (tree size "
                        + checkpoint.checkpoint().treeSize() + "): it was rewound");
                return;
            }
            if (!MessageDigest.isEqual(root, checkpoint.checkpoint().rootHash())) {
                halt("the stored leaves do not give the root of " + which + " (tree size "
                        + checkpoint.checkpoint().treeSize() + "): they were rewritten");
                return;
            }
        }
        tree = range;
    }

    private void halt(String why) {
        halted = why;
        tree = null;
        LOG.error("Sealing stopped: {}. Nothing more is sealed until this is resolved; run bin/ledger verify.", why);
    }

    private int integrate(List<SignedCheckpoint> signed, long[] lastPosition) {
        Instant now = clock.instant();
        if (now.isAfter(lastFullScan.plus(FULL_SCAN_EVERY))) {
            lowWater = 0;
            doneAbove.clear();
            gapsSeen.clear();
            settled.clear();
            lastFullScan = now;
        }
        List<Object[]> leaves = new ArrayList<>();
        long[] index = {tree.size()};
        int[] rows = {0};
        if (postgres) {
            jdbc.execute(BY_INDEX_ONLY);
        }
        RowCallbackHandler integrateRow = row -> {
            SealedEvent event = SealedEvent.read(row);
            rows[0]++;
            if (doneAbove.contains(event.position())) {
                return;
            }
            doneAbove.add(event.position());
            byte[] leafData = event.leafData();
            if (!key.authenticates(row.getString(12), leafData, row.getString(11))) {
                LOG.error("The event at position {} is not authenticated by this ledger's key: it is not sealed "
                        + "(it was put into the database outside the ledger, or changed before it was sealed)",
                        event.position());
                return;
            }
            String leafHash = SealedEvent.leafHash(leafData);
            leaves.add(new Object[] {index[0]++, event.position(), leafHash});
            tree.append(Hashing.unhex(leafHash));
            lastPosition[0] = event.position();
        };
        // Above the low-water mark, the positions this node has handled need no reading again: under a stream of
        // commits the mark waits a gap timeout at each dropped position, and reading every position above it was
        // most of a pass (BENCHMARKS.md, round 15). The positions below the newest one handled that were missing
        // are asked for by number, then those above it in order.
        long readAbove = lowWater;
        List<Long> holes = doneAbove.isEmpty() ? null : holes();
        if (holes != null) {
            readAbove = doneAbove.last();
            if (!holes.isEmpty()) {
                jdbc.query(UNSEALED_FROM + "e.global_index IN (" + holes.stream().map(String::valueOf)
                        .collect(Collectors.joining(", ")) + ")" + NO_LEAF, integrateRow);
            }
        }
        int limit = settings.batchSize() - rows[0];
        if (limit > 0) {
            jdbc.query(UNSEALED, integrateRow, readAbove, limit);
        }
        if (rows[0] < settings.batchSize()) {
            settle(now, lastPosition[0]);
        }
        advanceLowWater(now);
        if (leaves.isEmpty()) {
            return 0;
        }
        for (int from = 0; from < leaves.size(); from += INSERT_BATCH) {
            jdbc.batchUpdate("INSERT INTO ledger_tree_leaf (leaf_index, position, leaf_hash) VALUES (?, ?, ?)",
                    leaves.subList(from, Math.min(from + INSERT_BATCH, leaves.size())));
        }
        signed.add(signCheckpoint(tree.size(), tree.root(), now));
        return leaves.size();
    }

    /**
     * The positions above the low-water mark and below the newest one handled that were not handled (not committed
     * when a pass last read them, or sealed by another node); null when there are more than
     * {@value #HOLES_ASKED_AT_MOST}, and then the pass reads every position above the mark.
     */
    private List<Long> holes() {
        List<Long> holes = new ArrayList<>();
        long expected = lowWater + 1;
        for (long handled : doneAbove) {
            for (; expected < handled; expected++) {
                if (holes.size() == HOLES_ASKED_AT_MOST) {
                    return null;
                }
                holes.add(expected);
            }
            expected = Math.max(expected, handled + 1);
        }
        return holes;
    }

    private SignedCheckpoint signCheckpoint(long size, byte[] root, Instant now) {
        SignedCheckpoint checkpoint = key.sign(new Checkpoint(settings.origin(), size, root, now));
        jdbc.update("INSERT INTO ledger_checkpoint (tree_size, root_hash, signed_at, key_id, signature, note) "
                        + "VALUES (?, ?, ?, ?, ?, ?)", size, Hashing.hex(root), Timestamp.from(now),
                checkpoint.keyId(), Base64.getEncoder().encodeToString(checkpoint.signature()), checkpoint.line());
        return checkpoint;
    }

    /** Authenticates an event loaded from an export file, in the caller's transaction. */
    void authenticate(SealedEvent event) {
        jdbc.update("INSERT INTO ledger_event_authenticator (position, event_identifier, key_id, mac) "
                + "VALUES (?, ?, ?, ?)", event.position(), event.eventIdentifier(), key.keyId(),
                key.authenticate(event.leafData()));
    }

    /** Signs a checkpoint of the first {@code size} leaves, loaded from an export file in the caller's transaction. */
    public synchronized void adopt(long size) {
        signCheckpoint(size, new MerkleTree(new StoredLeaves(jdbc)).root(size), clock.instant());
        tree = null;
    }

    /**
     * After a scan that read every committed event not in the tree: every position up to the newest sealed
     * one is sealed, refused, or not committed. Once the gap timeout has passed since, the low-water mark may
     * jump there, so that a pass does not scan the whole table when nothing is left below (the case after
     * each start-up and hourly scan, when the gaps below are unknown).
     */
    private void settle(Instant now, long sealedThisPass) {
        Long newestSealed = sealedThisPass > 0 ? Long.valueOf(sealedThisPass)
                : jdbc.queryForObject("SELECT MAX(position) FROM ledger_tree_leaf", Long.class);
        if (newestSealed != null && newestSealed > lowWater
                && (settled.isEmpty() || settled.peekLast().position() < newestSealed)) {
            settled.addLast(new Mark(newestSealed, now));
        }
        while (!settled.isEmpty()
                && Duration.between(settled.peekFirst().since(), now).toMillis() >= settings.gapTimeoutMillis()) {
            long mark = settled.removeFirst().position();
            if (mark > lowWater) {
                lowWater = mark;
                doneAbove.headSet(mark, true).clear();
                gapsSeen.keySet().removeIf(position -> position <= mark);
            }
        }
    }

    private record Mark(long position, Instant since) {
    }

    /** Moves the low-water mark over positions sealed or refused, and over gaps older than the gap timeout. */
    private void advanceLowWater(Instant now) {
        while (!doneAbove.isEmpty()) {
            long next = lowWater + 1;
            if (doneAbove.remove(next)) {
                lowWater = next;
                gapsSeen.remove(next);
                continue;
            }
            Instant seen = gapsSeen.computeIfAbsent(next, position -> now);
            if (Duration.between(seen, now).toMillis() < settings.gapTimeoutMillis()) {
                return;
            }
            LOG.info("Position {} stayed empty for {} ms: no longer waited for (its transaction rolled back, or "
                    + "the hourly scan seals it)", next, settings.gapTimeoutMillis());
            gapsSeen.remove(next);
            lowWater = next;
        }
    }

    /**
     * Stores sealed before release 1.5 hold a hash chain: it is checked once, and if intact its events are
     * authenticated here, so that the first passes carry them over as leaves in their old order. The chain has no
     * key, so whoever can write the database can rewrite it: it is carried over only when the key's holder asks,
     * and never under a key that sealed a tree before (one found empty was removed).
     */
    private void carryOverOldChain() {
        Long head = jdbc.queryForObject("SELECT position FROM ledger_seal_head WHERE id = 1", Long.class);
        if (head == null || head == 0 || !jdbc.queryForList("SELECT position FROM ledger_event_authenticator "
                + "WHERE position = ?", Long.class, head).isEmpty()) {
            return;
        }
        if (!settings.carryOverReleaseChain()) {
            halt("the store holds the hash chain of release 1.4 and no tree: its events are sealed as leaves once "
                    + "the key's holder sets ledger.sealing.carry-over-release-chain=true for it (docs/sealing.md)");
            return;
        }
        if (key.hasSealed()) {
            halt("signing key " + key.keyId() + " sealed a tree of this ledger before, and the tree is gone: the "
                    + "hash chain of release 1.4 is not carried over (signed) again");
            return;
        }
        String headHash = jdbc.queryForObject("SELECT hash FROM ledger_seal_head WHERE id = 1", String.class).trim();
        List<Object[]> authenticators = new ArrayList<>();
        String[] previousHash = {SealedEvent.GENESIS};
        long[] previousPosition = {0};
        StreamedQuery.each(jdbc, "SELECT " + EVENT_COLUMNS + ", s.position, s.previous_position, s.hash "
                + "FROM ledger_seal s LEFT JOIN domain_event_entry e ON e.global_index = s.position "
                + "ORDER BY s.position", row -> {
            if (halted != null) {
                return;
            }
            long position = row.getLong(11);
            if (row.getString(2) == null || row.getLong(12) != previousPosition[0]) {
                halt("the hash chain of release 1.4 is broken at position " + position + ": not carried over");
                return;
            }
            SealedEvent event = SealedEvent.read(row);
            String hash = event.chainHashAfter(previousHash[0]);
            if (!hash.equals(row.getString(13).trim())) {
                halt("the hash chain of release 1.4 is broken at position " + position + ": not carried over");
                return;
            }
            authenticators.add(new Object[] {position, event.eventIdentifier(), key.keyId(),
                    key.authenticate(event.leafData())});
            if (authenticators.size() == INSERT_BATCH) {
                insertAuthenticators(authenticators);
            }
            previousHash[0] = hash;
            previousPosition[0] = position;
        });
        if (halted == null && (previousPosition[0] != head || !previousHash[0].equals(headHash))) {
            halt("the head of the hash chain of release 1.4 was changed: not carried over");
        }
        if (halted == null) {
            insertAuthenticators(authenticators);
            LOG.info("The hash chain of release 1.4 verified up to position {}; its events are sealed as leaves", head);
        }
    }

    private void insertAuthenticators(List<Object[]> rows) {
        jdbc.batchUpdate("INSERT INTO ledger_event_authenticator (position, event_identifier, key_id, mac) "
                + "VALUES (?, ?, ?, ?)", rows);
        rows.clear();
    }

    @Override
    public void start() {
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "ledger-sequencer");
            thread.setDaemon(true);
            return thread;
        });
        started.scheduleWithFixedDelay(this::passQuietly, 0, settings.intervalMillis(), TimeUnit.MILLISECONDS);
        // A commit's pass left scheduled on an executor stopped before it ran must not keep commits from scheduling.
        commitPassScheduled.set(false);
        executor = started;
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = executor;
        executor = null;
        if (running != null) {
            running.shutdown();
            try {
                running.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
