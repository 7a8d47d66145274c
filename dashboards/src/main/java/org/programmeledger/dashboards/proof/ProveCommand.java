package org.programmeledger.dashboards.proof;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.programmeledger.dashboards.console.Paths;
import org.programmeledger.dashboards.console.StoreOption;
import org.programmeledger.ledger.proof.ProofFile;
import org.programmeledger.ledger.proof.SignedCheckpoint;
import org.programmeledger.ledger.proof.HeldCheckpoint;
import org.programmeledger.ledger.facade.Proofs;
import org.programmeledger.ledger.facade.Verification;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Writes a proof file for an auditor (docs/proofs.md), checked with 'verify-proof'. */
@Command(name = "prove", mixinStandardHelpOptions = true,
        header = "Writes a proof file that an auditor checks with 'verify-proof'.",
        description = "Writes a proof file an auditor checks with 'verify-proof' and the ledger's public key. With "
                + "--figure: the figure's recording and corrections are in the ledger at publication N's "
                + "checkpoint. With --from: today's ledger extends the checkpoint in the file (a checkpoint line, "
                + "proof or witness file).",
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:written",
                "1:the ledger cannot prove it (not sealed yet, or changed after sealing)",
                "2:the file holds no signed checkpoint, or a usage error"},
        footerHeading = "%nExample:%n", footer = "  bin/ledger prove --figure 2.2.1 --publication 1")
public class ProveCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;
    @Mixin
    StoreOption store;

    @ArgGroup(multiplicity = "1")
    What what;

    public static class What {
        @ArgGroup(exclusive = false)
        FigureAtPublication figure;
        @Option(names = "--from", paramLabel = "CHECKPOINT-FILE", description = "a checkpoint the auditor holds")
        Path from;
    }

    public static class FigureAtPublication {
        @Option(names = "--figure", required = true, paramLabel = "ID", description = "a figure's id")
        String figure;
        @Option(names = "--publication", required = true, paramLabel = "N", description = "a publication's number")
        int publication;
        @Option(names = "--period", paramLabel = "ID",
                description = "the plan period (needed when several have a publication N)")
        String period;
    }

    @Option(names = "--to", paramLabel = "FILE", description = "the proof file to write (default: under proofs/ in "
            + "the store's output folder, out/<store>/)")
    Path to;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        SignedCheckpoint held = null;
        if (what.from != null) {
            try {
                held = HeldCheckpoint.read(Files.readString(what.from));
            } catch (IOException | IllegalArgumentException e) {
                spec.commandLine().getErr().println("ledger prove: no signed checkpoint in " + Paths.display(what.from)
                        + ": " + (e instanceof NoSuchFileException ? "no such file" : e.getMessage()));
                spec.commandLine().getErr().flush();
                return 2;
            }
        }
        ProofFile proof;
        List<String> publicKeys;
        try (ConfigurableApplicationContext application = store.open(held == null
                ? "/api/audit/proofs/figure?figure=" + what.figure.figure + "&publication=" + what.figure.publication
                : "/api/audit/proofs/consistency (POST the checkpoint)")) {
            Proofs prover = application.getBean(Proofs.class);
            proof = held == null ? prover.figure(what.figure.figure, what.figure.publication, what.figure.period)
                    : prover.consistency(held);
            Verification verification = application.getBean(Verification.class);
            publicKeys = signingKeyIds(proof).stream().map(keyId -> verification.publicKey(keyId)
                    .orElseGet(verification::publicKey)).distinct().toList();
        }
        Path file = to != null ? to : store.outputs().resolve("proofs").resolve(defaultName(proof));
        Files.createDirectories(file.toAbsolutePath().getParent());
        proof.write(file);
        out.println(held == null
                ? "Wrote an inclusion proof of " + proof.events().size() + " event(s) of " + proof.subject() + " to "
                + Paths.display(file) + "."
                : "Wrote a consistency proof from " + held.checkpoint().treeSize() + " to "
                + SignedCheckpoint.parseLine(proof.to()).checkpoint().treeSize() + " leaves to " + Paths.display(file)
                + ".");
        out.println("Check it with the ledger's public key (an auditor should have it from you beforehand, not "
                + "with the proof): bin/ledger verify-proof " + Paths.display(file)
                + publicKeys.stream().map(key -> " --public-key " + key).collect(Collectors.joining()));
        out.flush();
        return 0;
    }

    /** The keys that signed the proof's checkpoints: after a rotation, not always the current one. */
    private static List<String> signingKeyIds(ProofFile proof) {
        return Stream.of(proof.checkpoint(), proof.from(), proof.to()).filter(Objects::nonNull)
                .map(line -> SignedCheckpoint.parseLine(line).keyId()).distinct().toList();
    }

    private String defaultName(ProofFile proof) {
        if (proof.kind() == ProofFile.Kind.consistency) {
            return "consistency-" + SignedCheckpoint.parseLine(proof.from()).checkpoint().treeSize() + "-"
                    + SignedCheckpoint.parseLine(proof.to()).checkpoint().treeSize() + ".json";
        }
        return "figure-" + what.figure.figure.replaceAll("[^A-Za-z0-9._-]", "_") + "-publication-"
                + what.figure.publication + ".json";
    }
}
