package org.programmeledger.ledger.architecture;

/** What the other modules may use of the ledger. */
public final class LedgerSurface {

    /**
     * The messages ({@code api}); the queries and services ({@code facade}), one class per capability delegating
     * to the components inside; the answers they give and the helpers every module shares ({@code service}, which
     * depends on nothing of the ledger but {@code api}, {@code proof} and {@code hashing}, so that the components
     * can return its records); the proof format with its stand-alone verifier ({@code proof}) and the one way to
     * hash ({@code hashing}).
     */
    public static final ModuleSurface LEDGER = new ModuleSurface("ledger",
            new String[] {"api", "facade", "service", "proof", "hashing"});

    private LedgerSurface() {
    }
}
