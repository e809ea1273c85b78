package org.denoiser.kafka;

import java.util.List;
import org.denoiser.kafka.broker.EmbeddedKafka;
import org.denoiser.kafka.client.ImagePublisher;
import org.denoiser.kafka.client.RecordCollector;
import org.denoiser.kafka.worker.WorkerConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Base of the tests against a real broker: one embedded broker per test class, and its clients. */
abstract class BrokerTest {
    static EmbeddedKafka kafka;

    @BeforeAll
    static void startBroker() {
        kafka = EmbeddedKafka.start();
    }

    @AfterAll
    static void stopBroker() {
        kafka.close();
    }

    static ImagePublisher publisher() {
        return new ImagePublisher(kafka.bootstrapServers(), WorkerConfig.DEFAULT_MAX_RECORD_BYTES);
    }

    /** Reads committed records of the output topic and the input's dead-letter topic. */
    static RecordCollector collector(String outputTopic, String inputTopic) {
        return new RecordCollector(kafka.bootstrapServers(), List.of(outputTopic, inputTopic + ".dlq"),
                WorkerConfig.DEFAULT_MAX_RECORD_BYTES);
    }
}
