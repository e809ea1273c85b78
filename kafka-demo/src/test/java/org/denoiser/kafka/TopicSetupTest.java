package org.denoiser.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.denoiser.kafka.worker.ClientSettings;
import org.denoiser.kafka.worker.TopicSetup;
import org.denoiser.kafka.worker.WorkerConfig;
import org.junit.jupiter.api.Test;

/** Topic set-up as N replicas do it: at the same moment, on topics that may or may not exist. */
class TopicSetupTest extends BrokerTest {
    @Test
    void threeInstancesSettingUpNewTopicsAtTheSameMomentAllSucceed() throws Exception {
        kafka.createTopics(6, "race-in");
        int instances = 3;
        CyclicBarrier together = new CyclicBarrier(instances);
        ExecutorService threads = Executors.newFixedThreadPool(instances);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int i = 0; i < instances; i++) {
                WorkerConfig config = TestWorkers.config(kafka.bootstrapServers(), "race-in", "race-out", Map.of("instance.id", "r-" + i));
                results.add(threads.submit(() -> {
                    try (Admin admin = Admin.create(ClientSettings.admin(config))) {
                        together.await();
                        return TopicSetup.prepare(admin, config);
                    }
                }));
            }
            for (Future<List<String>> result : results) {
                assertEquals(List.of(), result.get(), "no instance fails and none sees a difference");
            }
        } finally {
            threads.shutdownNow();
        }
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            var topics = admin.describeTopics(List.of("race-out", "race-in.dlq")).allTopicNames().get();
            topics.values().forEach(t -> assertEquals(6, t.partitions().size(), t.name() + " made like the input"));
        }
    }

    @Test
    void aTopicSomeoneElseMadeDifferentlyIsReported() throws Exception {
        kafka.createTopics(2, "diff-in");
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic("diff-out", 3, (short) 1).configs(Map.of("max.message.bytes", "100000"))))
                    .all().get();
        }
        WorkerConfig config = TestWorkers.config(kafka.bootstrapServers(), "diff-in", "diff-out", Map.of());
        List<String> warnings;
        try (Admin admin = Admin.create(ClientSettings.admin(config))) {
            warnings = TopicSetup.prepare(admin, config);
        }
        assertEquals(2, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("diff-out") && warnings.stream().anyMatch(w -> w.contains("at most 100000 bytes")),
                warnings.toString());
        assertTrue(warnings.stream().anyMatch(w -> w.contains("has 3 partitions and the input topic diff-in has 2")), warnings.toString());
    }

    @Test
    void aMissingInputTopicIsAConfigurationError() {
        WorkerConfig config = TestWorkers.config(kafka.bootstrapServers(), "no-such-in", "x-out", Map.of());
        try (Admin admin = Admin.create(ClientSettings.admin(config))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TopicSetup.prepare(admin, config));
            assertTrue(e.getMessage().contains("input topic 'no-such-in' does not exist"), e.getMessage());
        }
    }
}
