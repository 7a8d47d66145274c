package org.programmeledger.ledger.store;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.GenericDomainEventEntry;

/**
 * A row of the event table as Axon's entry, its recording time read without a {@code DateTimeFormatter}: Axon
 * parses the stored text with {@code ISO_OFFSET_DATE_TIME} for every event read, a quarter of a replay's reading
 * thread at 10^6 events (BENCHMARKS.md, round 11). The text the ledger stores is what Axon's
 * {@code DateTimeUtils.formatInstant} writes (UTC to the millisecond, with a 'Z'); any other is left to Axon.
 */
final class StoredEventEntry extends GenericDomainEventEntry<String> {

    private final String timeStamp;

    StoredEventEntry(String type, String aggregateIdentifier, long sequenceNumber, String eventIdentifier,
                     String timeStamp, String payloadType, String payloadRevision, String payload, String metaData) {
        super(type, aggregateIdentifier, sequenceNumber, eventIdentifier, timeStamp, payloadType, payloadRevision,
                payload, metaData);
        this.timeStamp = timeStamp;
    }

    @Override
    public Instant getTimestamp() {
        return timestamp(timeStamp);
    }

    /** A stored recording time: read directly when Axon wrote it, else by Axon's own parse. */
    static Instant timestamp(String stored) {
        Instant parsed = parseUtc(stored);
        return parsed != null ? parsed : DateTimeUtils.parseInstant(stored);
    }

    /** {@code yyyy-MM-ddTHH:mm:ss[.f]Z} with up to 9 digits of fraction, as Axon reads it; null for any other text. */
    static Instant parseUtc(String text) {
        int length = text.length();
        if (length < 20 || length > 30 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(length - 1) != 'Z') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if ((year | month | day | hour | minute | second) < 0 || hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        int nanos = 0;
        if (length > 20) {
            int fraction = length - 21;
            if (text.charAt(19) != '.' || fraction < 1) {
                return null;
            }
            nanos = digits(text, 20, fraction);
            if (nanos < 0) {
                return null;
            }
            for (int i = fraction; i < 9; i++) {
                nanos *= 10;
            }
        }
        long epochDay;
        try {
            epochDay = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException notADate) {
            return null;
        }
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    }

    /** The number written by {@code count} decimal digits from {@code from}; -1 if one is not a digit. */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char digit = text.charAt(i);
            if (digit < '0' || digit > '9') {
                return -1;
            }
            value = value * 10 + (digit - '0');
        }
        return value;
    }
}
