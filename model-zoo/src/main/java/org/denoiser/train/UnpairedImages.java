package org.denoiser.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Clean gray images laid out as {@link NoisyCleanPairs} stores real pairs, with no recording (the
 * noisy and level channels NaN), so they can be joined with real pairs and get synthetic noise
 * from {@link RecordedNoise}.
 */
public record UnpairedImages(DataSource clean) implements DataSource {

    @Override
    public DatasetSplit load() {
        DatasetSplit split = clean.load();
        if (split.train().channels() != 1) {
            throw new IllegalArgumentException("unpaired images must be gray, got " + split.train().channels() + " channels");
        }
        return new DatasetSplit(stored(split.train()), stored(split.test()));
    }

    private static ImageSet stored(ImageSet gray) {
        List<float[]> images = new ArrayList<>();
        for (float[] image : gray.images()) {
            float[] stored = new float[image.length * RecordedNoise.STORED];
            Arrays.fill(stored, Float.NaN);
            for (int i = 0; i < image.length; i++) {
                stored[i * RecordedNoise.STORED] = image[i];
            }
            images.add(stored);
        }
        return new ImageSet(gray.height(), gray.width(), RecordedNoise.STORED, images);
    }

    @Override
    public String description() {
        return clean.description();
    }
}
