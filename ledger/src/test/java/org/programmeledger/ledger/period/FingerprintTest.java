package org.programmeledger.ledger.period;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.programmeledger.ledger.api.Basis;
import org.programmeledger.ledger.api.Extent;
import org.programmeledger.ledger.api.FigureRecorded;
import org.programmeledger.ledger.api.ItemRegistered;
import org.programmeledger.ledger.api.Qualifier;
import org.programmeledger.ledger.api.Side;
import org.programmeledger.ledger.api.SourceReference;

class FingerprintTest {

    private static ItemRegistered item(String title, String area, List<String> lead, List<String> participants) {
        return new ItemRegistered("p", 2, title, area, true, lead, participants, "s");
    }

    private static FigureRecorded figure(String value, Extent extent, SourceReference reference) {
        return new FigureRecorded("p", "f", 2, null, "participants", new BigDecimal(value), "persons",
                Qualifier.EXACTLY, Side.JOINT, extent, Basis.FLOW, "s", null, null, null, reference, null);
    }

    @Test
    void equalEventsHaveTheSameFingerprint() {
        assertThat(Fingerprint.of(item("Talent", null, List.of("o1"), List.of())))
                .isEqualTo(Fingerprint.of(item(new String("Talent"), null, List.of("o1"), List.of())));
        assertThat(Fingerprint.of(figure("2.5", Extent.year(2021), new SourceReference("d", null, null, null))))
                .isEqualTo(Fingerprint.of(figure("2.5", Extent.year(2021), new SourceReference("d", null, null,
                        null))));
    }

    @Test
    void eventsThatDifferInAnyFieldDiffer() {
        Fingerprint talent = Fingerprint.of(item("Talent", null, List.of("o1"), List.of()));
        assertThat(Fingerprint.of(item("Talent", "", List.of("o1"), List.of()))).isNotEqualTo(talent);
        assertThat(Fingerprint.of(item("Talent", "null", List.of("o1"), List.of()))).isNotEqualTo(talent);
        assertThat(Fingerprint.of(item("Talent", null, List.of(), List.of("o1")))).isNotEqualTo(talent);
        assertThat(Fingerprint.of(item("Talent", null, List.of("o", "1"), List.of()))).isNotEqualTo(talent);
        assertThat(Fingerprint.of(item("Talent", null, List.of("o1"), List.of())))
                .isNotEqualTo(Fingerprint.of(new ItemRegistered("p", 2, "Talent", null, false, List.of("o1"),
                        List.of(), "s")));
    }

    @Test
    void nestedRecordsAndNumbersCountAsTheirEqualsDoes() {
        Fingerprint whole = Fingerprint.of(figure("2.5", Extent.year(2021), null));
        assertThat(Fingerprint.of(figure("2.50", Extent.year(2021), null))).isNotEqualTo(whole);
        assertThat(Fingerprint.of(figure("2.5", Extent.year(2022), null))).isNotEqualTo(whole);
        assertThat(Fingerprint.of(figure("2.5", Extent.year(2021), new SourceReference(null, null, null, "l"))))
                .isNotEqualTo(whole);
    }

    /** Snapshots hold fingerprints: a change to the bytes hashed needs a new snapshot revision. */
    @Test
    void theBytesHashedStayThoseOfRevisionThreesSnapshots() {
        assertThat(Fingerprint.of(item("Talent", null, List.of("o1"), List.of())))
                .isEqualTo(new Fingerprint(-6287734718603003719L, -9171457324261922777L));
        assertThat(Fingerprint.of(figure("2.5", Extent.year(2021), new SourceReference("d", null, null, null))))
                .isEqualTo(new Fingerprint(5674298322943563079L, 5977220754065710709L));
    }
}
