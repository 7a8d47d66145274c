package org.programmeledger.ledger.period;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;

/**
 * 128 bits of the SHA-256 of an event's every field, so that a period can tell a re-sent command whose event it
 * recorded (nothing to do) from one with other details (refused) without keeping the whole event in memory. Two
 * events have the same fingerprint exactly when they are equal, but for a chance of 2^-128. The hash stays a
 * cryptographic one: an importer chooses its rows, and with a fast hash that is not collision-resistant it could craft
 * a row with other details whose fingerprint equals a recorded one, which would then pass as a re-send, neither
 * recorded nor refused. (The SHA-256 itself is most of the fingerprint's 1 µs; BENCHMARKS.md round 11.)
 */
record Fingerprint(long high, long low) {

    private static final ClassValue<Method[]> ACCESSORS = new ClassValue<>() {
        @Override
        protected Method[] computeValue(Class<?> type) {
            return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getAccessor).toArray(Method[]::new);
        }
    };

    /** A digest per thread: looking one up costs more than digesting an event. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(Fingerprint::sha256);

    static Fingerprint of(Record event) {
        Bytes bytes = new Bytes();
        bytes.write(event);
        MessageDigest digest = SHA_256.get();
        digest.update(bytes.buffer, 0, bytes.length);
        ByteBuffer hash = ByteBuffer.wrap(digest.digest());
        return new Fingerprint(hash.getLong(), hash.getLong());
    }

    /**
     * An event's every field, each tagged and its length given, so that no two unequal events write the same bytes;
     * leaves (numbers, dates, enums) by their text, which tells unequal values apart (a BigDecimal's keeps its scale,
     * as its equals). Unsynchronised, unlike the JDK's streams, which cost several times the digest.
     */
    private static final class Bytes {

        private byte[] buffer = new byte[512];
        private int length;

        void write(Object value) {
            if (value == null) {
                put(0);
            } else if (value instanceof Record record) {
                put(1);
                for (Method accessor : ACCESSORS.get(record.getClass())) {
                    write(component(record, accessor));
                }
            } else if (value instanceof List<?> list) {
                put(2);
                putInt(list.size());
                for (Object element : list) {
                    write(element);
                }
            } else {
                String text = value.toString();
                put(3);
                putInt(text.length());
                for (int i = 0; i < text.length(); i++) {
                    char c = text.charAt(i);
                    put(c >>> 8);
                    put(c);
                }
            }
        }

        private void putInt(int value) {
            put(value >>> 24);
            put(value >>> 16);
            put(value >>> 8);
            put(value);
        }

        private void put(int b) {
            if (length == buffer.length) {
                buffer = Arrays.copyOf(buffer, length * 2);
            }
            buffer[length++] = (byte) b;
        }
    }

    private static Object component(Record record, Method accessor) {
        try {
            return accessor.invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + accessor + " of an event", e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
