package org.programmeledger.benchmarks.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BenchStoreTest {

    /** The harness measures H2 with the page cache the application ships, not H2's own default. */
    @Test
    void h2IsOpenedWithTheApplicationsSettings() {
        assertThat(BenchStore.productH2Settings()).isEqualTo(";DB_CLOSE_ON_EXIT=FALSE;CACHE_SIZE=65536");
    }
}
