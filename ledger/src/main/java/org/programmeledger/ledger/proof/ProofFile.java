package org.programmeledger.ledger.proof;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Base64;
import java.util.List;

/**
 * What an auditor is handed (docs/proofs.md): an inclusion proof of some events at a signed checkpoint, or a
 * consistency proof between two signed checkpoints. Hashes are base64, like the checkpoint's root.
 * {@code subject} only says what was asked for; the proof covers the events and checkpoints, not that text.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"format", "kind", "subject", "checkpoint", "events", "from", "to", "proof"})
public record ProofFile(String format, Kind kind, String subject, String checkpoint, List<ProvenEvent> events,
                        String from, String to, List<String> proof) {

    public static final String FORMAT = "programme-ledger-proof/1";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    public enum Kind {
        inclusion, consistency
    }

    /** One event of an inclusion proof: its leaf (the row's canonical bytes, or only their hash) and path. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"leafIndex", "event", "leafData", "leafHash", "proof"})
    public record ProvenEvent(Long leafIndex, JsonNode event, String leafData, String leafHash, List<String> proof) {

        public static ProvenEvent of(long leafIndex, byte[] leafData, List<byte[]> proof) {
            return new ProvenEvent(leafIndex, LeafData.decode(leafData), base64(leafData),
                    base64(MerkleHash.leaf(leafData)), base64(proof));
        }
    }

    public static ProofFile inclusion(String subject, SignedCheckpoint checkpoint, List<ProvenEvent> events) {
        return new ProofFile(FORMAT, Kind.inclusion, subject, checkpoint.line(), List.copyOf(events), null, null,
                null);
    }

    public static ProofFile consistency(SignedCheckpoint from, SignedCheckpoint to, List<byte[]> proof) {
        return new ProofFile(FORMAT, Kind.consistency, null, null, null, from.line(), to.line(), base64(proof));
    }

    public String json() {
        try {
            return JSON.writeValueAsString(this) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException("a proof file is plain JSON", e);
        }
    }

    public void write(Path file) throws IOException {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        Files.writeString(partial, json());
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
    }

    public static ProofFile parse(String json) {
        try {
            ProofFile proof = JSON.readValue(json, ProofFile.class);
            if (!FORMAT.equals(proof.format()) || proof.kind() == null) {
                throw new IllegalArgumentException("not a proof file of format " + FORMAT);
            }
            return proof;
        } catch (JsonProcessingException e) {
            // Jackson's own words, without the class it read into or where in the text.
            throw new IllegalArgumentException("not a proof file: " + e.getOriginalMessage().split(" \\(class |\n")[0],
                    e);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a proof file: " + e.getMessage(), e);
        }
    }

    static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    static List<String> base64(List<byte[]> hashes) {
        return hashes.stream().map(ProofFile::base64).toList();
    }
}
