package org.denoiser.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.denoiser.io.ImageCodec;
import org.denoiser.kafka.bench.WorkerProcesses;
import org.denoiser.kafka.client.ImagePublisher;
import org.denoiser.kafka.client.RecordCollector;
import org.denoiser.kafka.demo.SampleImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three worker processes started at the same moment on new output topics, as the replicas of a
 * deployment start; then one is scaled away with SIGTERM mid-stream. All must start, no image
 * may be lost or duplicated, and the stopped instance's partitions must produce output again
 * within 10 s (static membership alone would leave them idle for the 45 s session timeout).
 */
class ReplicasTest extends BrokerTest {
    private static final int REPLICAS = 3;
    private static final int PARTITIONS = 6;
    private static final int IMAGES = 300;
    private static final int IMAGES_PER_SECOND = 10;
    private static final int SIGTERM_AFTER_IMAGES = 100;
    @TempDir
    Path logs;

    @Test
    void replicasStartTogetherAndOneScalesDownInSeconds() throws Exception {
        kafka.createTopics(PARTITIONS, "rep-in");
        byte[] image = ImageCodec.defaults().encode(SampleImages.camera(48).noisy());
        List<Process> workers = new ArrayList<>();
        try (RecordCollector collector = collector("rep-out", "rep-in"); ImagePublisher publisher = publisher()) {
            for (int i = 0; i < REPLICAS; i++) {
                workers.add(WorkerProcesses.start(logs.resolve("replica-" + i + ".log"), Map.of("DENOISER_METRICS_INTERVAL_S", "0"),
                        "--bootstrap", kafka.bootstrapServers(), "--in", "rep-in", "--out", "rep-out", "--threads", "1",
                        "--group", "replicas", "--instance-id", "replica-" + i));
            }
            awaitStableGroup("replicas", REPLICAS, workers);

            Map<Integer, List<Long>> arrivals = new TreeMap<>();
            Set<String> keys = new HashSet<>();
            List<String> duplicates = new ArrayList<>();
            long sigterm = 0;
            long period = 1_000_000_000L / IMAGES_PER_SECOND;
            long start = System.nanoTime();
            int collected = 0;
            for (int sent = 0; sent < IMAGES || (collected < IMAGES && System.nanoTime() - start < 300e9); ) {
                if (sent < IMAGES && System.nanoTime() - start >= sent * period) {
                    publisher.send("rep-in", "img-" + sent, image, Map.of());
                    sent++;
                    if (sent == SIGTERM_AFTER_IMAGES) {
                        publisher.flush();
                        workers.get(0).destroy(); // SIGTERM: the replica is scaled away
                        sigterm = System.nanoTime();
                    }
                }
                for (var record : collector.collect(1, Duration.ofMillis(20))) {
                    assertEquals("rep-out", record.topic(), Records.header(record, "denoise.error"));
                    if (!keys.add(Records.key(record))) {
                        duplicates.add(Records.key(record));
                    }
                    arrivals.computeIfAbsent(record.partition(), p -> new ArrayList<>()).add(System.nanoTime());
                    collected++;
                }
            }
            double publishing = IMAGES / (double) IMAGES_PER_SECOND;
            Map<Integer, Double> longestGap = longestGapsAfter(arrivals, sigterm, start + (long) (publishing * 1e9));
            System.out.printf("SIGTERM of 1 of %d replicas: longest pause of output per partition after it (s): %s%n", REPLICAS,
                    longestGap);
            assertTrue(workers.get(0).waitFor(60, TimeUnit.SECONDS), "the SIGTERMed replica stops");
            assertEquals(List.of(), duplicates, "no duplicates");
            assertEquals(IMAGES, keys.size(), "one output for every input");
            longestGap.forEach((partition, gap) -> assertTrue(gap < 10, "partition " + partition + " produced nothing for " + gap + " s"));
            for (int i = 1; i < REPLICAS; i++) {
                assertTrue(workers.get(i).isAlive(), "replica " + i + " is still running");
            }
        } finally {
            workers.forEach(Process::destroy);
            for (Process worker : workers) {
                worker.waitFor(60, TimeUnit.SECONDS);
            }
        }
        for (int i = 0; i < REPLICAS; i++) {
            String log = Files.readString(logs.resolve("replica-" + i + ".log"));
            assertFalse(log.contains("already exists") || log.contains("internal error") || log.contains("\tat "),
                    "replica " + i + " log:\n" + log);
        }
    }

    /** Waits until every replica is a member and the group has settled, so each owns partitions. */
    private static void awaitStableGroup(String group, int members, List<Process> workers) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            while (System.nanoTime() < deadline) {
                workers.forEach(w -> assertTrue(w.isAlive(), "a replica died at start"));
                try {
                    ConsumerGroupDescription d = admin.describeConsumerGroups(List.of(group)).all().get().get(group);
                    if (d.members().size() == members && d.groupState() == GroupState.STABLE) {
                        return;
                    }
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof GroupIdNotFoundException)) {
                        throw e;
                    }
                }
                Thread.sleep(500);
            }
        }
        throw new AssertionError("the replicas did not form a stable group of " + members);
    }

    /** Per partition, the longest time without output between {@code from} and {@code until}, in seconds. */
    private static Map<Integer, Double> longestGapsAfter(Map<Integer, List<Long>> arrivals, long from, long until) {
        Map<Integer, Double> gaps = new TreeMap<>();
        arrivals.forEach((partition, times) -> {
            long previous = from;
            long longest = 0;
            for (long t : times) {
                if (t > from && t <= until) {
                    longest = Math.max(longest, t - previous);
                    previous = t;
                }
            }
            gaps.put(partition, Math.round(longest / 1e8) / 10.0);
        });
        return gaps;
    }
}
