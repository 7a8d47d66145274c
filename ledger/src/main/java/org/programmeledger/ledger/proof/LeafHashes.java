package org.programmeledger.ledger.proof;

import java.util.List;
import java.util.function.Consumer;

/** The leaf hashes of a log, by 0-based index; a store reads them from its table, a test from a list. */
public interface LeafHashes {

    long size();

    byte[] leafHash(long index);

    /** Hands the hashes of leaves {@code from} (inclusive) to {@code to} (exclusive) to {@code sink} in order. */
    default void forEach(long from, long to, Consumer<byte[]> sink) {
        for (long index = from; index < to; index++) {
            sink.accept(leafHash(index));
        }
    }

    static LeafHashes of(List<byte[]> hashes) {
        List<byte[]> copy = List.copyOf(hashes);
        return new LeafHashes() {
            @Override
            public long size() {
                return copy.size();
            }

            @Override
            public byte[] leafHash(long index) {
                return copy.get(Math.toIntExact(index));
            }
        };
    }
}
