package org.denoiser.kafka.worker;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.CorruptRecordException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Produces finished results and their input offsets in one transaction.
 *
 * <p>When Kafka refuses a record for what it is (too large for its topic, say), retrying it can
 * never succeed: the transaction is aborted and sent again at once with that record replaced by
 * its {@link ProcessedRecord#fallback() fallback} (an output by a dead letter, a dead letter by a
 * smaller one, at last by nothing). Each record has a short chain of fallbacks, so this ends.
 * Other failures (a broker that is away) are left to the caller, which re-reads from the last
 * committed offsets; failures after which this instance must not go on end the worker.
 */
final class OutputTransactions {
    private static final Logger LOG = LoggerFactory.getLogger(OutputTransactions.class);

    private final Producer<byte[], byte[]> producer;

    OutputTransactions(Producer<byte[], byte[]> producer) {
        this.producer = producer;
    }

    /**
     * Commits {@code results} with {@code offsets}.
     *
     * @return what was committed (results, some replaced by their fallbacks), or empty when the
     *     transaction was aborted for a reason that may pass, so the caller should read again
     * @throws WorkerFailure when this instance cannot go on (fenced, not authorized, ...)
     */
    Optional<List<ProcessedRecord>> commit(List<ProcessedRecord> results, Map<TopicPartition, OffsetAndMetadata> offsets,
            ConsumerGroupMetadata group) {
        List<ProcessedRecord> current = new ArrayList<>(results);
        while (true) {
            List<Future<RecordMetadata>> sends = new ArrayList<>();
            try {
                producer.beginTransaction();
                for (ProcessedRecord result : current) {
                    sends.add(result.skipped() ? null : producer.send(result.record()));
                }
                producer.sendOffsetsToTransaction(offsets, group);
                producer.commitTransaction();
                return Optional.of(current);
            } catch (ProducerFencedException | InvalidProducerEpochException | OutOfOrderSequenceException
                    | AuthorizationException | AuthenticationException | UnsupportedVersionException e) {
                throw new WorkerFailure("the worker cannot go on: " + e.getMessage(), e);
            } catch (KafkaException e) {
                abort();
                if (!replaceRefused(current, sends)) {
                    LOG.warn("transaction failed, aborted it; re-reading from the last committed offsets: {}", e.getMessage());
                    return Optional.empty();
                }
            }
        }
    }

    /**
     * Replaces each record Kafka refused for what it is by its fallback; false when there was none.
     * When one record of a transaction is refused, the producer fails the batches still waiting
     * with the same error, so a refusal on a send does not prove that this record was the cause:
     * each suspect is sent again alone, in a transaction that is always aborted (read_committed
     * consumers never see it), and only those refused alone are replaced.
     */
    private boolean replaceRefused(List<ProcessedRecord> current, List<Future<RecordMetadata>> sends) {
        boolean replaced = false;
        for (int i = 0; i < sends.size(); i++) {
            ProcessedRecord result = current.get(i);
            if (refusalOf(sends.get(i)) == null || result.fallback() == null) {
                continue;
            }
            RuntimeException refusal = refusedAlone(result);
            if (refusal != null) {
                LOG.warn("Kafka refused a record for {}: {}", result.record().topic(), refusal.getMessage());
                current.set(i, result.fallback().instead(refusal));
                replaced = true;
            }
        }
        return replaced;
    }

    /** Sends one record in a transaction of its own, then aborts it; returns why Kafka refused it, or null. */
    private RuntimeException refusedAlone(ProcessedRecord result) {
        Future<RecordMetadata> send;
        try {
            producer.beginTransaction();
            send = producer.send(result.record());
            producer.flush();
        } catch (ProducerFencedException | InvalidProducerEpochException | OutOfOrderSequenceException
                | AuthorizationException | AuthenticationException | UnsupportedVersionException e) {
            throw new WorkerFailure("the worker cannot go on: " + e.getMessage(), e);
        } catch (KafkaException e) {
            abort();
            return null;
        }
        abort();
        return refusalOf(send);
    }

    /** The error of a send that failed because of the record itself, or null. */
    private static RuntimeException refusalOf(Future<RecordMetadata> send) {
        if (send == null || !send.isDone()) {
            return null;
        }
        try {
            send.get();
            return null;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            boolean aboutTheRecord = cause instanceof RecordTooLargeException || cause instanceof RecordBatchTooLargeException
                    || cause instanceof InvalidRecordException || cause instanceof CorruptRecordException
                    || cause instanceof InvalidTopicException;
            return aboutTheRecord ? (RuntimeException) cause : null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private void abort() {
        try {
            producer.abortTransaction();
        } catch (KafkaException e) {
            throw new WorkerFailure("cannot abort a failed transaction: " + e.getMessage(), e);
        }
    }
}
