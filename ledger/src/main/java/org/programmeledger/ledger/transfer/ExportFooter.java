package org.programmeledger.ledger.transfer;

import org.programmeledger.ledger.service.Digest;

/** The last line of an export file: the head digest; a file without it was cut short. */
record ExportFooter(Digest digest) {
}
