package org.denoiser.kafka.worker;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates image topics with room for large records, and checks existing ones. */
public final class TopicSetup {
    private static final Logger LOG = LoggerFactory.getLogger(TopicSetup.class);

    private TopicSetup() {}

    /**
     * Creates each missing topic with {@code partitions} partitions and {@code max.message.bytes}
     * for records of {@code maxRecordBytes}; returns the names it created.
     */
    public static Set<String> create(Admin admin, Collection<String> topics, int partitions, int maxRecordBytes) {
        Set<String> existing = await(admin.listTopics().names(), "list topics");
        List<NewTopic> missing = new ArrayList<>();
        for (String topic : topics) {
            if (!existing.contains(topic)) {
                missing.add(new NewTopic(topic, partitions, (short) -1).configs(Map.of(
                        TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(maxRecordBytes + ClientSettings.FRAMING_BYTES),
                        TopicConfig.COMPRESSION_TYPE_CONFIG, "producer")));
            }
        }
        if (!missing.isEmpty()) {
            await(admin.createTopics(missing).all(), "create topics " + missing);
        }
        return missing.stream().map(NewTopic::name).collect(java.util.stream.Collectors.toSet());
    }

    /**
     * At worker start: the input topic must exist; the output and dead-letter topics are created
     * like it when missing (if allowed), and topics too small for {@code max.record.bytes} are
     * reported.
     */
    static void prepare(Admin admin, WorkerConfig config) {
        Map<String, TopicDescription> input;
        try {
            input = admin.describeTopics(List.of(config.inputTopic())).allTopicNames().get();
        } catch (ExecutionException e) {
            throw new IllegalArgumentException("input topic '" + config.inputTopic() + "' cannot be read at "
                    + config.bootstrapServers() + ": " + e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking topics", e);
        }
        Set<String> created = Set.of();
        if (config.createTopics()) {
            int partitions = input.get(config.inputTopic()).partitions().size();
            created = create(admin, List.of(config.outputTopic(), config.dlqTopic()), partitions, config.maxRecordBytes());
        }
        Set<String> existing = new java.util.HashSet<>(List.of(config.inputTopic(), config.outputTopic(), config.dlqTopic()));
        existing.removeAll(created);
        warnAboutSmallTopics(admin, existing, config.maxRecordBytes());
    }

    /** Topics made here have the right size; older ones may not. */
    private static void warnAboutSmallTopics(Admin admin, Set<String> topics, int maxRecordBytes) {
        List<ConfigResource> resources = topics.stream().map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t)).toList();
        Map<ConfigResource, Config> configs = await(admin.describeConfigs(resources).all(), "describe topics");
        configs.forEach((resource, topicConfig) -> {
            var entry = topicConfig.get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG);
            if (entry != null && Long.parseLong(entry.value()) < maxRecordBytes) {
                LOG.warn("topic {} accepts records of at most {} bytes (max.message.bytes), less than max.record.bytes = {};"
                        + " larger images will fail there", resource.name(), entry.value(), maxRecordBytes);
            }
        });
    }

    private static <T> T await(org.apache.kafka.common.KafkaFuture<T> future, String what) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot " + what + ": " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while trying to " + what, e);
        }
    }
}
