package org.denoiser.zoo;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.util.Map;
import java.util.TreeMap;
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

    /**
     * Reads a manifest from {@code where} (named in errors), checking every field; throws
     * {@link org.denoiser.api.CorruptModelException} and nothing else for any input.
     */
    public static ModelManifest parse(String json, String where) {
        return ManifestParser.parse(json, where);
    }

    public String toJson() {
        return GSON.toJson(this);
    }
}
