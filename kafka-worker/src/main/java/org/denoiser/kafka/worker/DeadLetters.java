package org.denoiser.kafka.worker;

import java.util.Arrays;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the dead-letter record of an input the worker cannot denoise: the original key, value
 * and headers plus headers saying why and where it came from.
 *
 * <p>A dead letter must never wedge its partition, so each comes with a smaller fallback for
 * when Kafka refuses it (a dead-letter topic made by someone else with a small
 * {@code max.message.bytes}, say): first the whole value (or its first {@value #PREVIEW_BYTES}
 * bytes when it is larger than {@code max.record.bytes}), then the headers with an empty value,
 * then nothing at all: the input is logged and skipped, and its offset committed with the rest.
 * The original stays in the input topic (source topic, partition and offset are in the headers).
 */
final class DeadLetters {
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);
    /** Enough for any image header, so a truncated dead letter still shows what the file claimed to be. */
    static final int PREVIEW_BYTES = 64 * 1024;

    private final String topic;
    private final int maxValueBytes;

    DeadLetters(String topic, int maxValueBytes) {
        this.topic = topic;
        this.maxValueBytes = maxValueBytes;
    }

    /** The dead letter for {@code in}, with its fallbacks. */
    ProcessedRecord of(ConsumerRecord<byte[], byte[]> in, ErrorKind kind, String reason, long receivedNanos) {
        int length = in.value() == null ? 0 : in.value().length;
        int kept = length <= maxValueBytes ? length : PREVIEW_BYTES;
        return new ProcessedRecord(record(in, kind, reason, kept), kind, receivedNanos,
                refusal -> headersOnly(in, kind, reason, receivedNanos));
    }

    private ProcessedRecord headersOnly(ConsumerRecord<byte[], byte[]> in, ErrorKind kind, String reason, long receivedNanos) {
        return new ProcessedRecord(record(in, kind, reason, 0), kind, receivedNanos, refusal -> {
            LOG.error("record {}-{}@{} cannot be dead-lettered ({}: {}); it is skipped and its offset committed."
                    + " Why it was not denoised: {}", in.topic(), in.partition(), in.offset(), topic, refusal.getMessage(), reason);
            return new ProcessedRecord(null, kind, receivedNanos, null);
        });
    }

    private ProducerRecord<byte[], byte[]> record(ConsumerRecord<byte[], byte[]> in, ErrorKind kind, String reason, int keptBytes) {
        Headers headers = new RecordHeaders(in.headers().toArray());
        MessageHeaders.put(headers, MessageHeaders.ERROR, reason);
        MessageHeaders.put(headers, MessageHeaders.ERROR_TYPE, kind.headerValue());
        MessageHeaders.put(headers, MessageHeaders.SOURCE_TOPIC, in.topic());
        MessageHeaders.put(headers, MessageHeaders.SOURCE_PARTITION, String.valueOf(in.partition()));
        MessageHeaders.put(headers, MessageHeaders.SOURCE_OFFSET, String.valueOf(in.offset()));
        byte[] value = in.value();
        if (value != null && keptBytes < value.length) {
            MessageHeaders.put(headers, MessageHeaders.VALUE_TRUNCATED_FROM, String.valueOf(value.length));
            MessageHeaders.put(headers, MessageHeaders.INPUT_SHA256, ImageProcessor.sha256(value));
            value = Arrays.copyOf(value, keptBytes);
        }
        return new ProducerRecord<>(topic, null, in.key(), value, headers);
    }
}
