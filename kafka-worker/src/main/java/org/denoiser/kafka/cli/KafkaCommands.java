package org.denoiser.kafka.cli;

import java.util.List;
import org.denoiser.cli.CommandProvider;

/** Adds {@code worker} to {@code denoiser}; the demo and the benchmarks come from the kafka-demo module. */
public final class KafkaCommands implements CommandProvider {
    @Override
    public List<Object> commands() {
        return List.of(new WorkerCommand());
    }
}
