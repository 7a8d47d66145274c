package org.programmeledger.analytics.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.batch.item.Chunk;
import org.springframework.batch.item.ItemReader;

class LineBlocksTest {

    @Test
    void readsTheLinesInOrderInBlocksOfTheChunkSize() throws Exception {
        LineBlocks.Reader<Integer> blocks = new LineBlocks.Reader<>(lines(1, 2, 3, 4, 5), 2);

        assertThat(blocks.read().lines()).containsExactly(1, 2);
        assertThat(blocks.read().lines()).containsExactly(3, 4);
        assertThat(blocks.read().lines()).containsExactly(5);
        assertThat(blocks.read()).isNull();
    }

    /** As without blocks: the skip policy leaves out the unreadable line alone, the lines around it are kept. */
    @Test
    void anUnreadableLineEndsItsBlockAndIsThrownByTheNextRead() throws Exception {
        LineBlocks.Reader<Integer> blocks = new LineBlocks.Reader<>(lines(1, null, 3), 10);

        assertThat(blocks.read().lines()).containsExactly(1);
        assertThatThrownBy(blocks::read).isInstanceOf(UnreadableRowException.class);
        assertThat(blocks.read().lines()).containsExactly(3);
        assertThat(blocks.read()).isNull();
    }

    /** A line that holds many figures counts as many: a block is bounded by figures, not by lines. */
    @Test
    void aWeighedLineCountsByItsWeight() throws Exception {
        Iterator<Weighed> next = List.<Weighed>of(() -> 3, () -> 1, () -> 1, () -> 5).iterator();
        LineBlocks.Reader<Weighed> blocks = new LineBlocks.Reader<>(() -> next.hasNext() ? next.next() : null, 4);

        assertThat(blocks.read().lines()).hasSize(2);
        assertThat(blocks.read().lines()).hasSize(2);
        assertThat(blocks.read()).isNull();
    }

    @Test
    void writesEachBlocksLinesInOrder() throws Exception {
        List<Integer> written = new ArrayList<>();
        LineBlocks.Writer<Integer> writer = new LineBlocks.Writer<>(chunk -> chunk.forEach(written::add));
        LineBlocks.Reader<Integer> blocks = new LineBlocks.Reader<>(lines(1, 2, 3), 2);

        writer.write(new Chunk<>(blocks.read(), blocks.read()));

        assertThat(written).containsExactly(1, 2, 3);
    }

    /** The lines given, a null standing for a line that cannot be read. */
    private static ItemReader<Integer> lines(Integer... lines) {
        Iterator<Integer> next = Arrays.asList(lines).iterator();
        return () -> {
            if (!next.hasNext()) {
                return null;
            }
            Integer line = next.next();
            if (line == null) {
                throw new UnreadableRowException("line", new IllegalArgumentException("unknown code"));
            }
            return line;
        };
    }
}
