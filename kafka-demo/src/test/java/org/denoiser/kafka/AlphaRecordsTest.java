package org.denoiser.kafka;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.denoiser.io.ImageCodec;
import org.denoiser.io.ImageData;
import org.denoiser.kafka.client.ImagePublisher;
import org.denoiser.kafka.client.RecordCollector;
import org.denoiser.kafka.demo.SampleImages;
import org.denoiser.kafka.worker.BackgroundWorker;
import org.denoiser.kafka.worker.MessageHeaders;
import org.denoiser.testimages.ExtraSampleTiff;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Images with alpha through a real broker and worker, as the command line treats them: the colors
 * are denoised exactly as {@code denoiser denoise} denoises the same file, the alpha comes out
 * unchanged, and extra samples the codec cannot keep go to the dead-letter topic with a one-line
 * reason. Every record comes out exactly once, and the image behind the refused ones is still denoised.
 *
 * <p>The inputs are written by the JDK's own PNG and TIFF writers, not by the codec under test.
 */
class AlphaRecordsTest extends BrokerTest {
    private static final int SIZE = 48;
    private static final String GRAY_8BIT_MODEL = SampleImages.GAUSSIAN_MODEL;
    private static final String LOW_LIGHT_MODEL = SampleImages.CAMERA_MODEL;

    @TempDir
    Path dir;

    /** Sample values of the image to write, by x, y and color channel. */
    private interface Samples {
        double at(int x, int y, int channel);
    }

    @Test
    void alphaIsKeptColorsAreDenoisedAsByTheCliAndExtraSamplesAreDeadLettered() throws Exception {
        ImageData camera = SampleImages.camera(SIZE).noisy();
        ImageData hubble = SampleImages.hubble(SIZE).noisy();
        ImageData frames = SampleImages.timeLapse(SIZE, 3).noisy();
        Map<String, Sent> denoised = new LinkedHashMap<>();
        denoised.put("rgba-8bit.png", new Sent(withAlpha(3, DataBuffer.TYPE_BYTE, "png", sample(hubble)), GRAY_8BIT_MODEL));
        denoised.put("gray-alpha-8bit.png", new Sent(withAlpha(1, DataBuffer.TYPE_BYTE, "png", sample(camera)), GRAY_8BIT_MODEL));
        denoised.put("gray-alpha-16bit.png", new Sent(withAlpha(1, DataBuffer.TYPE_USHORT, "png", sample(frames)), LOW_LIGHT_MODEL));
        // three frames of the low-light time-lapse as red, green and blue
        denoised.put("rgba-16bit.png", new Sent(withAlpha(3, DataBuffer.TYPE_USHORT, "png",
                (x, y, c) -> value(frames, x, y, 0, c)), LOW_LIGHT_MODEL));
        denoised.put("rgba-8bit.tif", new Sent(withAlpha(3, DataBuffer.TYPE_BYTE, "tiff", sample(hubble)), GRAY_8BIT_MODEL));
        Map<String, Sent> refused = new LinkedHashMap<>();
        refused.put("rgb-two-alphas.tif", new Sent(ExtraSampleTiff.rgbWithExtraSamples(SIZE, SIZE, 2, 2), GRAY_8BIT_MODEL));
        refused.put("rgb-and-data.tif", new Sent(ExtraSampleTiff.rgbWithExtraSamples(SIZE, SIZE, 0), GRAY_8BIT_MODEL));
        Map<String, Sent> after = Map.of("plain-after.png", new Sent(ImageCodec.defaults().encode(camera), GRAY_8BIT_MODEL));

        Map<String, Sent> all = new LinkedHashMap<>(denoised);
        all.putAll(refused);
        all.putAll(after);
        kafka.createTopics(2, "alpha-in");
        Map<String, ConsumerRecord<byte[], byte[]>> results = new TreeMap<>();
        try (BackgroundWorker worker = new BackgroundWorker(TestWorkers.config(kafka.bootstrapServers(), "alpha-in", "alpha-out", Map.of()));
                ImagePublisher publisher = publisher();
                RecordCollector collector = collector("alpha-out", "alpha-in")) {
            all.forEach((name, sent) -> publisher.send("alpha-in", name, sent.bytes(), Map.of(MessageHeaders.MODEL, sent.model())));
            publisher.flush();
            for (ConsumerRecord<byte[], byte[]> result : collector.collect(all.size(), Duration.ofSeconds(180))) {
                ConsumerRecord<byte[], byte[]> earlier = results.put(Records.key(result), result);
                assertEquals(null, earlier, Records.key(result) + " came out twice");
            }
            assertEquals(all.keySet(), results.keySet(), "one result per record");
            assertTrue(collector.collect(1, Duration.ofSeconds(3)).isEmpty(), "nothing more after one result per record");
        }

        ImageCodec codec = ImageCodec.defaults();
        for (Map.Entry<String, Sent> entry : denoised.entrySet()) {
            String name = entry.getKey();
            ConsumerRecord<byte[], byte[]> result = results.get(name);
            assertEquals("alpha-out", result.topic(), name + ": " + Records.header(result, MessageHeaders.ERROR));
            ImageData in = codec.decode(entry.getValue().bytes());
            ImageData out = codec.decode(result.value());
            ImageData cli = codec.decode(CliRuns.denoise(dir, name, entry.getValue().bytes(), entry.getValue().model()));
            assertEquals(in.type(), out.type(), name + " keeps its pixel type");
            assertEquals(in.format(), out.format(), name + " keeps its format");
            assertTrue(out.hasAlpha(), name + " keeps its alpha");
            assertArrayEquals(PixelValues.of(in.alpha()), PixelValues.of(out.alpha()), name + ": alpha unchanged");
            assertArrayEquals(expectedAlpha(in), PixelValues.of(out.alpha()), name + ": alpha as written");
            assertFalse(Arrays.equals(PixelValues.of(in.pixels()), PixelValues.of(out.pixels())), name + ": colors denoised");
            assertArrayEquals(PixelValues.of(cli.pixels()), PixelValues.of(out.pixels()), name + ": colors as the CLI denoises them");
            assertArrayEquals(PixelValues.of(cli.alpha()), PixelValues.of(out.alpha()), name + ": alpha as the CLI keeps it");
        }
        for (Map.Entry<String, Sent> entry : refused.entrySet()) {
            ConsumerRecord<byte[], byte[]> dead = results.get(entry.getKey());
            String error = Records.header(dead, MessageHeaders.ERROR);
            System.out.println(entry.getKey() + " -> " + dead.topic() + ": " + error);
            assertEquals("alpha-in.dlq", dead.topic(), entry.getKey() + " is dead-lettered");
            assertEquals("unsupported-pixel-type", Records.header(dead, MessageHeaders.ERROR_TYPE));
            assertFalse(error.contains("\n"), "one line: " + error);
            // the codec's own words: "the TIFF has 1 extra sample(s) per pixel that are not alpha ..." or
            // "the TIFF is RGB with 2 extra samples per pixel (ExtraSamples 2, 2); only one alpha channel is kept ..."
            assertTrue(error.contains("extra sample"), "names the samples: " + error);
            assertArrayEquals(entry.getValue().bytes(), dead.value(), entry.getKey() + ": the original bytes are kept");
        }
        assertEquals("alpha-out", results.get("plain-after.png").topic(), "the image after the refused ones is denoised");
    }

