package org.denoiser.kafka.demo;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.denoiser.api.DenoiseException;
import org.denoiser.io.ImageCodec;
import org.denoiser.io.ImageData;
import org.denoiser.kafka.broker.EmbeddedKafka;
import org.denoiser.kafka.client.ImagePublisher;
import org.denoiser.kafka.client.RecordCollector;
import org.denoiser.kafka.worker.BackgroundWorker;
import org.denoiser.kafka.worker.MessageHeaders;
import org.denoiser.kafka.worker.WorkerConfig;

/**
 * The Kafka round trip of {@code denoiser demo}: an embedded broker, a worker, the sample images
 * (8-bit, 16-bit stack, 32-bit astronomy frame, RGB) and one corrupt file published to the input
 * topic; the results are collected from the output and dead-letter topics and written to a
 * folder with a montage and a report. Each image asks for the model that suits its noise
 * ({@code denoise.model} header) unless one model is forced for all.
 */
public final class DemoRun {
    static final String IN = "camera-images";
    static final String OUT = "denoised-images";
    static final String DLQ = IN + ".dlq";
    static final String CORRUPT_NAME = "corrupt.png";
    private static final Duration RESULT_TIMEOUT = Duration.ofMinutes(5);

    private final Path outputDir;
    private final Optional<String> forcedModel;
    private final int size;
    private final PrintWriter log;

    /**
     * @param forcedModel one model for every image (the worker's default, no per-image header);
     *                    empty: each image names the model that suits it
     * @param size side of the square sample images in pixels
     * @param log where progress lines go (the terminal)
     */
    public DemoRun(Path outputDir, Optional<String> forcedModel, int size, PrintWriter log) {
        this.outputDir = outputDir;
        this.forcedModel = forcedModel;
        this.size = size;
        this.log = log;
    }

    /** Runs the demo and returns the path of the report. */
    public Path run() throws InterruptedException {
        createDirectories(outputDir.resolve("noisy"));
        createDirectories(outputDir.resolve("denoised"));
        List<SampleImage> samples = SampleImages.demo(size);
        String model = forcedModel.orElse(WorkerConfig.DEFAULT_MODEL);
        log.println("starting an embedded Kafka broker (KRaft, 127.0.0.1) ...");
        log.flush();
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            kafka.createTopics(2, IN);
            WorkerConfig config = WorkerConfig.fromMap(Map.of("bootstrap.servers", kafka.bootstrapServers(), "input.topic", IN,
                    "output.topic", OUT, "model", model, "threads", "2", "instance.id", "demo", "metrics.interval.s", "0"),
                    new ArrayList<>());
            log.printf("broker at %s; starting the worker (%s, 2 threads) ...%n", kafka.bootstrapServers(),
                    forcedModel.isPresent() ? "model " + model : "each image names its model; default " + model);
            log.flush();
            try (BackgroundWorker worker = new BackgroundWorker(config)) {
                Collected collected = publishAndCollect(kafka.bootstrapServers(), samples);
                DemoReport report = new DemoReport(samples, collected.outputs(), collected.models(), collected.deadLetters(),
                        collected.seconds(), worker.worker().metrics());
                writeImages(samples, collected.outputs());
                report.writeMontage(outputDir.resolve("montage.png"));
                Path reportFile = outputDir.resolve("report.md");
                writeText(reportFile, report.markdown());
                return reportFile;
            }
        }
    }

    private record Collected(Map<String, ImageData> outputs, Map<String, String> models,
            List<ConsumerRecord<byte[], byte[]>> deadLetters, double seconds) {}

    private Collected publishAndCollect(String bootstrap, List<SampleImage> samples) {
        ImageCodec codec = ImageCodec.defaults();
        int expected = samples.size() + 1;
        try (ImagePublisher publisher = new ImagePublisher(bootstrap, WorkerConfig.DEFAULT_MAX_RECORD_BYTES);
                RecordCollector collector = new RecordCollector(bootstrap, List.of(OUT, DLQ), WorkerConfig.DEFAULT_MAX_RECORD_BYTES)) {
            long start = System.nanoTime();
            for (SampleImage sample : samples) {
                byte[] bytes = codec.encode(sample.noisy());
                codec.write(sample.noisy(), outputDir.resolve("noisy").resolve(sample.name()));
                publisher.send(IN, sample.name(), bytes, headers(sample));
            }
            publisher.send(IN, CORRUPT_NAME, corruptPng(codec, samples.get(0)),
                    Map.of(MessageHeaders.CORRELATION_ID, CORRUPT_NAME, MessageHeaders.CONTENT_TYPE, MessageHeaders.PNG));
            publisher.flush();
            log.printf("published %d images to '%s' (one of them corrupt); waiting for '%s' and '%s' ...%n", expected, IN, OUT, DLQ);
            log.flush();
            Map<String, ImageData> outputs = new LinkedHashMap<>();
            Map<String, String> models = new LinkedHashMap<>();
            List<ConsumerRecord<byte[], byte[]>> deadLetters = new ArrayList<>();
            List<ConsumerRecord<byte[], byte[]>> all = collector.collect(expected, RESULT_TIMEOUT, record -> {
                String name = MessageHeaders.text(record.headers(), MessageHeaders.CORRELATION_ID).orElse("?");
                if (record.topic().equals(DLQ)) {
                    deadLetters.add(record);
                } else {
                    outputs.put(name, codec.decode(record.value(), name));
                    models.put(name, MessageHeaders.text(record.headers(), MessageHeaders.MODEL).orElse("?"));
                }
                log.printf("  %-22s -> %s%n", name, record.topic());
                log.flush();
            });
            double seconds = (System.nanoTime() - start) / 1e9;
            if (all.size() < expected) {
                throw new DenoiseException("the demo got " + all.size() + " of " + expected + " results within " + RESULT_TIMEOUT);
            }
            return new Collected(outputs, models, deadLetters, seconds);
        }
    }

    /** The sample's headers, without its model when one model is forced for all images. */
    private Map<String, String> headers(SampleImage sample) {
        if (forcedModel.isEmpty()) {
            return sample.headers();
        }
        Map<String, String> headers = new HashMap<>(sample.headers());
        headers.remove(MessageHeaders.MODEL);
        return headers;
    }

    /** A PNG cut off in the middle, as a camera link that drops the connection would send it. */
    private static byte[] corruptPng(ImageCodec codec, SampleImage sample) {
        byte[] whole = codec.encode(sample.noisy());
        return Arrays.copyOf(whole, whole.length / 2);
    }

    private void writeImages(List<SampleImage> samples, Map<String, ImageData> outputs) {
        ImageCodec codec = ImageCodec.defaults();
        for (SampleImage sample : samples) {
            ImageData denoised = outputs.get(sample.name());
            if (denoised != null) {
                codec.write(denoised, outputDir.resolve("denoised").resolve(sample.name()));
            }
        }
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new DenoiseException("cannot create " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void writeText(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new DenoiseException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
