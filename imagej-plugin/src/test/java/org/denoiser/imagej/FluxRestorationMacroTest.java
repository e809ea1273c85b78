package org.denoiser.imagej;

import static org.denoiser.imagej.Fixtures.CAMERA_MODEL;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;
import org.denoiser.api.Denoiser;
import org.denoiser.io.ImageCodec;
import org.denoiser.io.ImageData;
import org.denoiser.testimages.CleanNoisyPair;
import org.denoiser.testimages.LowLight;
import org.denoiser.testimages.SyntheticImages;
import org.denoiser.testimages.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Restore flux (16/32-bit)" through real ImageJ macros, headless as in {@code ImageJ -batch}: on
 * unless the options say {@code flux=false}. Each setting gives exactly what the command line's
 * path gives for the same file ({@code ./denoiser denoise}, and with {@code --no-flux-restoration}),
 * and on a 32-bit sky the two settings give different pixels. 8-bit images ignore the key.
 */
class FluxRestorationMacroTest {
    private static final String CAMERA = "model=" + CAMERA_MODEL + " stack";

    @TempDir
    Path dir;

    private final ImageCodec codec = ImageCodec.defaults();

    @Test
    void fluxFalseChangesA32BitSkyAndEachSettingEqualsTheCommandLine() throws IOException {
        CleanNoisyPair<FloatType> pair = SyntheticImages.astronomyFrame(3, 160, 128, LowLight.DIM);
        ImagePlus noisy = Fixtures.gray("sky.tif", pair.noisy(), 1, 1, 1);

        ImageJHarness.MacroRun withFlux = ImageJHarness.denoise(noisy, CAMERA, dir);
        ImageJHarness.MacroRun withoutFlux = ImageJHarness.denoise(noisy, CAMERA + " flux=false", dir);
        ImagePlus on = saved(withFlux);
        ImagePlus off = saved(withoutFlux);

        assertTrue(withoutFlux.log().contains("Denoise: sky.tif with " + CAMERA_MODEL + ", flux restoration off, 1 plane(s)"),
                "the Log line says the flux was not restored:\n" + withoutFlux.log());
        assertFalse(withFlux.log().contains("flux restoration off"), withFlux.log());
        Path file = dir.resolve("sky.tif"); // the file the harness saved and the macro opened
        Fixtures.assertSamePixels(commandLine(file, true), Fixtures.pixels(on));
        Fixtures.assertSamePixels(commandLine(file, false), Fixtures.pixels(off));
        assertNotEquals(0, maxDifference(Fixtures.pixels(on), Fixtures.pixels(off)),
                "flux=false must change a 32-bit result");
        System.out.printf(Locale.ROOT, "Flux on a 32-bit sky (%s): mean of denoised - clean, on %+.4f, off %+.4f"
                + " (noisy %+.4f); largest pixel difference on/off %.4f%n", CAMERA_MODEL,
                meanDifference(Fixtures.pixels(on), pair.clean()), meanDifference(Fixtures.pixels(off), pair.clean()),
                meanDifference(pair.noisy(), pair.clean()), maxDifference(Fixtures.pixels(on), Fixtures.pixels(off)));
    }

    @Test
    void eightBitImagesIgnoreTheKey() throws IOException {
        CleanNoisyPair<UnsignedByteType> pair = SyntheticImages.gaussianNoisy8bit(TestImages.camera(), 25, 5);
        ImagePlus noisy = Fixtures.gray("camera.tif", Views.interval(pair.noisy(), new long[] {0, 0}, new long[] {127, 95}),
                1, 1, 1);
        String options = "model=" + Fixtures.MODEL + " stack";

        ImagePlus on = saved(ImageJHarness.denoise(noisy, options, dir));
        ImagePlus off = saved(ImageJHarness.denoise(noisy, options + " flux=false", dir));

        Fixtures.assertSamePixels(Fixtures.pixels(on), Fixtures.pixels(off));
    }

    private static ImagePlus saved(ImageJHarness.MacroRun run) {
        assertNotNull(run.saved(), "the macro saved no result; its log:\n" + run.log());
        return run.saved();
    }

    /** The command line's path for {@code file}: read, denoise with the Denoiser's defaults but flux, in memory. */
    private RandomAccessibleInterval<? extends RealType<?>> commandLine(Path file, boolean restoreFlux) {
        try (Denoiser denoiser = Denoiser.builder().model(CAMERA_MODEL).restoreFlux(restoreFlux).build()) {
            ImageData result = denoiser.denoise(codec.read(file));
            return result.pixels();
        }
    }

    private static double meanDifference(RandomAccessibleInterval<? extends RealType<?>> a,
            RandomAccessibleInterval<? extends RealType<?>> b) {
        var ca = Views.flatIterable(a).cursor();
        var cb = Views.flatIterable(b).cursor();
        double sum = 0;
        long n = 0;
        while (ca.hasNext()) {
            sum += ca.next().getRealDouble() - cb.next().getRealDouble();
            n++;
        }
        return sum / n;
    }

    private static double maxDifference(RandomAccessibleInterval<? extends RealType<?>> a,
            RandomAccessibleInterval<? extends RealType<?>> b) {
        var ca = Views.flatIterable(a).cursor();
        var cb = Views.flatIterable(b).cursor();
        double max = 0;
        while (ca.hasNext()) {
            max = Math.max(max, Math.abs(ca.next().getRealDouble() - cb.next().getRealDouble()));
        }
        return max;
    }
}
