package org.denoiser.kafka.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.denoiser.kafka.worker.ImageWorker;
import org.denoiser.kafka.worker.WorkerConfig;
import org.denoiser.kafka.worker.WorkerFailure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code denoiser worker}: runs the streaming denoiser until SIGTERM or Ctrl-C. */
@Command(name = "worker", mixinStandardHelpOptions = true,
        description = {"Denoise images from a Kafka topic into another, exactly once.",
            "Settings (later wins): defaults, --config FILE, DENOISER_* environment variables, options;",
            "--settings lists them all. Exit codes: 0 stopped by SIGTERM, 2 bad configuration (every problem",
            "listed), 1 Kafka unreachable or refusing this worker (the cause in one line)."})
final class WorkerCommand implements Callable<Integer> {
    /** Kafka could not be reached, refused this worker, or fenced it (2 is bad configuration). */
    static final int WORKER_FAILED = 1;

    @Spec
    CommandSpec spec;

    @Option(names = "--settings", description = "List every setting with its default and meaning, and exit.")
    boolean listSettings;

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
        if (listSettings) {
            spec.commandLine().getOut().print(WorkerConfig.describeSettings());
            return 0;
        }
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
        try {
            worker.run();
        } catch (WorkerFailure e) {
            spec.commandLine().getErr().println("denoiser worker: " + e.getMessage());
            return WORKER_FAILED;
        }
        return 0;
    }
}
