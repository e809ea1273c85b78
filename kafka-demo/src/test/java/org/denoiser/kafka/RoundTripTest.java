package org.denoiser.kafka;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.denoiser.api.Denoiser;
import org.denoiser.api.ModelInfo;
import org.denoiser.io.ImageCodec;
import org.denoiser.io.ImageData;
import org.denoiser.io.ImageFormat;
import org.denoiser.io.PixelType;
import org.denoiser.kafka.client.ImagePublisher;
import org.denoiser.kafka.client.RecordCollector;
import org.denoiser.kafka.demo.PsnrFigures;
import org.denoiser.kafka.demo.SampleImage;
import org.denoiser.kafka.demo.SampleImages;
import org.denoiser.kafka.worker.MessageHeaders;
import org.denoiser.kafka.worker.RawPixels;
import org.denoiser.kafka.worker.BackgroundWorker;
import org.denoiser.kafka.worker.WorkerConfig;
import org.denoiser.testimages.LowLight;
import org.denoiser.testimages.SyntheticImages;
import org.junit.jupiter.api.Test;

/**
 * Every supported format and bit depth through a real broker and worker: the output keeps the
 * input's format, type and size, equals a direct {@link Denoiser} run with the model the record
 * asked for bit for bit, carries the contract's headers, and is clearly less noisy than the input.
 */
class RoundTripTest extends BrokerTest {
    private static final int SIZE = 64;
    /**
     * Least PSNR gain per image, in dB: the measured gain (comment) less about a third. A model
     * that does nothing gains 0 dB; the wrong model for the noise or a broken round trip loses.
     */
    private static final Map<String, Double> MIN_GAIN = Map.of(
            "camera-8bit.png", 4.0,          // measured 22.24 -> 28.27 dB (gaussian-gray, 64 px crop)
            "timelapse-16bit.tif", 7.0,      // 22.19 -> 33.46 dB (poisson-gauss, low light)
            "astronomy-32bit.fits", 10.0,    // 20.96 -> 36.32 dB (poisson-gauss, low light)
            "astronomy-32bit.tif", 10.0,     // the same frame as TIFF
            "hubble-rgb.png", 4.0,           // 22.07 -> 29.60 dB (gaussian-color, 64 px crop; gaussian-gray per colour 27.75)
            "cells-rgb16.tif", 7.0);         // 23.29 -> 34.60 dB (poisson-gauss, low light)

    @Test
    void everyFormatAndBitDepthRoundTripsWithHeaders() throws Exception {
        ImageCodec codec = ImageCodec.defaults();
        List<SampleImage> samples = new ArrayList<>(SampleImages.demo(SIZE));
        samples.add(SampleImages.astronomy(SIZE, ImageFormat.TIFF));
        samples.add(rgb16());
        Map<String, byte[]> sent = new HashMap<>();
        kafka.createTopics(2, "rt-in");
        try (BackgroundWorker worker = new BackgroundWorker(TestWorkers.config(kafka.bootstrapServers(), "rt-in", "rt-out", Map.of()));
                ImagePublisher publisher = publisher();
                RecordCollector collector = collector("rt-out", "rt-in")) {
            for (SampleImage sample : samples) {
                byte[] bytes = codec.encode(sample.noisy());
                sent.put(sample.name(), bytes);
                publisher.send("rt-in", sample.name(), bytes, sample.headers());
            }
            byte[] rawFloat = RawPixels.describing(samples.get(2).noisy()).encode(samples.get(2).noisy());
            sent.put("raw-float32", rawFloat);
            publisher.send("rt-in", "raw-float32", rawFloat, Map.of(MessageHeaders.CONTENT_TYPE, MessageHeaders.RAW,
                    MessageHeaders.DTYPE, "float32", MessageHeaders.SHAPE, SIZE + "," + SIZE, MessageHeaders.CORRELATION_ID, "raw-float32"));
            ImageData stack = samples.get(1).noisy();
            byte[] rawShorts = RawPixels.describing(stack).encode(stack);
            sent.put("raw-uint16", rawShorts);
            publisher.send("rt-in", "raw-uint16", rawShorts, Map.of(MessageHeaders.DTYPE, "<u2",
                    MessageHeaders.SHAPE, stack.planes() + "," + SIZE + "," + SIZE, MessageHeaders.CORRELATION_ID, "raw-uint16"));
            publisher.flush();

            List<ConsumerRecord<byte[], byte[]>> results = collector.collect(sent.size(), Duration.ofSeconds(120));
            assertEquals(sent.size(), results.size(), "one output per input");
            try (DirectRuns direct = new DirectRuns()) {
                for (ConsumerRecord<byte[], byte[]> result : results) {
                    String name = Records.key(result);
                    assertEquals("rt-out", result.topic(), name + " went to " + result.topic() + ": "
                            + Records.header(result, MessageHeaders.ERROR));
                    assertEquals(name, Records.header(result, MessageHeaders.CORRELATION_ID), "correlation id copied");
                    String model = modelAskedFor(name, samples);
                    assertEquals(sha256(sent.get(name)), Records.header(result, MessageHeaders.INPUT_SHA256));
                    assertTrue(Long.parseLong(Records.header(result, MessageHeaders.PROCESSING_MS)) >= 0);
                    if (name.startsWith("raw")) {
                        checkRaw(result, sent.get(name), direct.with(model));
                    } else {
                        SampleImage sample = samples.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
                        checkImage(result, sample, direct.with(model), codec);
                    }
                    // After the direct run: for denoise/auto (the default) model() is what it picked for this image
                    ModelInfo used = direct.with(model).model();
                    assertEquals(used.id(), Records.header(result, MessageHeaders.MODEL), name + " used the model it asked for");
                    assertEquals(used.version(), Records.header(result, MessageHeaders.MODEL_VERSION));
                }
            }
        }
    }

