package org.denoiser.zoo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.denoiser.api.CorruptModelException;
import org.denoiser.api.ModelInfo;
import org.denoiser.api.UnknownModelException;

/**
 * Every model the denoiser can load, from all sources in order (first wins on equal ids). A model
 * whose manifest is broken is left out of the listing and named in {@link #problems()}: one bad
 * user model must never hide the good ones.
 */
public final class ModelCatalog {
    private final Map<String, PackagedModel> models = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();

    public ModelCatalog(List<ModelSource> sources) {
        for (ModelSource source : sources) {
            for (String folder : source.names()) {
                try {
                    PackagedModel model = PackagedModel.read(source, folder);
                    models.putIfAbsent(model.info().id(), model);
                } catch (CorruptModelException e) {
                    problems.add(e.getMessage());
                }
            }
        }
    }

    /** The bundled models of this jar, then the user's own models. */
    public static ModelCatalog standard() {
        return new ModelCatalog(List.of(
                new ClasspathModelSource(ModelCatalog.class.getClassLoader()),
                new DirectoryModelSource(DenoiserHome.userModels())));
    }

    public List<ModelInfo> list() {
        return models.values().stream().map(PackagedModel::info).toList();
    }

    public List<String> problems() {
        return List.copyOf(problems);
    }

    public Optional<PackagedModel> find(String id) {
        return Optional.ofNullable(models.get(id));
    }

    public PackagedModel get(String id) {
        return find(id).orElseThrow(() -> new UnknownModelException("unknown model '" + id + "'; available: "
                + String.join(", ", models.keySet()) + (problems.isEmpty() ? "" : "; unreadable: " + problems)));
    }
}
