package org.denoiser.kafka.worker;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigValue;

/**
 * Checks the settings passed through to the Kafka clients ({@code kafka.*} to all,
 * {@code consumer.*}, {@code producer.*}) against the clients' own definitions, so that a
 * misspelled {@code kafka.securty.protocol} or a bad {@code consumer.session.timeout.ms} is an
 * error at start instead of a warning in the log (or nothing at all).
 */
final class ClientOverrides {
    static final String ALL = "kafka.";
    static final String CONSUMER = "consumer.";
    static final String PRODUCER = "producer.";

    /** What exactly-once processing depends on: set by the worker, never passed through. */
    private static final Set<String> MANAGED = Set.of("bootstrap.servers", "group.id", "group.instance.id", "isolation.level",
            "enable.auto.commit", "transactional.id", "enable.idempotence", "key.serializer", "value.serializer",
            "key.deserializer", "value.deserializer");

    private ClientOverrides() {}

    static boolean isClientKey(String key) {
        return key.startsWith(ALL) || key.startsWith(CONSUMER) || key.startsWith(PRODUCER);
    }

    /** Every pass-through key the clients know, with its prefix: the candidates for "did you mean". */
    static Set<String> knownKeys() {
        Set<String> keys = new TreeSet<>();
        allClientNames().forEach(name -> keys.add(ALL + name));
        ConsumerConfig.configNames().forEach(name -> keys.add(CONSUMER + name));
        ProducerConfig.configNames().forEach(name -> keys.add(PRODUCER + name));
        return keys;
    }

    /**
     * Adds a problem for each override that no client knows, that the worker manages itself, or
     * whose value the client would reject.
     *
     * @param hints the text to append to an unknown key's problem (a "did you mean")
     */
    static void check(Map<String, String> overrides, List<String> problems, Function<String, String> hints) {
        for (String key : overrides.keySet()) {
            String name = key.substring(key.indexOf('.') + 1);
            if (!namesFor(key).contains(name)) {
                problems.add("unknown setting '" + key + "'" + hints.apply(key));
            } else if (MANAGED.contains(name)) {
                problems.add(key + " cannot be set: the worker sets " + name + " itself (exactly-once processing depends on it;"
                        + " use the worker's own settings such as bootstrap.servers or group.id)");
            }
        }
        Set<String> valueProblems = new LinkedHashSet<>();
        valueProblems.addAll(invalidValues(ConsumerConfig.configDef(), overrides, CONSUMER));
        valueProblems.addAll(invalidValues(ProducerConfig.configDef(), overrides, PRODUCER));
        valueProblems.addAll(invalidValues(AdminClientConfig.configDef(), overrides, null));
        problems.addAll(valueProblems);
    }

    private static Set<String> namesFor(String key) {
        if (key.startsWith(CONSUMER)) {
            return ConsumerConfig.configNames();
        }
        if (key.startsWith(PRODUCER)) {
            return ProducerConfig.configNames();
        }
        return allClientNames();
    }

    private static Set<String> allClientNames() {
        Set<String> names = new TreeSet<>(AdminClientConfig.configNames());
        names.addAll(ConsumerConfig.configNames());
        names.addAll(ProducerConfig.configNames());
        return names;
    }

    /** The client's own validation of the values given for it (kafka.* and its own prefix). */
    private static Collection<String> invalidValues(ConfigDef definition, Map<String, String> overrides, String ownPrefix) {
        Map<String, String> given = new HashMap<>();
        Map<String, String> keyOf = new HashMap<>();
        overrides.forEach((key, value) -> {
            String name = key.substring(key.indexOf('.') + 1);
            boolean forThisClient = key.startsWith(ALL) || (ownPrefix != null && key.startsWith(ownPrefix));
            if (forThisClient && definition.names().contains(name)) {
                given.put(name, value);
                keyOf.put(name, key);
            }
        });
        Set<String> problems = new LinkedHashSet<>();
        for (ConfigValue value : definition.validate(given)) {
            if (given.containsKey(value.name())) {
                value.errorMessages().forEach(m -> problems.add(keyOf.get(value.name()) + ": " + m));
            }
        }
        return problems;
    }
}
