package org.denoiser.classical;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.denoiser.api.DenoiseException;
import org.denoiser.api.ImageTooSmallException;
import org.denoiser.io.ImageTooLargeException;

/**
 * BM3D (Dabov, Foi, Katkovnik, Egiazarian, "Image denoising by sparse 3-D transform-domain
 * collaborative filtering", IEEE TIP 2007) for one gray plane with white Gaussian noise of a known
 * sigma, written from the paper and Lebrun's IPOL 2012 analysis (parameters in {@link
 * StepParameters}): step 1 hard-thresholds groups of similar blocks of the noisy image into a
 * basic estimate; step 2 regroups on the basic estimate and Wiener-filters the noisy groups.
 *
 * <p>Differences from the reference implementation, all simplifications: a 2-D DCT in both steps
 * (the paper's step 1 uses bior1.5), a Walsh-Hadamard transform along the group (equal to Haar for
 * 2 blocks), search windows clipped at the image border instead of a padded image, and 8x8 blocks
 * at every sigma. Values are in the image's units; the matching thresholds assume 0..255 grey
 * levels, so other ranges are scaled to it by the caller ({@link VstBm3d} does).
 *
 * <p>Reference rows are split among {@code threads} threads; each aggregates into its own buffers
 * and the sums are added. A thread holds only the match lists of a band of reference rows.
 */
public final class Bm3d {
    /** Reference rows whose matches a thread computes at once: bounds the match lists' memory. */
    private static final int BAND_ROWS = 8;

    private final int threads;

    public Bm3d(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.threads = threads;
    }

    /** Both steps: the final estimate of a row-major {@code width x height} plane. */
    public float[] denoise(float[] noisy, int width, int height, double sigma) {
        check(noisy, width, height, sigma);
        checkMemory(width, height);
        if (sigma == 0) {
            return noisy.clone();
        }
        float[] basic = basicEstimate(noisy, width, height, sigma);
        return run(new WienerFiltering(noisy, basic, width, sigma), width, height);
    }

    /** Step 1 alone (the basic estimate). */
    public float[] basicEstimate(float[] noisy, int width, int height, double sigma) {
        check(noisy, width, height, sigma);
        checkMemory(width, height);
        if (sigma == 0) {
            return noisy.clone();
        }
        return run(new HardThresholding(noisy, width, sigma), width, height);
    }

    private static void check(float[] noisy, int width, int height, double sigma) {
        if (width < BlockTransform.SIDE || height < BlockTransform.SIDE) {
            throw new ImageTooSmallException("BM3D needs a plane of at least 8x8 pixels, got " + width + "x" + height);
        }
        if (noisy.length != (long) width * height) {
            throw new IllegalArgumentException(width + "x" + height + " needs " + (long) width * height
                    + " pixels, got " + noisy.length);
        }
        if (!(sigma >= 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("BM3D's sigma must be a finite number >= 0, got " + sigma);
        }
        for (float v : noisy) {
            if (!Float.isFinite(v)) {
                throw new DenoiseException("BM3D needs finite pixels; this plane has NaN or infinite values");
            }
        }
    }

    /**
     * Refuses a plane whose working copies would not fit in half the heap: the basic estimate, the
     * result, and a numerator and denominator per thread, each a float per pixel.
     */
    private void checkMemory(int width, int height) {
        long bytes = (long) width * height * Float.BYTES * (2 + 2L * threads);
        long allowed = Runtime.getRuntime().maxMemory() / 2;
        if (bytes > allowed) {
            throw new ImageTooLargeException(String.format(Locale.ROOT,
                    "BM3D needs about %d MB for a %dx%d plane at %d threads, more than half the Java heap (%d MB)",
                    bytes >> 20, width, height, threads, allowed >> 19));
        }
    }

    private float[] run(GroupFilter filter, int width, int height) {
        StepParameters parameters = filter.parameters();
        int[] rows = grid(height, parameters.step());
        int[] columns = grid(width, parameters.step());
        BlockMatcher matcher = new BlockMatcher(filter.guide(), width, height, parameters);
        int parts = Math.min(threads, rows.length);
        List<FutureTask<Aggregation>> tasks = new ArrayList<>();
        List<Thread> started = new ArrayList<>();
        for (int t = 0; t < parts; t++) {
            int from = t * rows.length / parts;
            int to = (t + 1) * rows.length / parts;
            FutureTask<Aggregation> task = new FutureTask<>(() -> aggregate(filter, matcher, rows, from, to, columns, width, height));
            tasks.add(task);
            if (t > 0) {
                Thread thread = new Thread(task, "bm3d-" + t);
                thread.setDaemon(true);
                thread.start();
                started.add(thread);
            }
        }
        tasks.get(0).run(); // the caller's thread takes the first part
        Aggregation total = result(tasks.get(0));
        for (int t = 1; t < parts; t++) {
            total.addAll(result(tasks.get(t)));
        }
        return total.estimate();
    }

    private static Aggregation aggregate(GroupFilter filter, BlockMatcher matcher, int[] rows, int from, int to,
            int[] columns, int width, int height) {
        Aggregation aggregation = new Aggregation(width, height);
        int maxGroup = filter.parameters().maxGroup();
        GroupFilter.Workspace work = new GroupFilter.Workspace(maxGroup);
        int[] positions = new int[maxGroup];
        for (int bandStart = from; bandStart < to; bandStart += BAND_ROWS) {
            int[] band = Arrays.copyOfRange(rows, bandStart, Math.min(to, bandStart + BAND_ROWS));
            BlockMatcher.Matches matches = matcher.match(band, columns);
            for (int reference = 0; reference < band.length * columns.length; reference++) {
                int count = matches.groupSize(reference);
                for (int i = 0; i < count; i++) {
                    positions[i] = matches.position(reference, i);
                }
                float weight = filter.filter(positions, count, work);
                for (int i = 0; i < count; i++) {
                    aggregation.add(work.group, i * BlockTransform.SIZE, positions[i], weight);
                }
            }
        }
        return aggregation;
    }

    private static Aggregation result(FutureTask<Aggregation> task) {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DenoiseException("BM3D was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new DenoiseException("BM3D failed: " + e.getCause(), e.getCause());
        }
    }

    /** Block origins every {@code step} pixels, plus the last possible one so every pixel is covered. */
    static int[] grid(int length, int step) {
        int last = length - BlockTransform.SIDE;
        int count = last / step + 1 + (last % step == 0 ? 0 : 1);
        int[] grid = new int[count];
        for (int i = 0; i < count; i++) {
            grid[i] = Math.min(i * step, last);
        }
        return grid;
    }
}
