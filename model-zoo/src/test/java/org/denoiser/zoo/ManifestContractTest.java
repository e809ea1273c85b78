package org.denoiser.zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.denoiser.api.CorruptModelException;
import org.denoiser.api.ModelInfo;
import org.denoiser.api.ModelNormalization;
import org.denoiser.api.ModelNormalization.FixedRange;
import org.denoiser.api.ModelNormalization.PercentileHeadroom;
import org.denoiser.api.NoiseRanges;
import org.junit.jupiter.api.Test;

/**
 * The machine-readable contract of model.json (normalization, axes, noise): shipped models state
 * today's behaviour, old manifests still load with it, and every part is checked by name.
 */
class ManifestContractTest {
    private static final String WHERE = "/models/x/model.json";
    private static final String SHA1 = "d3254af539403a9dfc71d5bd75776c92e87742da";
    private static final ModelNormalization OWN_RULES = new ModelNormalization(new FixedRange(0, 510),
            new PercentileHeadroom(1, 99, 0.3, 0.7, 0.9, 0), new FixedRange(-1, 1));

    private static String manifest(ModelNormalization normalization, NoiseRanges noise) {
        ModelInfo info = new ModelInfo("denoise/x", "1.0", "a test model", "nothing", "gaussian", 1, normalization, 4, 5,
                8, Map.of(), "mirror", null, ModelInfo.AXES_BYXC, noise);
        return new ModelManifest(info, Map.of("savedmodel/saved_model.pb", SHA1)).toJson();
    }

    private static String tampered(Consumer<JsonObject> changeInfo) {
        JsonObject root = JsonParser.parseString(manifest(OWN_RULES, NoiseRanges.gaussian(0, 0.2))).getAsJsonObject();
        changeInfo.accept(root.getAsJsonObject("info"));
        return root.toString();
    }

    private static String refusal(String json) {
        CorruptModelException e = assertThrows(CorruptModelException.class, () -> ModelManifest.parse(json, WHERE));
        assertTrue(e.getMessage().startsWith("model manifest " + WHERE + " "), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e.getMessage();
    }

    private static ModelInfo shipped(String name) throws IOException {
        ClasspathModelSource source = new ClasspathModelSource(ManifestContractTest.class.getClassLoader());
        try (InputStream in = source.open(name, ModelManifest.FILE_NAME)) {
            return ModelManifest.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), name).info();
        }
    }

    @Test
    void everyShippedModelStatesTodaysNormalizationAndItsNoise() throws IOException {
        ClasspathModelSource source = new ClasspathModelSource(getClass().getClassLoader());
        for (String name : source.names()) {
            ModelInfo info = shipped(name);
            assertEquals(ModelNormalization.DEFAULT, info.normalization(), name);
            assertEquals(ModelInfo.AXES_BYXC, info.axes(), name);
            assertTrue(info.noise() != null, name + " states its noise");
        }
        NoiseRanges gaussian = shipped("gaussian-gray").noise();
        assertEquals(NoiseRanges.gaussian(0, 55 / 255.0), gaussian, "sigma 0..55 of 255, in network units");
        NoiseRanges poissonGauss = shipped("poisson-gauss").noise();
        assertEquals(Math.sqrt(1 / 1000.0), poissonGauss.shot().min(), 1e-15, "1000 photons at full scale");
        assertEquals(Math.sqrt(1 / 2.0), poissonGauss.shot().max(), 1e-15, "2 photons at full scale");
        ModelInfo told = shipped("poisson-gauss-nl");
        assertEquals(told.conditioning().maxShot(), told.noise().shot().max(), "the levels it is told cover the noise");
        assertEquals(told.conditioning().maxRead(), told.noise().read().max());
    }

    @Test
    void aManifestFromBeforeTheContractLoadsWithTodaysBehaviour() {
        // as train-self wrote them: normalization a sentence, no axes, no noise
        String legacy = tampered(info -> {
            info.addProperty("normalization", "8-bit: 0..255 -> 0..1; 16/32-bit: 0.1..99.9 percentiles -> 0..1");
            info.remove("axes");
            info.remove("noise");
        });
        ModelInfo info = ModelManifest.parse(legacy, WHERE).info();
        assertEquals(ModelNormalization.DEFAULT, info.normalization());
        assertEquals(ModelInfo.AXES_BYXC, info.axes());
        assertNull(info.noise());
        ModelInfo rewritten = ModelManifest.parse(new ModelManifest(info, Map.of("savedmodel/saved_model.pb", SHA1))
                .toJson(), WHERE).info();
        assertEquals(info, rewritten, "written back with the contract's fields, read back the same");
    }

    @Test
    void statedRulesReadBackExactly() {
        NoiseRanges noise = NoiseRanges.poissonGaussian(new NoiseRanges.Range(0.01, 0.5), new NoiseRanges.Range(0, 0.05));
        String json = manifest(OWN_RULES, noise);
        ModelInfo info = ModelManifest.parse(json, WHERE).info();
        assertEquals(OWN_RULES, info.normalization());
        assertEquals(noise, info.noise());
        assertTrue(json.contains("\"kind\": \"percentile-headroom\""), json);
        assertEquals(json, new ModelManifest(info, Map.of("savedmodel/saved_model.pb", SHA1)).toJson());
    }

    @Test
    void eachPartIsCheckedByName() {
        Map<String, Consumer<JsonObject>> changes = new LinkedHashMap<>();
        changes.put("info.axes", info -> info.addProperty("axes", "bcyx"));
        changes.put("info.normalization' must be a JSON object with a rule per pixel type", info -> info.addProperty("normalization", 255));
        changes.put("info.normalization.floating", info -> rules(info).remove("floating"));
        changes.put("info.normalization.uint12", info -> rules(info).add("uint12", new JsonObject()));
        changes.put("info.normalization.uint8.kind", info -> rules(info).getAsJsonObject("uint8").addProperty("kind", "z-score"));
        changes.put("info.normalization.uint8.max", info -> rules(info).getAsJsonObject("uint8").addProperty("max", "255"));
        changes.put("info.normalization.floating' is inconsistent", info -> rules(info).getAsJsonObject("floating")
                .addProperty("max", -1));
        changes.put("info.normalization.uint16.highPercentile", info -> rules(info).getAsJsonObject("uint16")
                .addProperty("highPercentile", 1e300));
        changes.put("info.normalization.uint16' is inconsistent", info -> rules(info).getAsJsonObject("uint16")
                .addProperty("targetLow", 0));
        changes.put("info.normalization.uint16.gain", info -> rules(info).getAsJsonObject("uint16").addProperty("gain", 2));
        changes.put("info.noise.kind", info -> info.getAsJsonObject("noise").addProperty("kind", "speckle"));
        changes.put("info.noise.sigma.max", info -> info.getAsJsonObject("noise").getAsJsonObject("sigma")
                .addProperty("max", -0.5));
        changes.put("info.noise.sigma' is inconsistent", info -> info.getAsJsonObject("noise").getAsJsonObject("sigma")
                .addProperty("min", 0.3));
        changes.put("info.noise.shot", info -> info.getAsJsonObject("noise").add("shot", new JsonObject()));
        changes.forEach((field, change) -> {
            String message = refusal(tampered(change));
            assertTrue(message.contains("'" + field), field + ": " + message);
        });
    }

    private static JsonObject rules(JsonObject info) {
        return info.getAsJsonObject("normalization");
    }
}
