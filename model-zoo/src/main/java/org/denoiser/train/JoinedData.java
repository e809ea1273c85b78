package org.denoiser.train;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Several data sources of one image size and channel count as one: their training sets joined, and their validation sets. */
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
        ImageSet first = null;
        for (DataSource source : sources) {
            DatasetSplit split = source.load();
            ImageSet set = split.train();
            if (first != null && (set.height() != first.height() || set.width() != first.width()
                    || set.channels() != first.channels())) {
                throw new IllegalArgumentException(source.description() + " has " + set.width() + "x" + set.height()
                        + " images of " + set.channels() + " channel(s), the others " + first.width() + "x"
                        + first.height() + " of " + first.channels());
            }
            first = first != null ? first : set;
            train.addAll(split.train().images());
            test.addAll(split.test().images());
        }
        return new DatasetSplit(first.withImages(train), first.withImages(test));
    }

    @Override
    public String description() {
        return sources.stream().map(DataSource::description).collect(Collectors.joining("; and "));
    }
}
