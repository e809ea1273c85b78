package org.denoiser.kafka.worker;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates image topics with room for large records, and checks existing ones.
 *
 * <p>Creation is idempotent, because N replicas of a deployment start at the same moment and
 * all try to create the same topics: "already exists" is success, and a topic someone else made
 * is checked like any existing one (partitions, {@code max.message.bytes}) with a warning for
 * each difference that matters.
 */
public final class TopicSetup {
    private static final Logger LOG = LoggerFactory.getLogger(TopicSetup.class);
    private static final int NEW_TOPIC_ATTEMPTS = 25;
    private static final long NEW_TOPIC_RETRY_MILLIS = 200;

    private TopicSetup() {}

    /**
     * Creates each missing topic with {@code partitions} partitions and {@code max.message.bytes}
     * for records of {@code maxRecordBytes}; returns the names it created (not those that
     * existed, or that another client created meanwhile).
     *
     * @throws org.apache.kafka.common.KafkaException when Kafka refuses or cannot be reached
     */
    public static Set<String> create(Admin admin, Collection<String> topics, int partitions, int maxRecordBytes) {
        List<NewTopic> wanted = new ArrayList<>();
        for (String topic : topics) {
            wanted.add(new NewTopic(topic, partitions, (short) -1).configs(Map.of(
                    TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(maxMessageBytes(maxRecordBytes)),
                    TopicConfig.COMPRESSION_TYPE_CONFIG, "producer")));
        }
        CreateTopicsResult result = admin.createTopics(wanted);
        Set<String> created = new HashSet<>();
        for (Map.Entry<String, KafkaFuture<Void>> entry : result.values().entrySet()) {
            try {
                await(entry.getValue());
                created.add(entry.getKey());
            } catch (TopicExistsException e) {
                LOG.debug("topic {} exists already", entry.getKey());
            }
        }
        return created;
    }

    /** The topic setting that lets records of {@code maxRecordBytes} in, with room for headers. */
    static int maxMessageBytes(int maxRecordBytes) {
        return maxRecordBytes + ClientSettings.FRAMING_BYTES;
    }

    /**
     * At worker start: the input topic must exist; the output and dead-letter topics are created
     * like it when missing (if allowed); topics that existed are checked.
     *
     * @return what will fail or surprise later, each also logged as a warning
     * @throws IllegalArgumentException when the input topic does not exist
     * @throws WorkerFailure when Kafka cannot be reached or refuses, naming why
     */
    public static List<String> prepare(Admin admin, WorkerConfig config) {
        List<String> all = List.of(config.inputTopic(), config.outputTopic(), config.dlqTopic());
        try {
            int partitions = inputPartitions(admin, config);
            Set<String> created = config.createTopics()
                    ? create(admin, List.of(config.outputTopic(), config.dlqTopic()), partitions, config.maxRecordBytes())
                    : Set.of();
            if (!created.isEmpty()) {
                LOG.info("created {} with {} partitions", created, partitions);
            }
            Set<String> existing = new HashSet<>(all);
            existing.removeAll(created);
            List<String> warnings = check(admin, existing, config, partitions);
            warnings.forEach(LOG::warn);
            return warnings;
        } catch (RuntimeException e) {
            throw KafkaErrors.explain("set up the topics " + all, e, config);
        }
    }

    /** Warns about what will fail or surprise later: topics too small for the images, partition counts that differ. */
    private static List<String> check(Admin admin, Set<String> topics, WorkerConfig config, int inputPartitions) {
        List<String> warnings = new ArrayList<>();
        Map<String, Integer> partitions = whenKnown(() -> partitions(admin, topics));
        List<ConfigResource> resources = topics.stream().map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t)).toList();
        Map<ConfigResource, Config> configs = whenKnown(() -> await(admin.describeConfigs(resources).all()));
        configs.forEach((resource, topicConfig) -> {
            ConfigEntry entry = topicConfig.get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG);
            if (entry != null && Long.parseLong(entry.value()) < config.maxRecordBytes()) {
                warnings.add("topic " + resource.name() + " accepts records of at most " + entry.value() + " bytes"
                        + " (max.message.bytes), less than max.record.bytes = " + config.maxRecordBytes() + "; larger images"
                        + " are dead-lettered or, where the dead-letter topic is too small, dead-lettered without their value");
            }
        });
        partitions.forEach((topic, count) -> {
            if (!topic.equals(config.inputTopic()) && count != inputPartitions) {
                warnings.add("topic " + topic + " has " + count + " partitions and the input topic " + config.inputTopic()
                        + " has " + inputPartitions + " (images keep their keys, so per-key order holds, but output partition i"
                        + " no longer matches input partition i)");
            }
        });
        return warnings;
    }

    /**
     * Runs {@code describe}, again for a few seconds while a topic is unknown: a topic another
     * replica created a moment ago ("already exists" here) may not have reached every broker's
     * metadata yet.
     */
    private static <T> T whenKnown(Supplier<T> describe) {
        for (int attempt = 1; ; attempt++) {
            try {
                return describe.get();
            } catch (UnknownTopicOrPartitionException e) {
                if (attempt == NEW_TOPIC_ATTEMPTS) {
                    throw e;
                }
                sleep(NEW_TOPIC_RETRY_MILLIS);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WorkerFailure("interrupted while setting up the topics", e);
        }
    }

    private static int inputPartitions(Admin admin, WorkerConfig config) {
        try {
            return whenKnown(() -> partitions(admin, List.of(config.inputTopic()))).get(config.inputTopic());
        } catch (UnknownTopicOrPartitionException e) {
            throw new IllegalArgumentException("input topic '" + config.inputTopic() + "' does not exist at " + config.bootstrapServers());
        }
    }

    private static Map<String, Integer> partitions(Admin admin, Collection<String> topics) {
        Map<String, TopicDescription> descriptions = await(admin.describeTopics(topics).allTopicNames());
        Map<String, Integer> counts = new HashMap<>();
        descriptions.forEach((name, d) -> counts.put(name, d.partitions().size()));
        return counts;
    }

    /** The future's value; its failure is rethrown as the Kafka exception it is. */
    private static <T> T await(KafkaFuture<T> future) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WorkerFailure("interrupted while setting up the topics", e);
        }
    }
}
