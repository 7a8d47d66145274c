package org.programmeledger.ledger.proof;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Checks a proof file with nothing but the file and the ledger's public key(s): no store, no application.
 * {@code java -cp ... org.programmeledger.ledger.proof.ProofVerifier FILE --public-key KEY [--public-key KEY]}
 * (or {@code bin/ledger verify-proof}); exit code 0 when it verifies, 1 when it does not, 2 on a usage error.
 */
public final class ProofVerifier {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<PublicKey> publicKeys;

    public ProofVerifier(List<PublicKey> publicKeys) {
        if (publicKeys.isEmpty()) {
            throw new IllegalArgumentException("a proof is checked against at least one public key");
        }
        this.publicKeys = List.copyOf(publicKeys);
    }

    /** What was checked, line by line; the proof holds only if every check passed. */
    public record Report(boolean verified, List<String> lines) {
    }

    /** Verifies a proof file's text; one that cannot be read as a proof file does not verify. */
    public Report verify(String proofFile) {
        try {
            return verify(ProofFile.parse(proofFile));
        } catch (IllegalArgumentException e) {
            return new Report(false, List.of("NOT VERIFIED: " + e.getMessage()));
        }
    }

    public Report verify(ProofFile proof) {
        List<String> lines = new ArrayList<>();
        try {
            return switch (proof.kind()) {
                case inclusion -> verifyInclusion(proof, lines);
                case consistency -> verifyConsistency(proof, lines);
            };
        } catch (IllegalArgumentException | NullPointerException e) {
            lines.add("NOT VERIFIED: the proof file is malformed: " + e.getMessage());
            return new Report(false, lines);
        }
    }

    private Report verifyInclusion(ProofFile proof, List<String> lines) {
        SignedCheckpoint signed = SignedCheckpoint.parseLine(require(proof.checkpoint(), "checkpoint"));
        if (!signatureHolds(signed, "checkpoint", lines)) {
            return new Report(false, lines);
        }
        List<ProofFile.ProvenEvent> events = require(proof.events(), "events");
        if (events.isEmpty()) {
            lines.add("NOT VERIFIED: the proof names no event");
            return new Report(false, lines);
        }
        Checkpoint checkpoint = signed.checkpoint();
        if (proof.subject() != null) {
            lines.add("asked for (not itself proved): " + proof.subject());
        }
        boolean all = true;
        for (ProofFile.ProvenEvent event : events) {
            Optional<String> problem = problemWith(event, checkpoint);
            String leaf = "leaf " + event.leafIndex() + describe(event);
            lines.add(problem.map(p -> leaf + ": NOT included: " + p)
                    .orElse(leaf + ": included in the tree of " + leaves(checkpoint.treeSize())));
            all &= problem.isEmpty();
        }
        lines.add(all ? "VERIFIED: " + events.size() + " event(s) are in the ledger the checkpoint signs"
                : "NOT VERIFIED");
        return new Report(all, lines);
    }

    private static Optional<String> problemWith(ProofFile.ProvenEvent event, Checkpoint checkpoint) {
        byte[] leafHash;
        if (event.leafData() != null) {
            byte[] leafData = decode(event.leafData());
            leafHash = MerkleHash.leaf(leafData);
            if (event.leafHash() != null && !Base64.getEncoder().encodeToString(leafHash).equals(event.leafHash())) {
                return Optional.of("its leafHash is not the hash of its leafData");
            }
            if (event.event() != null && !sameJson(event.event(), LeafData.decode(leafData))) {
                return Optional.of("the event shown is not the event in its leafData");
            }
        } else if (event.leafHash() != null) {
            leafHash = decode(event.leafHash());
        } else {
            return Optional.of("it has neither leafData nor leafHash");
        }
        List<byte[]> path = require(event.proof(), "proof").stream().map(ProofVerifier::decode).toList();
        if (!MerkleTree.verifyInclusion(leafHash, require(event.leafIndex(), "leafIndex"), checkpoint.treeSize(), path,
                checkpoint.rootHash())) {
            return Optional.of("its proof does not lead to the checkpoint's root");
        }
        return Optional.empty();
    }

