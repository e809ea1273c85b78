package org.denoiser.kafka;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import org.denoiser.kafka.worker.WorkerConfig;

/** Worker settings for tests: 2 threads, no periodic log line, a group of its own per input topic. */
final class TestWorkers {
    private TestWorkers() {}

    static WorkerConfig config(String bootstrap, String in, String out, Map<String, String> settings) {
        Map<String, String> all = new HashMap<>(Map.of(
                "bootstrap.servers", bootstrap, "input.topic", in, "output.topic", out, "threads", "2",
                "instance.id", "test-" + in, "group.id", "group-" + in, "metrics.interval.s", "0"));
        all.putAll(settings);
        return WorkerConfig.fromMap(all, new ArrayList<>());
    }
}
