package org.denoiser.classical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.denoiser.api.ImageTooSmallException;
import org.denoiser.io.ImageTooLargeException;
import org.denoiser.metrics.Psnr;
import org.denoiser.testimages.TestImages;
import org.junit.jupiter.api.Test;

class Bm3dTest {
    private static final int SIDE = 128;
    private static final double SIGMA = 25;

    /** The cameraman's head and coat: edges, texture and flat sky in one 128x128 crop. */
    private static final float[] CLEAN = Planes.crop(TestImages.camera(), 192, 48, SIDE, SIDE);

    @Test
    void bothStepsRemoveMostOfTheNoiseAndBeatStepOneAndABoxFilter() {
        float[] noisy = Planes.withGaussianNoise(CLEAN, SIGMA, 7);
        Bm3d bm3d = new Bm3d(2);
        double noisyPsnr = Psnr.compute(CLEAN, noisy, 255);
        double basic = Psnr.compute(CLEAN, bm3d.basicEstimate(noisy, SIDE, SIDE, SIGMA), 255);
        double full = Psnr.compute(CLEAN, bm3d.denoise(noisy, SIDE, SIDE, SIGMA), 255);
        double box = Psnr.compute(CLEAN, Planes.boxFiltered(noisy, SIDE, SIDE), 255);
        String scores = String.format("noisy %.2f, 3x3 mean %.2f, step 1 %.2f, both steps %.2f dB", noisyPsnr, box, basic, full);
        assertTrue(full - noisyPsnr >= 8, scores);
        assertTrue(full > basic + 0.2, scores);
        assertTrue(full > box + 1, scores);
    }

    @Test
    void twoThreadsGiveTheOneThreadResult() {
        float[] noisy = Planes.withGaussianNoise(CLEAN, SIGMA, 8);
        float[] one = new Bm3d(1).denoise(noisy, SIDE, SIDE, SIGMA);
        float[] two = new Bm3d(2).denoise(noisy, SIDE, SIDE, SIGMA);
        // Equal up to the order in which float sums meet (the threads' buffers are added at the end),
        // which may flip a near tie in step 2's matching: a few pixels move by a fraction of a grey level.
        double difference = 0;
        for (int i = 0; i < one.length; i++) {
            difference += Math.abs(one[i] - two[i]);
        }
        assertTrue(difference / one.length < 0.01, "mean absolute difference " + difference / one.length);
        assertEquals(Psnr.compute(CLEAN, one, 255), Psnr.compute(CLEAN, two, 255), 0.01);
    }

    @Test
    void aZeroSigmaKeepsThePlaneAndATinyPlaneIsRefused() {
        assertEquals(Psnr.compute(CLEAN, new Bm3d(1).denoise(CLEAN, SIDE, SIDE, 0), 255), Double.POSITIVE_INFINITY);
        ImageTooSmallException e = assertThrows(ImageTooSmallException.class,
                () -> new Bm3d(1).denoise(new float[7 * 20], 7, 20, 10));
        assertTrue(e.getMessage().contains("7x20"), e.getMessage());
    }

    @Test
    void aPlaneWhoseBuffersExceedTheHeapIsRefusedBeforeAllocating() {
        // A million threads would each need their own 64x64 aggregation buffers: 32 GB in all.
        ImageTooLargeException e = assertThrows(ImageTooLargeException.class,
                () -> new Bm3d(1_000_000).denoise(new float[64 * 64], 64, 64, 10));
        assertTrue(e.getMessage().contains("64x64 plane") && !e.getMessage().contains("\n"), e.getMessage());
    }
}
