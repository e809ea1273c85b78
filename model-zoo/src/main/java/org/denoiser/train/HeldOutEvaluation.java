package org.denoiser.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.denoiser.metrics.Psnr;
import java.util.stream.IntStream;

/**
 * Noisy copies of the held-out images with fixed noise, and the mean PSNR of the noisy input and
 * of the network's output against the clean images (over all values of a colour image: the
 * "whole RGB PSNR"). Images are run in chunks to bound memory.
 */
public final class HeldOutEvaluation {

    private static final int CHUNK = 256;

    private final List<Batch> chunks = new ArrayList<>();

    public HeldOutEvaluation(ImageSet heldOut, NoiseModel noise, long seed) {
        Random random = new Random(seed);
        for (int start = 0; start < heldOut.size(); start += CHUNK) {
            List<Integer> indices = IntStream.range(start, Math.min(heldOut.size(), start + CHUNK))
                    .boxed().toList();
            chunks.add(Batch.of(heldOut, indices, noise, random));
        }
    }

    /** The first noisy/clean images, e.g. for checks or a montage. */
    public Batch firstChunk() {
        return chunks.get(0);
    }

    public double meanPsnrNoisy() {
        double sum = 0;
        int count = 0;
        for (Batch chunk : chunks) {
            for (int i = 0; i < chunk.size(); i++) {
                sum += Psnr.compute(chunk.cleanImage(i), chunk.noisyImage(i), 1.0);
                count++;
            }
        }
        return sum / count;
    }

    /** A network as a function: {@code count} stacked images of {@code height x width} in, as many out. */
    @FunctionalInterface
    public interface ImageFunction {
        float[] run(float[] pixels, int count, int height, int width);
    }

    public double meanPsnrDenoised(TrainingSession session) {
        return meanPsnrOfBatches(session::denoise);
    }

    /** For a blind network given as a function of the noisy images alone. */
    public double meanPsnrDenoised(ImageFunction network) {
        return meanPsnrOfBatches(chunk -> network.run(chunk.noisy(), chunk.size(), chunk.height(), chunk.width()));
    }

    /** For a network that may also be told each image's noise levels (they travel in the batch). */
    public double meanPsnrOfBatches(java.util.function.Function<Batch, float[]> network) {
        double sum = 0;
        int count = 0;
        int values = firstChunk().valuesPerImage();
        for (Batch chunk : chunks) {
            float[] denoised = network.apply(chunk);
            for (int i = 0; i < chunk.size(); i++) {
                float[] image = new float[values];
                System.arraycopy(denoised, i * values, image, 0, values);
                sum += Psnr.compute(chunk.cleanImage(i), image, 1.0);
                count++;
            }
        }
        return sum / count;
    }
}
