package org.denoiser.kafka.cli;

import java.util.List;
import org.denoiser.cli.CommandProvider;

/** Adds {@code worker}, {@code demo} (the Kafka round trip, replacing the offline one) and {@code bench-worker}. */
public final class KafkaCommands implements CommandProvider {
    @Override
    public List<Object> commands() {
        return List.of(new WorkerCommand(), new KafkaDemoCommand(), new BenchWorkerCommand());
    }
}
