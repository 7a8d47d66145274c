package org.programmeledger.ledger.transfer;

import org.programmeledger.ledger.sealing.Digest;

/** The last line of an export file: the head digest; a file without it was cut short. */
record ExportFooter(Digest digest) {
}
