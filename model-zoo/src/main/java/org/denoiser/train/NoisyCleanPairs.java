package org.denoiser.train;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.denoiser.api.DenoiseException;
import org.denoiser.inference.NoiseConditioning;
import org.denoiser.metrics.AffineFit;
import org.denoiser.noise.NoiseLevels;

/**
 * Real noise: 8-bit gray pairs {@code DIR/noisy/NAME} and {@code DIR/clean/NAME} (one shot, and the
 * mean of many shots of the same field), cut into {@code side x side} crops stored as
 * {@link RecordedNoise} reads them. Every {@code validationEvery}-th pair by name is held out with
 * all its crops.
 *
 * <p>Two things are measured on each whole image before it is cut, as the denoiser will measure
 * them at inference: the noise level the denoiser estimates for the noisy image (what a
 * conditioned network will be told), and the gain and offset that best map the clean image onto
 * the noisy one (least squares), because such pairs are often stretched to 8 bits separately and
 * the network must not learn to change the brightness.
 */
public record NoisyCleanPairs(Path dir, int validationEvery, int side) implements DataSource {

    @Override
    public DatasetSplit load() {
        List<Path> noisyFiles = ImageFolder.listImages(dir.resolve("noisy"), validationEvery, "PNG or TIFF",
                name -> name.endsWith(".png") || name.endsWith(".tif") || name.endsWith(".tiff"));
        List<float[]> train = new ArrayList<>();
        List<float[]> validation = new ArrayList<>();
        for (int i = 0; i < noisyFiles.size(); i++) {
            Path noisyFile = noisyFiles.get(i);
            Path cleanFile = dir.resolve("clean").resolve(noisyFile.getFileName().toString());
            if (!Files.isRegularFile(cleanFile)) {
                throw new DenoiseException(noisyFile + " has no clean counterpart " + cleanFile);
            }
            var noisyImage = ImageFolder.readGray8(noisyFile);
            var cleanImage = ImageFolder.readGray8(cleanFile);
            if (noisyImage.width() != cleanImage.width() || noisyImage.height() != cleanImage.height()) {
                throw new DenoiseException(noisyFile + " and " + cleanFile + " differ in size");
            }
            if (noisyImage.width() < side || noisyImage.height() < side) {
                throw new DenoiseException(noisyFile + " is smaller than the " + side + "x" + side + " crops");
            }
            PhotoReader.Photo stored = stored(ImageFolder.toUnitFloats(noisyImage), ImageFolder.toUnitFloats(cleanImage),
                    noisyImage.width(), noisyImage.height());
            (i % validationEvery == validationEvery - 1 ? validation : train)
                    .addAll(CroppedImageFolder.crops(stored, side));
        }
        return new DatasetSplit(new ImageSet(side, side, RecordedNoise.STORED, train),
                new ImageSet(side, side, RecordedNoise.STORED, validation));
    }

    /** Target (the clean image brightness-matched to the noisy one), noisy, shot, read, per pixel. */
    static PhotoReader.Photo stored(float[] noisy, float[] clean, int width, int height) {
        AffineFit brightness = AffineFit.of(clean, noisy);
        NoiseLevels levels = NoiseConditioning.estimate(noisy, width, height);
        float[] values = new float[noisy.length * RecordedNoise.STORED];
        for (int i = 0; i < noisy.length; i++) {
            values[i * RecordedNoise.STORED] = brightness.apply(clean[i]);
            values[i * RecordedNoise.STORED + 1] = noisy[i];
            values[i * RecordedNoise.STORED + 2] = (float) levels.shot();
            values[i * RecordedNoise.STORED + 3] = (float) levels.read();
        }
        return new PhotoReader.Photo(values, width, height, RecordedNoise.STORED);
    }

    @Override
    public String description() {
        return "real 8-bit noisy/clean pairs in " + dir.getFileName() + " (clean brightness-matched to noisy), cut into "
                + side + "x" + side + " crops, every " + validationEvery + "th pair (by name) held out";
    }
}
