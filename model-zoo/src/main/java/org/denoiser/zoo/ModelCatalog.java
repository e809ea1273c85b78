package org.denoiser.zoo;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.denoiser.api.CorruptModelException;
import org.denoiser.api.ModelInfo;
import org.denoiser.api.UnknownModelException;

/**
 * Every model the denoiser can load, from all sources in order (first wins on equal ids, so a user
 * folder can never replace a shipped model). A model whose folder is broken is left out of the
 * listing and named in {@link #problems()}, one line each: one bad user model must never hide the
 * good ones or stop a command that does not use it.
 */
public final class ModelCatalog {
    private final Map<String, PackagedModel> models = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();
    /** Problem of each broken folder by folder name, which is the name of the model it should hold. */
    private final Map<String, String> brokenFolders = new LinkedHashMap<>();

    public ModelCatalog(List<ModelSource> sources) {
        for (ModelSource source : sources) {
            for (String folder : folders(source)) {
                try {
                    add(PackagedModel.read(source, folder));
                } catch (CorruptModelException e) {
                    problems.add(oneLine(e.getMessage()));
                    brokenFolders.putIfAbsent(folder, oneLine(e.getMessage()));
                }
            }
        }
    }

    private List<String> folders(ModelSource source) {
        try {
            return source.names();
        } catch (UncheckedIOException e) {
            problems.add(oneLine(e.getMessage() + ": " + e.getCause().getMessage()));
            return List.of();
        }
    }

    private void add(PackagedModel model) {
        PackagedModel first = models.putIfAbsent(model.info().id(), model);
        if (first != null) {
            problems.add("model folder " + model.where() + " holds " + model.info().id() + ", which "
                    + first.where() + " already provides; ignored");
        }
    }

    /**
     * The bundled models of this jar, then the user's own models. Staging folders that killed
     * installs left in the user's folder are removed first (see {@link UserModels#removeLeftovers}).
     */
    public static ModelCatalog standard() {
        UserModels.standard().removeLeftovers();
        return new ModelCatalog(List.of(
                new ClasspathModelSource(ModelCatalog.class.getClassLoader()),
                new DirectoryModelSource(DenoiserHome.userModels())));
    }

    public List<ModelInfo> list() {
        return models.values().stream().map(PackagedModel::info).toList();
    }

    /** Folders that hold no usable model, each as one line naming the folder and the problem. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    public Optional<PackagedModel> find(String id) {
        return Optional.ofNullable(models.get(id));
    }

    /**
     * The model {@code id}; {@link CorruptModelException} with the problem if its folder is broken,
     * {@link UnknownModelException} naming the models that exist if there is no such model.
     */
    public PackagedModel get(String id) {
        String name = id == null ? "" : id.substring(id.indexOf('/') + 1);
        if (!models.containsKey(id) && brokenFolders.containsKey(name)) {
            throw new CorruptModelException("model " + ManifestParser.shown(id) + " cannot be used: " + brokenFolders.get(name));
        }
        return find(id).orElseThrow(() -> new UnknownModelException("unknown model '" + ManifestParser.shown(id)
                + "'; available: " + String.join(", ", models.keySet())
                + (problems.isEmpty() ? "" : "; " + problems.size() + " broken model folder(s), see 'denoiser models'")));
    }

    private static String oneLine(String message) {
        return message.replaceAll("\\R", " ");
    }
}
