package org.denoiser.kafka.worker;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consumer thread's loop: poll, hand records to the denoise threads, and commit finished
 * results together with their input offsets in one transaction.
 *
 * <p>poll() runs every few milliseconds whatever the images cost, so a slow image never exceeds
 * max.poll.interval.ms: when enough records are in flight, the partitions are paused (poll then
 * returns nothing but keeps the membership alive) and resumed when the threads catch up.
 * Transactions are short (begin, send, offsets, commit in one call), so none is open across a poll
 * and a crash anywhere leaves either all of a batch committed or none of it.
 */
final class ConsumeLoop implements ConsumerRebalanceListener {
    private static final Logger LOG = LoggerFactory.getLogger(ConsumeLoop.class);
    private static final Duration IDLE_POLL = Duration.ofMillis(100);
    private static final Duration BUSY_POLL = Duration.ofMillis(5);
    private static final long LAG_EVERY_NANOS = 1_000_000_000L;

    private final WorkerConfig config;
    private final Consumer<byte[], byte[]> consumer;
    private final Producer<byte[], byte[]> producer;
    private final ImageProcessor processor;
    private final OutputTransactions transactions;
    private final DenoisePool denoiseThreads;
    private final WorkerMetrics metrics;
    private final InFlightRecords inFlight = new InFlightRecords();
    private final int maxInFlight;
    private volatile boolean running = true;
    private long lastCommitNanos = System.nanoTime();
    private long lastLagNanos;

    ConsumeLoop(WorkerConfig config, Consumer<byte[], byte[]> consumer, Producer<byte[], byte[]> producer,
            ImageProcessor processor, DenoisePool denoiseThreads, WorkerMetrics metrics) {
        this.config = config;
        this.consumer = consumer;
        this.producer = producer;
        this.processor = processor;
        this.transactions = new OutputTransactions(producer);
        this.denoiseThreads = denoiseThreads;
        this.metrics = metrics;
        this.maxInFlight = ClientSettings.maxInFlight(config);
    }

    /** Runs until {@link #stop()}, then finishes the records in flight within the shutdown grace. */
    void run() {
        producer.initTransactions();
        consumer.subscribe(List.of(config.inputTopic()), this);
        while (running) {
            ConsumerRecords<byte[], byte[]> records;
            try {
                records = consumer.poll(inFlight.isEmpty() ? IDLE_POLL : BUSY_POLL);
            } catch (WakeupException e) {
                continue; // stop() was called
            }
            long received = System.nanoTime();
            for (ConsumerRecord<byte[], byte[]> record : records) {
                inFlight.add(record, denoiseThreads.submit(() -> processor.process(record, received)));
            }
            applyBackPressure();
            if (inFlight.hasCompletedHead() && System.nanoTime() - lastCommitNanos >= config.commitIntervalMs() * 1_000_000L) {
                commitCompleted();
            }
            updateMetrics();
        }
        drain();
    }

    /** Asks the loop to finish; safe from any thread (a shutdown hook, a test). */
    void stop() {
        running = false;
        consumer.wakeup();
    }

    private void applyBackPressure() {
        if (inFlight.size() >= maxInFlight) {
            if (consumer.paused().size() < consumer.assignment().size()) {
                consumer.pause(consumer.assignment());
            }
        } else if (!consumer.paused().isEmpty()) {
            consumer.resume(consumer.paused());
        }
    }

    /** Sends every finished result and its input offsets in one transaction. */
    private void commitCompleted() {
        InFlightRecords.Completed done = inFlight.takeCompleted();
        lastCommitNanos = System.nanoTime();
        if (done.isEmpty()) {
            return;
        }
        Optional<List<ProcessedRecord>> committed = transactions.commit(done.records(), done.offsets(), consumer.groupMetadata());
        if (committed.isEmpty()) {
            rewind();
            return;
        }
        long now = System.nanoTime();
        committed.get().forEach(r -> metrics.committed(r, now));
    }

    /** After an aborted transaction: forget the work in flight and read again from the committed offsets. */
    private void rewind() {
        inFlight.dropAll();
        Set<TopicPartition> assigned = consumer.assignment();
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(assigned);
        for (TopicPartition partition : assigned) {
            OffsetAndMetadata offset = committed.get(partition);
            if (offset != null) {
                consumer.seek(partition, offset);
            } else {
                consumer.seekToBeginning(List.of(partition));
            }
        }
    }

    private void drain() {
        long deadline = System.nanoTime() + config.shutdownGraceSeconds() * 1_000_000_000L;
        while (!inFlight.isEmpty() && System.nanoTime() < deadline) {
            if (inFlight.hasCompletedHead()) {
                commitCompleted();
            } else {
                sleep(5);
            }
        }
        if (!inFlight.isEmpty()) {
            LOG.warn("{} images were not finished within shutdown.grace.s = {}; they are not committed and will be"
                    + " processed again after restart", inFlight.size(), config.shutdownGraceSeconds());
            inFlight.dropAll();
        }
    }

    private void updateMetrics() {
        long now = System.nanoTime();
        metrics.polled();
        metrics.inFlight(inFlight.size());
        if (now - lastLagNanos >= LAG_EVERY_NANOS) {
            lastLagNanos = now;
            metrics.lag(uncommittedRecords());
        }
        metrics.maybeLog();
    }

    /**
     * Records in the assigned partitions whose offsets are not committed yet: those not fetched
     * (the consumer's lag, from its position) plus those fetched and in flight. A record that is
     * stuck counts until it is committed, so the figure never says 0 while work waits.
     */
    private long uncommittedRecords() {
        long lag = 0;
        for (TopicPartition partition : consumer.assignment()) {
            lag += consumer.currentLag(partition).orElse(0) + inFlight.size(partition);
        }
        return lag;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while finishing the images in flight", e);
        }
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        // Commit what is finished while we still own it; the rest is redone by the next owner.
        if (inFlight.hasCompletedHead()) {
            commitCompleted();
        }
        inFlight.drop(partitions);
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
        inFlight.drop(partitions);
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        metrics.assigned();
        LOG.info("assigned {}", partitions);
    }
}
