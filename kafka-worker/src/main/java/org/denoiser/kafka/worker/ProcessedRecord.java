package org.denoiser.kafka.worker;

import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * What one input record became: a denoised record for the output topic, or the original record
 * for the dead-letter topic. Either way it is produced in the transaction that commits the
 * input's offset.
 *
 * @param record the record to produce
 * @param failed true when {@code record} goes to the dead-letter topic
 * @param receivedNanos when the worker took the input from poll(), for the latency metric
 */
record ProcessedRecord(ProducerRecord<byte[], byte[]> record, boolean failed, ErrorKind error, long receivedNanos) {}
