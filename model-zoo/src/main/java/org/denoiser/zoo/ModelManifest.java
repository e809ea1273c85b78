package org.denoiser.zoo;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.util.Map;
import java.util.TreeMap;
import org.denoiser.api.CorruptModelException;
import org.denoiser.api.ModelInfo;

/**
 * The {@code model.json} beside every packaged model: its {@link ModelInfo} plus the SHA-1 of each
 * file of the SavedModel, so a truncated or swapped file is caught before TensorFlow reads it.
 */
public record ModelManifest(ModelInfo info, Map<String, String> files) {
    public static final String FILE_NAME = "model.json";
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    public ModelManifest {
        files = new TreeMap<>(files);
    }

    public static ModelManifest parse(String json, String where) {
        try {
            ModelManifest manifest = GSON.fromJson(json, ModelManifest.class);
            if (manifest == null || manifest.info() == null || manifest.files() == null || manifest.files().isEmpty()) {
                throw new CorruptModelException("model manifest " + where + " lacks its info or file list");
            }
            return manifest;
        } catch (JsonParseException | IllegalArgumentException e) {
            throw new CorruptModelException("model manifest " + where + " is not valid: " + e.getMessage(), e);
        }
    }

    public String toJson() {
        return GSON.toJson(this);
    }
}
