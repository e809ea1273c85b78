package org.denoiser.kafka.worker;

/** The worker's health figures over JMX, as {@code org.denoiser:type=KafkaWorker,instance=ID}. */
public interface WorkerMetricsMBean {
    long getImagesProcessed();

    long getDeadLettered();

    /** Inputs that could not even be dead-lettered (Kafka refused every form): logged, offset committed. */
    long getSkipped();

    /** Images per second over the last metrics interval. */
    double getImagesPerSecond();

    /** Median time from poll() to committed output, over the last 4096 images. */
    double getLatencyP50Millis();

    double getLatencyP99Millis();

    /**
     * Records in the assigned input partitions whose offsets are not committed yet, in flight
     * included (−1 before the first fetch).
     */
    long getLag();

    /** Partition assignments received; more than a few means the group keeps rebalancing. */
    int getAssignments();

    /** Records polled and not yet committed. */
    int getInFlight();
}
