package org.denoiser.kafka.cli;

import java.util.List;
import org.denoiser.cli.CommandProvider;

/** Adds {@code demo} (the Kafka round trip, replacing the offline one) and {@code bench-worker} to {@code denoiser}. */
public final class KafkaDemoCommands implements CommandProvider {
    @Override
    public List<Object> commands() {
        return List.of(new KafkaDemoCommand(), new BenchWorkerCommand());
    }
}
