package org.denoiser.kafka.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.denoiser.kafka.worker.ImageWorker;
import org.denoiser.kafka.worker.WorkerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code denoiser worker}: runs the streaming denoiser until SIGTERM or Ctrl-C. */
@Command(name = "worker", mixinStandardHelpOptions = true,
        description = {"Denoise images from a Kafka topic into another, exactly once.",
            "Settings (later wins): defaults, --config FILE, DENOISER_* environment variables, options.",
            "Other keys: dlq.topic, group.id, instance.id, threads, tile.size, max.pixels, max.record.bytes,",
            "metrics.interval.s, shutdown.grace.s, commit.interval.ms, create.topics, kafka.*, consumer.*, producer.*"})
final class WorkerCommand implements Callable<Integer> {
    @Option(names = "--config", paramLabel = "FILE", description = "A properties file with worker settings.")
    Path configFile;

    @Option(names = "--bootstrap", paramLabel = "HOST:PORT[,...]", description = "Kafka bootstrap servers (bootstrap.servers).")
    String bootstrap;

    @Option(names = "--in", paramLabel = "TOPIC", description = "Input topic of encoded images (input.topic).")
    String in;

    @Option(names = "--out", paramLabel = "TOPIC", description = "Output topic for denoised images (output.topic).")
    String out;

    @Option(names = "--dlq", paramLabel = "TOPIC", description = "Dead-letter topic (dlq.topic). Default: the input topic + '.dlq'.")
    String dlq;

    @Option(names = "--model", paramLabel = "ID", description = "Model for records without a denoise.model header. Default: "
            + WorkerConfig.DEFAULT_MODEL + ".")
    String model;

    @Option(names = "--threads", paramLabel = "N", description = "Images denoised at once. Default: the number of CPU cores.")
    Integer threads;

    @Option(names = "--instance-id", paramLabel = "ID",
            description = "Stable name of this instance (static membership and transactional.id). Default: the host name.")
    String instanceId;

    @Option(names = "--group", paramLabel = "ID", description = "Consumer group shared by all instances. Default: denoiser-worker.")
    String group;

    @Override
    public Integer call() {
        Map<String, String> options = new HashMap<>();
        options.put("bootstrap.servers", bootstrap);
        options.put("input.topic", in);
        options.put("output.topic", out);
        options.put("dlq.topic", dlq);
        options.put("model", model);
        options.put("threads", threads == null ? null : threads.toString());
        options.put("instance.id", instanceId);
        options.put("group.id", group);
        ImageWorker worker = new ImageWorker(WorkerConfig.load(configFile, System.getenv(), options));
        // SIGTERM and Ctrl-C: finish the images in flight, commit them, close the clients and models.
        Runtime.getRuntime().addShutdownHook(new Thread(worker::stopAndWait, "worker-shutdown"));
        worker.run();
        return 0;
    }
}