    private static void checkImage(ConsumerRecord<byte[], byte[]> result, SampleImage sample, Denoiser direct, ImageCodec codec) {
        ImageData out = codec.decode(result.value());
        ImageData expected = direct.denoise(codec.decode(codec.encode(sample.noisy())));
        assertEquals(sample.noisy().format(), out.format(), sample.name() + " keeps its format");
        assertEquals(sample.noisy().type(), out.type(), sample.name() + " keeps its pixel type");
        assertArrayEquals(dims(sample.noisy()), dims(out), sample.name() + " keeps its size");
        assertArrayEquals(values(expected), values(out), sample.name() + ": worker output equals a direct Denoiser run");
        assertEquals(SampleImages.contentTypeOf(out.format()), Records.header(result, MessageHeaders.CONTENT_TYPE));
        PsnrFigures psnr = PsnrFigures.measure(sample.clean(), sample.noisy(), out);
        String figures = String.format(Locale.ROOT, "%-22s %-8s PSNR %.2f -> %.2f dB", sample.name(), out.type(), psnr.noisy(), psnr.denoised());
        System.out.println(figures);
        assertTrue(psnr.gain() >= MIN_GAIN.get(sample.name()), figures + ": less than " + MIN_GAIN.get(sample.name()) + " dB gained");
    }

    /** The model a record asked for in its header; the worker's default where it names none (the raw records). */
    private static String modelAskedFor(String name, List<SampleImage> samples) {
        return samples.stream().filter(s -> s.name().equals(name)).findFirst()
                .map(s -> s.headers().getOrDefault(MessageHeaders.MODEL, WorkerConfig.DEFAULT_MODEL))
                .orElse(WorkerConfig.DEFAULT_MODEL);
    }

    /** Direct {@link Denoiser}s to compare with, one per model, loaded when first needed. */
    private static final class DirectRuns implements AutoCloseable {
        private final Map<String, Denoiser> byModel = new HashMap<>();

        Denoiser with(String model) {
            return byModel.computeIfAbsent(model, id -> Denoiser.builder().model(id).build());
        }

        @Override
        public void close() {
            byModel.values().forEach(Denoiser::close);
        }
    }

    private static void checkRaw(ConsumerRecord<byte[], byte[]> result, byte[] sent, Denoiser direct) {
        assertEquals(MessageHeaders.RAW, Records.header(result, MessageHeaders.CONTENT_TYPE));
        RawPixels layout = RawPixels.parse(Records.header(result, MessageHeaders.DTYPE), Records.header(result, MessageHeaders.SHAPE));
        ImageData input = layout.decode(sent, Long.MAX_VALUE);
        assertArrayEquals(layout.encode(direct.denoise(input)), result.value(), Records.key(result) + " equals a direct run");
        assertEquals(sent.length, result.value().length);
    }

    /** A low-light RGB 16-bit TIFF: the two channels of the hyperstack generator plus their mean as blue. */
    private static SampleImage rgb16() {
        var pair = SyntheticImages.twoChannelHyperstack(5, SIZE, SIZE, 1, LowLight.DIM);
        ImageData noisy = rgbFromTwoChannels(pair.noisy());
        ImageData clean = rgbFromTwoChannels(pair.clean());
        return new SampleImage("cells-rgb16.tif", noisy, clean, "RGB 16-bit TIFF",
                Map.of(MessageHeaders.CORRELATION_ID, "cells-rgb16.tif", MessageHeaders.CONTENT_TYPE, MessageHeaders.TIFF,
                        MessageHeaders.MODEL, SampleImages.CAMERA_MODEL));
    }

    private static ImageData rgbFromTwoChannels(net.imglib2.img.Img<UnsignedShortType> xycz) {
        var rgb = ArrayImgs.unsignedShorts(SIZE, SIZE, 3, 1);
        var access = xycz.randomAccess();
        var out = rgb.randomAccess();
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                int a = access.setPositionAndGet(x, y, 0, 0).get();
                int b = access.setPositionAndGet(x, y, 1, 0).get();
                out.setPositionAndGet(x, y, 0, 0).set(a);
                out.setPositionAndGet(x, y, 1, 0).set(b);
                out.setPositionAndGet(x, y, 2, 0).set((a + b) / 2);
            }
        }
        return new ImageData(ImageFormat.TIFF, PixelType.RGB16, rgb);
    }

    private static long[] dims(ImageData image) {
        return image.pixels().dimensionsAsLongArray();
    }

    private static double[] values(ImageData image) {
        double[] values = new double[(int) image.pixels().size()];
        int i = 0;
        for (RealType<?> p : net.imglib2.view.Views.flatIterable(image.pixels())) {
            values[i++] = p.getRealDouble();
        }
        return values;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
