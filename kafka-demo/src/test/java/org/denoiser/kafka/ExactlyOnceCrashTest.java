package org.denoiser.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.denoiser.io.ImageCodec;
import org.denoiser.kafka.bench.WorkerProcesses;
import org.denoiser.kafka.client.ImagePublisher;
import org.denoiser.kafka.client.RecordCollector;
import org.denoiser.kafka.demo.SampleImages;
import org.denoiser.kafka.worker.MessageHeaders;
import org.denoiser.kafka.worker.WorkerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worker runs as its own process ({@code denoiser worker}, as in production) and is killed
 * with SIGKILL three times while 240 images flow; a fourth instance finishes the stream and is
 * stopped with SIGTERM. Every input must then have exactly one committed output, and the
 * dead-letter topic must be empty.
 */
class ExactlyOnceCrashTest extends BrokerTest {
    private static final int IMAGES = 240;
    private static final int PARTITIONS = 3;
    private static final int[] KILL_AFTER_OUTPUTS = {30, 100, 170};
    @TempDir
    Path logs;

    @Test
    void everyImageHasExactlyOneOutputAfterThreeKills() throws Exception {
        kafka.createTopics(PARTITIONS, "eo-in");
        byte[] image = ImageCodec.defaults().encode(SampleImages.camera(48).noisy());
        try (ImagePublisher publisher = publisher()) {
            for (int i = 0; i < IMAGES; i++) {
                publisher.send("eo-in", "img-" + i, image, Map.of(MessageHeaders.CORRELATION_ID, "img-" + i));
            }
        }
        List<ConsumerRecord<byte[], byte[]>> outputs = new ArrayList<>();
        try (RecordCollector collector = collector("eo-out", "eo-in")) {
            for (int kill = 0; kill < KILL_AFTER_OUTPUTS.length; kill++) {
                Process worker = startWorker(kill);
                try {
                    while (outputs.size() < KILL_AFTER_OUTPUTS[kill]) {
                        assertTrue(worker.isAlive(), "worker " + kill + " died on its own; see " + logs);
                        outputs.addAll(collector.collect(1, Duration.ofMillis(200)));
                    }
                } finally {
                    worker.destroyForcibly(); // SIGKILL: no shutdown hook, open transaction left behind
                    worker.waitFor(30, TimeUnit.SECONDS);
                }
                System.out.printf("SIGKILL %d after %d committed outputs%n", kill + 1, outputs.size());
                assertTrue(outputs.size() < IMAGES, "the kill must land while images still flow");
            }
            Process last = startWorker(KILL_AFTER_OUTPUTS.length);
            outputs.addAll(collector.collect(IMAGES - outputs.size(), Duration.ofMinutes(3)));
            // Anything a duplicate would add arrives after the last expected record: keep listening a while.
            outputs.addAll(collector.collect(Integer.MAX_VALUE, Duration.ofSeconds(3)));
            last.destroy(); // SIGTERM: graceful
            assertTrue(last.waitFor(60, TimeUnit.SECONDS), "the worker stops on SIGTERM");
            System.out.println("last worker exit code after SIGTERM: " + last.exitValue());
        }
        Set<String> keys = new HashSet<>();
        for (ConsumerRecord<byte[], byte[]> record : outputs) {
            assertEquals("eo-out", record.topic(), "nothing in the dead-letter topic");
            assertTrue(keys.add(Records.key(record)), "duplicate output for " + Records.key(record));
        }
        assertEquals(IMAGES, keys.size(), "one output for every input");
    }

    private Process startWorker(int run) throws Exception {
        return WorkerProcesses.start(logs.resolve("worker-" + run + ".log"), Map.of("DENOISER_METRICS_INTERVAL_S", "1"),
                "--bootstrap", kafka.bootstrapServers(), "--in", "eo-in", "--out", "eo-out", "--threads", "2",
                "--instance-id", "crash-test");
    }
}
