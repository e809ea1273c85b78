package org.denoiser.train;

import java.util.List;

/**
 * Another source's [0,1] images mapped to {@code base .. base + span}: how the Denoiser's headroom
 * map presents an ordinary 16/32-bit image to the network (0.2..0.8), which photo presets
 * otherwise never show it.
 */
public record AffineMapped(DataSource source, float base, float span) implements DataSource {

    @Override
    public DatasetSplit load() {
        DatasetSplit split = source.load();
        return new DatasetSplit(map(split.train()), map(split.test()));
    }

    private ImageSet map(ImageSet set) {
        List<float[]> images = set.images().stream().map(image -> {
            float[] out = new float[image.length];
            for (int i = 0; i < image.length; i++) {
                out[i] = base + span * image[i];
            }
            return out;
        }).toList();
        return set.withImages(images);
    }

    @Override
    public String description() {
        return source.description() + ", mapped to " + Numbers.plain(base) + ".." + Numbers.plain(base + span);
    }
}