    private Report verifyConsistency(ProofFile proof, List<String> lines) {
        SignedCheckpoint from = SignedCheckpoint.parseLine(require(proof.from(), "from"));
        SignedCheckpoint to = SignedCheckpoint.parseLine(require(proof.to(), "to"));
        boolean signed = signatureHolds(from, "from", lines) & signatureHolds(to, "to", lines);
        if (!signed) {
            return new Report(false, lines);
        }
        if (!from.checkpoint().origin().equals(to.checkpoint().origin())) {
            lines.add("NOT VERIFIED: the checkpoints are of different logs");
            return new Report(false, lines);
        }
        List<byte[]> path = require(proof.proof(), "proof").stream().map(ProofVerifier::decode).toList();
        long first = from.checkpoint().treeSize();
        long second = to.checkpoint().treeSize();
        if (MerkleTree.verifyConsistency(first, second, from.checkpoint().rootHash(), to.checkpoint().rootHash(),
                path)) {
            lines.add("VERIFIED: the ledger of " + leaves(second) + " extends the one of " + leaves(first)
                    + ": every event of the older checkpoint is still there, unchanged and in order");
            return new Report(true, lines);
        }
        lines.add("NOT VERIFIED: the proof does not show that the tree of " + leaves(second) + " extends the one of "
                + leaves(first));
        return new Report(false, lines);
    }

    private boolean signatureHolds(SignedCheckpoint signed, String name, List<String> lines) {
        Checkpoint checkpoint = signed.checkpoint();
        String what = name + " checkpoint (" + checkpoint.origin() + ", " + leaves(checkpoint.treeSize()) + ", "
                + checkpoint.timestamp() + ", key " + signed.keyId() + ")";
        boolean holds = publicKeys.stream().anyMatch(signed::verifies);
        lines.add(holds ? what + ": signature verified" : "NOT VERIFIED: " + what
                + ": the signature does not verify with the public key(s) given");
        return holds;
    }

    private static String leaves(long count) {
        return count + (count == 1 ? " leaf" : " leaves");
    }

    private static String describe(ProofFile.ProvenEvent event) {
        if (event.leafData() == null) {
            return "";
        }
        JsonNode row = LeafData.decode(decode(event.leafData()));
        String type = row.path("payloadType").asText();
        JsonNode figure = row.path("payload").path("figureId");
        return " (" + type.substring(type.lastIndexOf('.') + 1) + (figure.isTextual() ? " of figure "
                + figure.asText() : "") + " at position " + row.path("position").asText() + ", event "
                + row.path("eventIdentifier").asText() + ")";
    }

    /** Both sides read by one mapper, so that a number is the same kind of node on each. */
    private static boolean sameJson(JsonNode shown, JsonNode decoded) {
        try {
            return JSON.readTree(JSON.writeValueAsString(shown)).equals(JSON.readTree(JSON.writeValueAsString(decoded)));
        } catch (IOException e) {
            return false;
        }
    }

    private static byte[] decode(String base64) {
        return Base64.getDecoder().decode(base64);
    }

    private static <T> T require(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException("it has no " + field);
        }
        return value;
    }

    /** A key given as base64 text, or as the name of a file holding it. */
    public static PublicKey publicKey(String fileOrText) throws IOException {
        Path file = Path.of(fileOrText);
        boolean inFile = Files.isRegularFile(file);
        try {
            return CheckpointKeys.parsePublicKey(inFile ? Files.readString(file) : fileOrText);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(inFile ? file + " holds no Ed25519 public key (base64 of X.509)"
                    : "'" + shortened(fileOrText) + "' is neither a file nor an Ed25519 public key (base64 of X.509)",
                    e);
        }
    }

    private static String shortened(String text) {
        return text.length() <= 40 ? text : text.substring(0, 39) + "\u2026";
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Path file = null;
        List<PublicKey> keys = new ArrayList<>();
        String text;
        try {
            for (int i = 0; i < args.length; i++) {
                if (args[i].equals("--public-key") && i + 1 < args.length) {
                    keys.add(publicKey(args[++i]));
                } else if (file == null && !args[i].startsWith("--")) {
                    file = Path.of(args[i]);
                } else {
                    throw new IllegalArgumentException("unexpected argument " + args[i]);
                }
            }
            if (file == null || keys.isEmpty()) {
                throw new IllegalArgumentException("usage: ProofVerifier FILE --public-key KEY [--public-key KEY]");
            }
            text = Files.readString(file);
        } catch (IllegalArgumentException | IOException e) {
            err.println("verify-proof: " + e.getMessage());
            return 2;
        }
        ProofFile proof;
        try {
            proof = ProofFile.parse(text);
        } catch (IllegalArgumentException e) {
            err.println("verify-proof: " + file + ": " + e.getMessage());
            return 2;
        }
        Report report = new ProofVerifier(keys).verify(proof);
        report.lines().forEach(out::println);
        return report.verified() ? 0 : 1;
    }
}
