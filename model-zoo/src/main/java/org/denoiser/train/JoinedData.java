package org.denoiser.train;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Several data sources of one image size as one: their training sets joined, and their validation sets. */
public record JoinedData(List<DataSource> sources) implements DataSource {

    public JoinedData {
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("nothing to join");
        }
        sources = List.copyOf(sources);
    }

    @Override
    public DatasetSplit load() {
        List<float[]> train = new ArrayList<>();
        List<float[]> test = new ArrayList<>();
        int height = -1;
        int width = -1;
        for (DataSource source : sources) {
            DatasetSplit split = source.load();
            if (height >= 0 && (split.train().height() != height || split.train().width() != width)) {
                throw new IllegalArgumentException(source.description() + " has " + split.train().width() + "x"
                        + split.train().height() + " images, the others " + width + "x" + height);
            }
            height = split.train().height();
            width = split.train().width();
            train.addAll(split.train().images());
            test.addAll(split.test().images());
        }
        return new DatasetSplit(new ImageSet(height, width, train), new ImageSet(height, width, test));
    }

    @Override
    public String description() {
        return sources.stream().map(DataSource::description).collect(Collectors.joining("; and "));
    }
}
