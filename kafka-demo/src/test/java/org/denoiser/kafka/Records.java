package org.denoiser.kafka;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.denoiser.kafka.worker.MessageHeaders;

/** Small readers for test assertions on records. */
final class Records {
    private Records() {}

    static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        return MessageHeaders.text(record.headers(), name).orElse(null);
    }

    static String key(ConsumerRecord<byte[], byte[]> record) {
        return record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
    }
}
