package org.programmeledger.analytics.jobs;

import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.StepExecutionListener;
import org.springframework.batch.item.Chunk;
import org.springframework.batch.item.ExecutionContext;
import org.springframework.batch.item.ItemReader;
import org.springframework.batch.item.ItemStream;
import org.springframework.batch.item.ItemStreamReader;
import org.springframework.batch.item.ItemStreamWriter;
import org.springframework.batch.item.ItemWriter;

/**
 * A step's lines handed to Spring Batch as blocks of a chunk's worth, one block an item and a chunk: Spring
 * Batch's work per item (a timer per read and per write, the retry cache hashing the whole chunk's items)
 * cost more processor time than the lines' own work (BENCHMARKS.md round 7, "Batch jobs"). A block has no
 * equality of its own, so hashing it is free.
 */
final class LineBlocks {

    private LineBlocks() {
    }

    /** Passes the step's open, update and close on to the delegate, if it is a stream. */
    private abstract static class Delegating implements ItemStream {

        private final Object delegate;

        Delegating(Object delegate) {
            this.delegate = delegate;
        }

        @Override
        public void open(ExecutionContext executionContext) {
            if (delegate instanceof ItemStream stream) {
                stream.open(executionContext);
            }
        }

        @Override
        public void update(ExecutionContext executionContext) {
            if (delegate instanceof ItemStream stream) {
                stream.update(executionContext);
            }
        }

        @Override
        public void close() {
            if (delegate instanceof ItemStream stream) {
                stream.close();
            }
        }
    }

    /** Lines read in order, at most {@code size} to a block, a {@link Weighed} line counted by its weight. */
    static final class Block<T> {

        private final List<T> lines;

        private Block(List<T> lines) {
            this.lines = lines;
        }

        List<T> lines() {
            return lines;
        }

        @Override
        public String toString() {
            return lines.size() + " lines";
        }
    }

    /**
     * Reads blocks of lines. A line the delegate cannot read ends the block; its failure is thrown by the
     * next read, so that the skip policy leaves out that line alone, as it would without blocks.
     */
    static final class Reader<T> extends Delegating implements ItemStreamReader<Block<T>> {

        private final ItemReader<T> lines;
        private final int size;
        private Exception unreadable;

        Reader(ItemReader<T> lines, int size) {
            super(lines);
            this.lines = lines;
            this.size = size;
        }

        @Override
        public Block<T> read() throws Exception {
            if (unreadable != null) {
                Exception failure = unreadable;
                unreadable = null;
                throw failure;
            }
            List<T> block = new ArrayList<>(Math.min(size, 1024));
            int weight = 0;
            try {
                for (T line = null; weight < size && (line = lines.read()) != null; ) {
                    block.add(line);
                    weight += line instanceof Weighed weighed ? Math.max(1, weighed.weight()) : 1;
                }
            } catch (UnreadableRowException e) {
                if (block.isEmpty()) {
                    throw e;
                }
                unreadable = e;
            }
            return block.isEmpty() ? null : new Block<>(block);
        }
    }

    /** Writes each block's lines with the step's writer, which still hears of the step's start and end. */
    static final class Writer<T> extends Delegating implements ItemStreamWriter<Block<T>>, StepExecutionListener {

        private final ItemWriter<T> lines;

        Writer(ItemWriter<T> lines) {
            super(lines);
            this.lines = lines;
        }

        @Override
        public void write(Chunk<? extends Block<T>> blocks) throws Exception {
            for (Block<T> block : blocks) {
                lines.write(new Chunk<>(block.lines()));
            }
        }

        @Override
        public void beforeStep(StepExecution stepExecution) {
            if (lines instanceof StepExecutionListener listener) {
                listener.beforeStep(stepExecution);
            }
        }

        @Override
        public ExitStatus afterStep(StepExecution stepExecution) {
            return lines instanceof StepExecutionListener listener ? listener.afterStep(stepExecution) : null;
        }
    }
}
