package org.programmeledger.ledger.period;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
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
 * events have the same fingerprint exactly when they are equal, but for a chance of 2^-128.
 */
record Fingerprint(long high, long low) {

    private static final ClassValue<Method[]> ACCESSORS = new ClassValue<>() {
        @Override
        protected Method[] computeValue(Class<?> type) {
            return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getAccessor).toArray(Method[]::new);
        }
    };

    static Fingerprint of(Record event) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            write(event, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ByteBuffer digest = ByteBuffer.wrap(sha256().digest(bytes.toByteArray()));
        return new Fingerprint(digest.getLong(), digest.getLong());
    }

    /**
     * Each value tagged and its length given, so that no two unequal events write the same bytes; leaves (numbers,
     * dates, enums) by their text, which tells unequal values apart (a BigDecimal's keeps its scale, as its equals).
     */
    private static void write(Object value, DataOutputStream out) throws IOException {
        if (value == null) {
            out.writeByte(0);
        } else if (value instanceof Record record) {
            out.writeByte(1);
            for (Method accessor : ACCESSORS.get(record.getClass())) {
                write(component(record, accessor), out);
            }
        } else if (value instanceof List<?> list) {
            out.writeByte(2);
            out.writeInt(list.size());
            for (Object element : list) {
                write(element, out);
            }
        } else {
            String text = value.toString();
            out.writeByte(3);
            out.writeInt(text.length());
            out.writeChars(text);
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
