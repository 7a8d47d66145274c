package org.programmeledger.benchmarks.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** bin/bench's options: what was asked for, and a refusal for anything else before a long run starts. */
class BenchOptionsTest {

    @Test
    void readsEveryOptionAndDefaultsToTheFullRun() {
        assertThat(Bench.Options.parse()).isEqualTo(
                new Bench.Options(false, Bench.FULL_SIZES, List.of("h2", "postgresql"), StoreRun.WORKLOADS, true));
        assertThat(Bench.Options.parse("--quick", "--no-micro", "--stores", "postgresql", "--workloads", "single,api"))
                .isEqualTo(new Bench.Options(true, Bench.QUICK_SIZES, List.of("postgresql"), List.of("single", "api"),
                        false));
        assertThat(Bench.Options.parse("--sizes", "10000, 20000").sizes()).containsExactly(10_000L, 20_000L);
    }

    @Test
    void refusesUnknownOptionsStoresSizesAndMissingValues() {
        assertThatThrownBy(() -> Bench.Options.parse("--quik")).hasMessage("unknown option '--quik'");
        assertThatThrownBy(() -> Bench.Options.parse("--stores", "h2,mysql"))
                .hasMessage("unknown store 'mysql'; known: h2, postgresql");
        assertThatThrownBy(() -> Bench.Options.parse("--workloads", "import,w5"))
                .hasMessage("unknown workload 'w5'; known: import, replay, jobs, verify, single, api");
        assertThatThrownBy(() -> Bench.Options.parse("--sizes", "ten")).hasMessageContaining("positive numbers");
        assertThatThrownBy(() -> Bench.Options.parse("--sizes", "0")).hasMessageContaining("positive numbers");
        assertThatThrownBy(() -> Bench.Options.parse("--sizes")).hasMessage("--sizes needs a value");
    }
}
