package org.denoiser.zoo;

import ai.djl.Application;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.repository.MRL;
import ai.djl.repository.Repository;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelLoader;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.Translator;
import ai.djl.util.Progress;
import java.io.IOException;
import java.nio.file.Path;
import org.denoiser.api.CorruptModelException;
import org.denoiser.api.ModelInfo;

/** DJL's view of one packaged model: unpack (verified) into the cache, then load with TensorFlow. */
final class CatalogModelLoader implements ModelLoader {
    static final String ENGINE = "TensorFlow";

    private final PackagedModel model;
    private final Path cacheRoot;
    private final MRL mrl;

    CatalogModelLoader(PackagedModel model, Path cacheRoot, Repository repository) {
        this.model = model;
        this.cacheRoot = cacheRoot;
        ModelInfo info = model.info();
        this.mrl = MRL.model(repository, Application.UNDEFINED, info.group(), info.name(), info.version(), info.name());
    }

    @Override
    public String getGroupId() {
        return model.info().group();
    }

    @Override
    public String getArtifactId() {
        return model.info().name();
    }

    @Override
    public Application getApplication() {
        return Application.UNDEFINED;
    }

    @Override
    public MRL getMrl() {
        return mrl;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <I, O> ZooModel<I, O> loadModel(Criteria<I, O> criteria)
            throws IOException, ModelNotFoundException, MalformedModelException {
        if (criteria.getInputClass() != NDList.class || criteria.getOutputClass() != NDList.class) {
            throw new ModelNotFoundException("denoiser models take and give NDList; pass a Translator to newPredictor");
        }
        TensorFlowNatives.ensureInstalled();
        Path savedModel = model.unpack(cacheRoot);
        Model loaded = Model.newInstance(model.info().id(), ENGINE);
        try {
            loaded.load(savedModel);
        } catch (IOException | MalformedModelException | RuntimeException e) {
            loaded.close();
            // Files whose hashes match a manifest that was "fixed up" still reach TensorFlow, which
            // then fails with its own exception types: name the model folder, in one line.
            throw new CorruptModelException("TensorFlow cannot load model " + model.info().id() + " from "
                    + model.where() + ": " + ManifestParser.firstLine(e.getMessage()), e);
        }
        return new ZooModel<>(loaded, (Translator<I, O>) new NoopTranslator());
    }

    @Override
    public <I, O> boolean isDownloaded(Criteria<I, O> criteria) {
        return true;
    }

    @Override
    public <I, O> void downloadModel(Criteria<I, O> criteria, Progress progress) {
        // Every model ships inside a jar or a user folder: there is never anything to download.
    }
}