    private record Sent(byte[] bytes, String model) {}

    /**
     * Writes an image with {@code colors} color channels plus unassociated alpha through ImageIO,
     * with samples of {@code dataType} (8 or 16 bits).
     */
    private static byte[] withAlpha(int colors, int dataType, String format, Samples samples) throws IOException {
        ColorSpace space = ColorSpace.getInstance(colors == 1 ? ColorSpace.CS_GRAY : ColorSpace.CS_sRGB);
        ColorModel model = new ComponentColorModel(space, true, false, Transparency.TRANSLUCENT, dataType);
        WritableRaster raster = model.createCompatibleWritableRaster(SIZE, SIZE);
        int max = dataType == DataBuffer.TYPE_BYTE ? 255 : 65_535;
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                for (int c = 0; c < colors; c++) {
                    raster.setSample(x, y, c, samples.at(x, y, c));
                }
                raster.setSample(x, y, colors, alphaAt(x, y, max));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTrue(ImageIO.write(new BufferedImage(model, raster, false, null), format, out), format + " writer");
        return out.toByteArray();
    }

    /** Transparent, opaque and everything between, in a pattern no smoothing would keep. */
    private static int alphaAt(int x, int y, int max) {
        return (int) ((long) max * ((x * 7 + y * 3) % 11) / 10);
    }

    private static double[] expectedAlpha(ImageData image) {
        int max = image.type().bitsPerSample() == 8 ? 255 : 65_535;
        double[] alpha = new double[image.width() * image.height()];
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                alpha[y * image.width() + x] = alphaAt(x, y, max);
            }
        }
        return alpha;
    }

    private static Samples sample(ImageData image) {
        return (x, y, c) -> value(image, x, y, c, 0);
    }

    private static double value(ImageData image, int x, int y, int c, int z) {
        return image.pixels().randomAccess().setPositionAndGet(x, y, c, z).getRealDouble();
    }
}
