package org.denoiser.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.view.Views;
import org.junit.jupiter.api.Test;

/** One {@code Denoiser} shared by several threads: one model per process, per-call progress and cancel. */
class SharedDenoiserTest {
    private static final int CALLERS = 4;

    @Test
    void concurrentCallsGiveTheSameResultsAsOneAtATime() throws Exception {
        List<Img<UnsignedByteType>> images = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            images.add(noise(96 + 8 * i, 80, i));
        }
        try (Denoiser shared = BundledModels.seed().tileSize(40).threads(2).build()) {
            List<int[]> oneAtATime = new ArrayList<>();
            images.forEach(image -> oneAtATime.add(pixels(shared.denoise(image))));
            ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
            try {
                for (int round = 0; round < 3; round++) {
                    List<Future<Img<UnsignedByteType>>> together = new ArrayList<>();
                    for (Img<UnsignedByteType> image : images) {
                        together.add(callers.submit(() -> shared.denoise(image)));
                    }
                    for (int i = 0; i < CALLERS; i++) {
                        // Identical in every run so far; one gray level is left for TensorFlow's
                        // float rounding, while a race between calls would garble whole tiles.
                        int[] result = pixels(together.get(i).get());
                        assertTrue(maxDifference(oneAtATime.get(i), result) <= 1, "round " + round + ", image " + i + ": "
                                + differences(oneAtATime.get(i), result));
                    }
                }
            } finally {
                callers.shutdownNow();
            }
        }
    }

    @Test
    void progressAndCancelBelongToOneCall() throws Exception {
        try (Denoiser shared = BundledModels.seed().tileSize(40).threads(2).build()) {
            CancelToken cancelFirst = new CancelToken();
            AtomicLong secondDone = new AtomicLong();
            AtomicLong secondTotal = new AtomicLong();
            ExecutorService callers = Executors.newFixedThreadPool(2);
            try {
                Future<Img<UnsignedByteType>> first = callers.submit(() -> shared.denoise(noise(200, 200, 1), -1,
                        (done, total) -> {
                            if (done == 2) {
                                cancelFirst.cancel();
                            }
                        }, cancelFirst));
                Future<Img<UnsignedByteType>> second = callers.submit(() -> shared.denoise(noise(120, 80, 2), -1,
                        (done, total) -> {
                            secondDone.set(done);
                            secondTotal.set(total);
                        }, new CancelToken()));
                ExecutionException cancelled = assertThrows(ExecutionException.class, first::get);
                assertTrue(cancelled.getCause() instanceof CancelledException, cancelled.toString());
                assertEquals(120 * 80, pixels(second.get()).length, "the other call finishes");
                assertTrue(secondTotal.get() > 1 && secondDone.get() == secondTotal.get(),
                        "the second call's progress counts its own tiles: " + secondDone + "/" + secondTotal);
            } finally {
                callers.shutdownNow();
            }
        }
    }

    @Test
    void closeWaitsForTheRunningCallAndLaterCallsFail() throws Exception {
        Denoiser shared = BundledModels.seed().tileSize(40).threads(2).build();
        CountDownLatch running = new CountDownLatch(1);
        AtomicBoolean lastTileDone = new AtomicBoolean();
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try {
            Future<Img<UnsignedByteType>> call = caller.submit(() -> shared.denoise(noise(240, 240, 3), -1,
                    (done, total) -> {
                        running.countDown();
                        if (done == total) {
                            lastTileDone.set(true);
                        }
                    }, new CancelToken()));
            assertTrue(running.await(60, TimeUnit.SECONDS), "the call started");
            shared.close();
            // Not call.isDone(): the call leaves the denoiser before its Future is marked done, a moment later.
            assertTrue(lastTileDone.get(), "close returned only after the running call's last tile");
            assertEquals(240 * 240, pixels(call.get()).length, "and that call completed normally");
            IllegalStateException closed = assertThrows(IllegalStateException.class, () -> shared.denoise(noise(64, 64, 4)));
            assertTrue(closed.getMessage().contains("closed"), closed.getMessage());
            shared.close(); // a second close does nothing
        } finally {
            caller.shutdownNow();
        }
    }

    private static int maxDifference(int[] a, int[] b) {
        int max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }

    private static String differences(int[] a, int[] b) {
        int count = 0;
        int max = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) {
                count++;
                max = Math.max(max, Math.abs(a[i] - b[i]));
            }
        }
        return count + " of " + a.length + " differ, max " + max;
    }

    private static Img<UnsignedByteType> noise(int width, int height, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Img<UnsignedByteType> image = ArrayImgs.unsignedBytes(width, height);
        for (UnsignedByteType pixel : image) {
            pixel.set(random.nextInt(256));
        }
        return image;
    }

    private static List<Integer> pixelList(Img<UnsignedByteType> image) {
        List<Integer> values = new ArrayList<>();
        for (UnsignedByteType pixel : Views.flatIterable(image)) {
            values.add(pixel.get());
        }
        return values;
    }

    private static int[] pixels(Img<UnsignedByteType> image) {
        return pixelList(image).stream().mapToInt(Integer::intValue).toArray();
    }
}
