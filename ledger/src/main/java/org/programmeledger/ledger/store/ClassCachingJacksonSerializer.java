package org.programmeledger.ledger.store;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * Axon's Jackson serializer, with the class of each stored type name looked up once. Axon's asks Jackson's type
 * factory, which asks the class loader, for every event it reads, twice (the serialized type when the event is read,
 * again when its payload is decoded): a sixth of a replay's reading and decoding at 10^5 events (BENCHMARKS.md,
 * round 11). Its classes depend on the name alone; a name of no class is left to Axon, which tells it as unknown.
 */
final class ClassCachingJacksonSerializer extends JacksonSerializer {

    @SuppressWarnings("rawtypes")
    private final Map<String, Class> classes = new ConcurrentHashMap<>();

    ClassCachingJacksonSerializer(Builder builder) {
        super(builder);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class classForType(SerializedType type) {
        if (SimpleSerializedType.emptyType().equals(type)) {
            return super.classForType(type);
        }
        Class known = classes.get(type.getName());
        if (known != null) {
            return known;
        }
        Class found = super.classForType(type);
        if (found != UnknownSerializedType.class) {
            classes.put(type.getName(), found);
        }
        return found;
    }
}
