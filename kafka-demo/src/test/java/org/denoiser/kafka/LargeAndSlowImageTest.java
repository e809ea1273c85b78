package org.denoiser.kafka;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import net.imglib2.img.array.ArrayImgs;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.denoiser.api.Denoiser;
import org.denoiser.io.ImageCodec;
import org.denoiser.io.ImageData;
import org.denoiser.io.ImageFormat;
import org.denoiser.io.PixelType;
import org.denoiser.kafka.client.ImagePublisher;
import org.denoiser.kafka.client.RecordCollector;
import org.denoiser.kafka.demo.SampleImages;
import org.denoiser.kafka.worker.BackgroundWorker;
import org.denoiser.kafka.worker.MessageHeaders;
import org.denoiser.kafka.worker.RawPixels;
import org.denoiser.kafka.worker.WorkerConfig;
import org.junit.jupiter.api.Test;

/** Records at the size limit, and records slower than max.poll.interval.ms. */
class LargeAndSlowImageTest extends BrokerTest {
    @Test
    void a32MebibyteImageGoesThroughWithDefaultLimits() throws Exception {
        // 2048 x 4096 float32 = exactly 32 MiB of raw pixels, the default max.record.bytes.
        float[] pixels = new float[2048 * 4096];
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (float) (1000 + 50 * random.nextGaussian());
        }
        ImageData image = new ImageData(ImageFormat.TIFF, PixelType.GRAY32F, ArrayImgs.floats(pixels, 4096, 2048, 1, 1));
        RawPixels layout = RawPixels.describing(image);
        byte[] value = layout.encode(image);
        assertEquals(WorkerConfig.DEFAULT_MAX_RECORD_BYTES, value.length);
        kafka.createTopics(1, "big-in");
        try (BackgroundWorker worker = new BackgroundWorker(TestWorkers.config(kafka.bootstrapServers(), "big-in", "big-out", Map.of()));
                ImagePublisher publisher = publisher();
                RecordCollector collector = collector("big-out", "big-in")) {
            publisher.sendNow("big-in", "big", value, Map.of(MessageHeaders.DTYPE, RawPixels.FLOAT32, MessageHeaders.SHAPE, layout.shapeHeader()));
            List<ConsumerRecord<byte[], byte[]>> results = collector.collect(1, Duration.ofMinutes(3));
            assertEquals(1, results.size());
            ConsumerRecord<byte[], byte[]> result = results.get(0);
            assertEquals("big-out", result.topic(), Records.header(result, MessageHeaders.ERROR));
            assertEquals(value.length, result.value().length);
            try (Denoiser direct = Denoiser.builder().model(WorkerConfig.DEFAULT_MODEL).build()) {
                assertArrayEquals(layout.encode(direct.denoise(image)), result.value(), "same as a direct run");
            }
        }
    }

    @Test
    void aRecordSlowerThanMaxPollIntervalCausesNoRebalance() throws Exception {
        ImageData slow = SampleImages.toImageData(tiled(org.denoiser.testimages.TestImages.camera(), 4), ImageFormat.PNG, false);
        long directMillis;
        try (Denoiser direct = Denoiser.builder().model(WorkerConfig.DEFAULT_MODEL).build()) {
            direct.denoise(slow); // warm-up
            long start = System.nanoTime();
            direct.denoise(slow);
            directMillis = (System.nanoTime() - start) / 1_000_000;
        }
        // The poll interval is a third of the image's denoising time, so one image overruns it 3 times.
        long interval = Math.max(300, directMillis / 3);
        kafka.createTopics(1, "slow-in");
        ImageCodec codec = ImageCodec.defaults();
        byte[] small = codec.encode(SampleImages.camera(64).noisy());
        WorkerConfig config = TestWorkers.config(kafka.bootstrapServers(), "slow-in", "slow-out",
                Map.of("threads", "1", "consumer.max.poll.interval.ms", String.valueOf(interval)));
        try (BackgroundWorker worker = new BackgroundWorker(config);
                ImagePublisher publisher = publisher();
                RecordCollector collector = collector("slow-out", "slow-in")) {
            publisher.send("slow-in", "slow-1", codec.encode(slow), Map.of());
            publisher.send("slow-in", "slow-2", codec.encode(slow), Map.of());
            for (int i = 0; i < 5; i++) {
                publisher.send("slow-in", "small-" + i, small, Map.of());
            }
            publisher.flush();
            List<ConsumerRecord<byte[], byte[]>> results = collector.collect(7, Duration.ofMinutes(3));
            assertEquals(7, results.size(), "every record once");
            for (int i = 0; i < results.size(); i++) {
                assertEquals("slow-out", results.get(i).topic());
            }
            assertEquals(List.of("slow-1", "slow-2", "small-0", "small-1", "small-2", "small-3", "small-4"),
                    results.stream().map(Records::key).toList(), "partition order kept");
            long slowest = Long.parseLong(Records.header(results.get(0), MessageHeaders.PROCESSING_MS));
            System.out.printf("max.poll.interval.ms %d, slow image took %d ms in the worker, %d assignment(s)%n", interval, slowest,
                    worker.worker().metrics().getAssignments());
            assertTrue(slowest > interval, "the image (" + slowest + " ms) must outlast max.poll.interval.ms (" + interval + ")");
            assertEquals(1, worker.worker().metrics().getAssignments(), "no rebalance: the partitions were assigned once");
        }
    }

    /** The image repeated n x n times: the same content, n^2 times the work. */
    private static net.imglib2.img.Img<net.imglib2.type.numeric.integer.UnsignedByteType> tiled(
            net.imglib2.img.Img<net.imglib2.type.numeric.integer.UnsignedByteType> image, int n) {
        int w = (int) image.dimension(0);
        int h = (int) image.dimension(1);
        var out = ArrayImgs.unsignedBytes((long) w * n, (long) h * n);
        var from = image.randomAccess();
        var cursor = out.localizingCursor();
        while (cursor.hasNext()) {
            cursor.fwd();
            cursor.get().set(from.setPositionAndGet(cursor.getIntPosition(0) % w, cursor.getIntPosition(1) % h).get());
        }
        return out;
    }
}
