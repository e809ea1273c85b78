package org.denoiser.zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Consumer;
import org.denoiser.api.Conditioning;
import org.denoiser.api.CorruptModelException;
import org.denoiser.api.ModelInfo;
import org.denoiser.api.ModelNormalization;
import org.junit.jupiter.api.Test;

/** Every field of model.json is checked, and each refusal names the manifest and the field. */
class ManifestParserTest {
    private static final String WHERE = "/models/x/model.json";
    private static final String SHA1 = "d3254af539403a9dfc71d5bd75776c92e87742da";

    static String valid() {
        ModelInfo info = new ModelInfo("denoise/x", "1.0", "a test model", "nothing", "gaussian", 1, ModelNormalization.DEFAULT, 4, 5, 8,
                Map.of("held out", "20.0 -> 28.0 dB"), "mirror");
        return new ModelManifest(info, Map.of("savedmodel/saved_model.pb", SHA1,
                "savedmodel/variables/variables.index", SHA1)).toJson();
    }

    /** The valid manifest with one change made to its JSON tree. */
    private static String tampered(Consumer<JsonObject> change) {
        JsonObject root = JsonParser.parseString(valid()).getAsJsonObject();
        change.accept(root);
        return root.toString();
    }

    private static String refusal(String json) {
        CorruptModelException e = assertThrows(CorruptModelException.class, () -> ModelManifest.parse(json, WHERE));
        assertTrue(e.getMessage().contains(WHERE), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e.getMessage();
    }

    @Test
    void aManifestWrittenByThePackagerReadsBackUnchanged() {
        ModelManifest manifest = ModelManifest.parse(valid(), WHERE);
        assertEquals("denoise/x", manifest.info().id());
        assertEquals(8, manifest.info().recommendedOverlap());
        assertEquals(Map.of("held out", "20.0 -> 28.0 dB"), manifest.info().measuredPsnr());
        assertEquals(valid(), manifest.toJson());
    }

    @Test
    void everyShippedManifestPasses() throws IOException {
        ClasspathModelSource shipped = new ClasspathModelSource(getClass().getClassLoader());
        assertFalse(shipped.names().isEmpty());
        for (String name : shipped.names()) {
            try (InputStream in = shipped.open(name, ModelManifest.FILE_NAME)) {
                ModelManifest m = ModelManifest.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), name);
                assertEquals("denoise/" + name, m.info().id());
            }
        }
    }

    @Test
    void pathsThatCouldLeaveTheModelFolderAreRefused() {
        for (String path : new String[] {"savedmodel/../../../../etc/passwd", "/etc/passwd", "savedmodel//x",
            "savedmodel/./x", "savedmodel/..", "savedmodel\\..\\x", "C:/x", "savedmodel/.hidden", "other/x",
            "savedmodel", "savedmodel/x/", "savedmodel/a b"}) {
            String message = refusal(tampered(root -> root.getAsJsonObject("files").addProperty(path, SHA1)));
            assertTrue(message.contains("field 'files'") && message.contains("plain relative path"), message);
        }
    }

    @Test
    void aMissingOrEmptyFileListIsNamed() {
        assertTrue(refusal(tampered(root -> root.remove("files"))).contains("field 'files' is missing"));
        assertTrue(refusal(tampered(root -> root.add("files", new JsonObject()))).contains("lists 0 files"));
        assertTrue(refusal(tampered(root -> root.getAsJsonObject("files").remove("savedmodel/saved_model.pb")))
                .contains("does not list savedmodel/saved_model.pb"));
    }

    @Test
    void idsAndVersionsThatWouldNameAnotherCacheFolderAreRefused() {
        for (String id : new String[] {"denoise/../../x", "denoise/a/b", "other/x", "denoise/", "denoise/.x", "x"}) {
            String message = refusal(tampered(root -> root.getAsJsonObject("info").addProperty("id", id)));
            assertTrue(message.contains("field 'info.id'"), message);
        }
        for (String version : new String[] {"../1", "1/2", "", ".1"}) {
            String message = refusal(tampered(root -> root.getAsJsonObject("info").addProperty("version", version)));
            assertTrue(message.contains("field 'info.version'"), message);
        }
    }

    @Test
    void eachFieldHasItsTypeAndRange() {
        Map<String, Consumer<JsonObject>> changes = Map.of(
                "info.inputChannels", info -> info.addProperty("inputChannels", 0),
                "info.sizeMultiple", info -> info.addProperty("sizeMultiple", 1e12),
                "info.receptiveFieldRadius", info -> info.addProperty("receptiveFieldRadius", 2.5),
                "info.recommendedOverlap", info -> info.addProperty("recommendedOverlap", "8"),
                "info.description", info -> info.addProperty("description", "red \u001b[31m text"),
                "info.border", info -> info.addProperty("border", "wrap"),
                "info.noiseModel", info -> info.remove("noiseModel"),
                "info.measuredPsnr", info -> info.addProperty("measuredPsnr", "30 dB"),
                "info.colour", info -> info.addProperty("colour", "blue"));
        changes.forEach((field, change) -> {
            String message = refusal(tampered(root -> change.accept(root.getAsJsonObject("info"))));
            assertTrue(message.contains("'" + field + "'"), field + ": " + message);
        });
        String badHash = refusal(tampered(root -> root.getAsJsonObject("files").addProperty("savedmodel/saved_model.pb", "abc")));
        assertTrue(badHash.contains("SHA-1"), badHash);
    }

    /** The valid manifest of a model told the noise level. */
    private static String conditioned() {
        return tampered(root -> {
            JsonObject conditioning = new JsonObject();
            conditioning.addProperty("input", "noise_level");
            conditioning.addProperty("kind", Conditioning.POISSON_GAUSSIAN_STD);
            conditioning.addProperty("maxShot", 0.7071067811865476);
            conditioning.addProperty("maxRead", 0.2157);
            root.getAsJsonObject("info").add("conditioning", conditioning);
        });
    }

    private static String conditioned(Consumer<JsonObject> change) {
        JsonObject root = JsonParser.parseString(conditioned()).getAsJsonObject();
        change.accept(root.getAsJsonObject("info").getAsJsonObject("conditioning"));
        return root.toString();
    }

    @Test
    void theConditioningContractReadsBackAndBlindModelsHaveNone() {
        ModelInfo info = ModelManifest.parse(conditioned(), WHERE).info();
        assertEquals(new Conditioning("noise_level", Conditioning.POISSON_GAUSSIAN_STD, 0.7071067811865476, 0.2157),
                info.conditioning());
        assertTrue(info.isConditioned());
        assertEquals(info, ModelManifest.parse(new ModelManifest(info, Map.of("savedmodel/saved_model.pb", SHA1)).toJson(),
                WHERE).info());
        assertFalse(ModelManifest.parse(valid(), WHERE).info().isConditioned());
        assertFalse(valid().contains("conditioning"), "blind manifests stay as they were");
    }

    @Test
    void eachConditioningFieldIsCheckedByName() {
        Map<String, Consumer<JsonObject>> changes = Map.of(
                "info.conditioning.input", c -> c.addProperty("input", "../noise level"),
                "info.conditioning.kind", c -> c.addProperty("kind", "noise-map"),
                "info.conditioning.maxShot", c -> c.addProperty("maxShot", -0.1),
                "info.conditioning.maxRead", c -> c.addProperty("maxRead", "0.2"),
                "info.conditioning.extra", c -> c.addProperty("extra", 1));
        changes.forEach((field, change) -> {
            String message = refusal(conditioned(change));
            assertTrue(message.contains("'" + field + "'"), field + ": " + message);
        });
        assertTrue(refusal(conditioned(c -> c.remove("kind"))).contains("'info.conditioning.kind' is missing"));
        assertTrue(refusal(conditioned(c -> c.addProperty("maxRead", 1e300))).contains("from 0 to 10"));
        assertTrue(refusal(tampered(root -> root.getAsJsonObject("info").addProperty("conditioning", "noise_level")))
                .contains("'info.conditioning' must be a JSON object"));
    }

    @Test
    void onlyStrictJsonIsRead() {
        for (String json : new String[] {"", "[]", "null", "{", valid() + "{}", "// comment\n" + valid(),
            valid().replace("\"info\"", "info"), "{'info': 1}", "{\"info\": NaN}", "[".repeat(100_000)}) {
            String message = refusal(json);
            assertTrue(message.contains("not valid JSON") || message.contains("must be a JSON object"), message);
        }
    }
}
