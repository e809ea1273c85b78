package org.denoiser.kafka;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.denoiser.io.ImageCodec;
import org.denoiser.io.ImageFormat;
import org.denoiser.kafka.client.ImagePublisher;
import org.denoiser.kafka.client.RecordCollector;
import org.denoiser.kafka.demo.SampleImage;
import org.denoiser.kafka.demo.SampleImages;
import org.denoiser.kafka.worker.BackgroundWorker;
import org.denoiser.kafka.worker.MessageHeaders;
import org.denoiser.kafka.worker.WorkerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worker's {@code flux.restoration} setting reaches the model (real broker, real weights): a
 * 32-bit float telescope frame comes out as {@code denoiser denoise} gives it by default when the
 * setting is on (its default), as {@code denoiser denoise --no-flux-restoration} gives it when off,
 * and the two differ.
 */
class FluxRestorationSettingTest extends BrokerTest {
    private static final int SIZE = 64;

    @TempDir
    Path dir;

    @Test
    void onIsTheCliDefaultAndOffIsTheNetworkAlone() throws Exception {
        SampleImage frame = SampleImages.astronomy(SIZE, ImageFormat.TIFF);
        byte[] tiff = ImageCodec.defaults().encode(frame.noisy());
        String model = frame.headers().get(MessageHeaders.MODEL);

        double[] on = throughWorker("flux-default", tiff, frame, Map.of());
        double[] off = throughWorker("flux-off", tiff, frame, Map.of("flux.restoration", "false"));
        double[] explicitOn = throughWorker("flux-on", tiff, frame, Map.of("flux.restoration", "true"));

        double[] cliDefault = PixelValues.decoded(CliRuns.denoise(dir, frame.name(), tiff, model));
        double[] cliOff = PixelValues.decoded(CliRuns.denoise(dir, frame.name(), tiff, model, "--no-flux-restoration"));
        System.out.printf(Locale.ROOT, "%s (%s): flux of the whole frame with flux restoration %.1f, without %.1f, noisy %.1f,"
                + " clean %.1f; largest pixel difference on - off %.3f%n", frame.name(), model, sum(on), sum(off),
                sum(PixelValues.decoded(tiff)), sum(PixelValues.of(frame.clean().pixels())), largestDifference(on, off));
        assertFalse(Arrays.equals(on, off), "flux restoration changes the float output");
        assertArrayEquals(cliDefault, on, "the worker's default equals the CLI's default");
        assertArrayEquals(on, explicitOn, "flux.restoration=true is the default");
        assertArrayEquals(cliOff, off, "flux.restoration=false equals the CLI's --no-flux-restoration");
    }

    /** Denoises {@code value} with a worker of its own, started with {@code settings}, and returns the output pixels. */
    private static double[] throughWorker(String topic, byte[] value, SampleImage frame, Map<String, String> settings)
            throws InterruptedException {
        kafka.createTopics(1, topic + "-in");
        WorkerConfig config = TestWorkers.config(kafka.bootstrapServers(), topic + "-in", topic + "-out", settings);
        try (BackgroundWorker worker = new BackgroundWorker(config);
                ImagePublisher publisher = publisher();
                RecordCollector collector = collector(topic + "-out", topic + "-in")) {
            publisher.send(topic + "-in", frame.name(), value, frame.headers());
            publisher.flush();
            ConsumerRecord<byte[], byte[]> result = collector.collect(1, Duration.ofSeconds(120)).get(0);
            assertEquals(topic + "-out", result.topic(), Records.header(result, MessageHeaders.ERROR));
            return PixelValues.decoded(result.value());
        }
    }

    private static double largestDifference(double[] a, double[] b) {
        double largest = 0;
        for (int i = 0; i < a.length; i++) {
            largest = Math.max(largest, Math.abs(a[i] - b[i]));
        }
        return largest;
    }

    private static double sum(double[] values) {
        return Arrays.stream(values).sum();
    }
}
