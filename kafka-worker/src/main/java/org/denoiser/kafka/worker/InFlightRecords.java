package org.denoiser.kafka.worker;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Records polled but not yet committed, in offset order per partition. Images finish in any
 * order on the denoise threads; results leave only from the head of each partition's queue, so
 * outputs keep their partition's order and a committed offset never skips an unfinished record.
 * Used by the consumer thread only.
 */
final class InFlightRecords {
    private final Map<TopicPartition, Deque<Pending>> byPartition = new LinkedHashMap<>();
    private int size;

    private record Pending(long offset, Future<ProcessedRecord> result) {}

    /** Finished results ready for one transaction, and the offsets to commit with them. */
    record Completed(List<ProcessedRecord> records, Map<TopicPartition, OffsetAndMetadata> offsets) {
        boolean isEmpty() {
            return offsets.isEmpty();
        }
    }

    void add(ConsumerRecord<byte[], byte[]> record, Future<ProcessedRecord> result) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        byPartition.computeIfAbsent(partition, p -> new ArrayDeque<>()).addLast(new Pending(record.offset(), result));
        size++;
    }

    int size() {
        return size;
    }

    /** Records of {@code partition} in flight. */
    int size(TopicPartition partition) {
        Deque<Pending> queue = byPartition.get(partition);
        return queue == null ? 0 : queue.size();
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** True when at least one partition's oldest record is done. */
    boolean hasCompletedHead() {
        for (Deque<Pending> queue : byPartition.values()) {
            if (!queue.isEmpty() && queue.peekFirst().result().isDone()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Removes every finished record that has no unfinished record before it in its partition.
     *
     * @throws WorkerFailure when processing failed with an error rather than a dead letter
     *     (for example out of memory); the worker stops, and nothing of it is committed
     */
    Completed takeCompleted() {
        List<ProcessedRecord> records = new ArrayList<>();
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (Map.Entry<TopicPartition, Deque<Pending>> entry : byPartition.entrySet()) {
            Deque<Pending> queue = entry.getValue();
            while (!queue.isEmpty() && queue.peekFirst().result().isDone()) {
                Pending done = queue.removeFirst();
                size--;
                records.add(resultOf(done));
                // The committed offset is the next record to read.
                offsets.put(entry.getKey(), new OffsetAndMetadata(done.offset() + 1));
            }
        }
        return new Completed(records, offsets);
    }

    /** Forgets the records of partitions this worker no longer owns; their new owner reprocesses them. */
    void drop(Collection<TopicPartition> partitions) {
        for (TopicPartition partition : partitions) {
            Deque<Pending> queue = byPartition.remove(partition);
            if (queue != null) {
                queue.forEach(p -> p.result().cancel(true));
                size -= queue.size();
            }
        }
    }

    void dropAll() {
        drop(new ArrayList<>(byPartition.keySet()));
    }

    private static ProcessedRecord resultOf(Pending pending) {
        try {
            return pending.result().get();
        } catch (ExecutionException e) {
            throw new WorkerFailure("processing offset " + pending.offset() + " failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while collecting results", e);
        }
    }
}
