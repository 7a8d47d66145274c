package org.programmeledger.dashboards.proof;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.programmeledger.ledger.proof.ProofFile;
import org.programmeledger.ledger.proof.ProofVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The auditor's check of a proof file: needs no store and starts no application (docs/proofs.md). */
@Command(name = "verify-proof", mixinStandardHelpOptions = true,
        header = "Checks a proof file with the ledger's public key alone.",
        description = "Checks a proof file written by 'prove' with only the file and the ledger's public key: the "
                + "checkpoints' signatures, then each event's inclusion or the consistency of two checkpoints. "
                + "Needs no store.",
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:it verifies",
                "1:it does not",
                "2:the file or key cannot be read"},
        footerHeading = "%nExample:%n",
        footer = "  bin/ledger verify-proof out/ledger/proofs/figure-2.2.1-publication-1.json --public-key key.txt")
public class VerifyProofCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;
    @Parameters(paramLabel = "FILE", description = "the proof file")
    Path file;
    @Option(names = "--public-key", required = true, paramLabel = "KEY",
            description = "the ledger's public key: a file holding it, or the key itself (base64 of X.509); "
                    + "repeat it for the keys of earlier checkpoints after a rotation")
    List<String> publicKeys;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<PublicKey> keys = new ArrayList<>();
        ProofFile proof;
        try {
            for (String key : publicKeys) {
                keys.add(ProofVerifier.publicKey(key));
            }
            String text = Files.readString(file);
            try {
                proof = ProofFile.parse(text);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
            }
        } catch (IOException | IllegalArgumentException e) {
            spec.commandLine().getErr().println("ledger verify-proof: " + (e instanceof IOException ? "cannot read " : "")
                    + e.getMessage());
            spec.commandLine().getErr().flush();
            return 2;
        }
        ProofVerifier.Report report = new ProofVerifier(keys).verify(proof);
        report.lines().forEach(out::println);
        out.flush();
        return report.verified() ? 0 : 1;
    }
}
