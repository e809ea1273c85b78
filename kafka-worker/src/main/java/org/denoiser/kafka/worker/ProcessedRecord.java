package org.denoiser.kafka.worker;

import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * What one input record became: a denoised record for the output topic, the original record for
 * the dead-letter topic, or (when Kafka refused even the smallest dead letter) nothing. Either way
 * it is produced in the transaction that commits the input's offset.
 *
 * @param record the record to produce, or {@code null} when the input is skipped
 * @param error why the input could not be denoised, or {@code null} for a denoised output
 * @param receivedNanos when the worker took the input from poll(), for the latency metric
 * @param fallback what to produce instead when Kafka refuses {@code record}; {@code null} when
 *     there is nothing smaller left to try
 */
record ProcessedRecord(ProducerRecord<byte[], byte[]> record, ErrorKind error, long receivedNanos, Fallback fallback) {

    /** The next, smaller thing to produce for the same input after Kafka refused this one. */
    @FunctionalInterface
    interface Fallback {
        ProcessedRecord instead(RuntimeException refusal);
    }

    /** True when this goes to the dead-letter topic or is skipped. */
    boolean failed() {
        return error != null;
    }

    /** True when nothing is produced for the input: only its offset is committed. */
    boolean skipped() {
        return record == null;
    }
}
