package org.programmeledger.ledger.facade;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.function.LongConsumer;
import org.programmeledger.ledger.service.Digest;
import org.programmeledger.ledger.transfer.LedgerEventImport;
import org.programmeledger.ledger.transfer.LedgerExport;
import org.springframework.stereotype.Component;

/** The ledger's events written to a file with their seals, and such a file loaded into an empty store. */
@Component
public class Transfers {

    private final LedgerExport export;
    private final LedgerEventImport load;

    Transfers(LedgerExport export, LedgerEventImport load) {
        this.export = export;
        this.load = load;
    }

    /** Writes every sealed event; returns the digest the file ends at. */
    public Digest export(Writer out, LongConsumer progress) {
        return export.write(out, progress);
    }

    /** Writes the tree up to the leaf of {@code position} (every sealed event when null): the ledger as it stood there. */
    public Digest export(Writer out, Long position, LongConsumer progress) {
        return export.write(out, position, progress);
    }

    /** Checks and loads the file into this empty store; returns the digest the store now has, equal to the file's. */
    public Digest load(Path file, LongConsumer progress) throws IOException {
        return load.load(file, progress);
    }
}
