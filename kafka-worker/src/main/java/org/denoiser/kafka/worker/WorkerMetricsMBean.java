package org.denoiser.kafka.worker;

/** The worker's health figures over JMX, as {@code org.denoiser:type=KafkaWorker,instance=ID}. */
public interface WorkerMetricsMBean {
    long getImagesProcessed();

    long getDeadLettered();

    /** Images per second over the last metrics interval. */
    double getImagesPerSecond();

    /** Median time from poll() to committed output, over the last 4096 images. */
    double getLatencyP50Millis();

    double getLatencyP99Millis();

    /** Records in the assigned input partitions not yet consumed (−1 before the first fetch). */
    long getLag();

    /** Partition assignments received; more than a few means the group keeps rebalancing. */
    int getAssignments();

    /** Records polled and not yet committed. */
    int getInFlight();
}
