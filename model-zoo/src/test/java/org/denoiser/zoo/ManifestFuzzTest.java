package org.denoiser.zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.denoiser.api.CorruptModelException;

/**
 * Fuzzes the {@code model.json} parser with Jazzer, a coverage-guided fuzzer. The parser must
 * either refuse an input with a {@link CorruptModelException} or return a manifest whose every
 * path stays inside the model folder and that writes back to the same manifest; any other
 * exception, error or hang is a finding.
 *
 * <p>In every build ({@code mvn verify}) this runs only the inputs in
 * {@code src/test/resources/org/denoiser/zoo/ManifestFuzzTestInputs/parserRefusesOnlyByName/}: the
 * shipped manifests (as they are, {@code *-contract.json}, and as they were before the normalization
 * became an object), tampered ones, and every crash found so far (each kept as a regression
 * test). To fuzz, for the duration below or as long as you like (a finding is written to that
 * folder as {@code crash-*}: keep it there as a regression input once it is fixed):
 *
 * <pre>
 * JAZZER_FUZZ=1 JAZZER_MAX_DURATION=10m JAZZER_INSTRUMENTATION_INCLUDES='org.denoiser.**:com.google.gson.**' \
 *     mvn -B -o -pl model-zoo -am test -Dtest=ManifestFuzzTest -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * <p>(Without {@code JAZZER_MAX_DURATION} a run stops after the {@code maxDuration} below;
 * instrumenting Gson too lets the fuzzer learn JSON syntax faster.) The {@code crash-*} inputs are
 * what 60 seconds of this found against the parser this one replaced.
 */
class ManifestFuzzTest {
    private static final Path FOLDER = Path.of("/models/fuzzed");

    @FuzzTest(maxDuration = "60s")
    @DictionaryEntries({"\"info\"", "\"files\"", "\"id\"", "\"version\"", "\"description\"", "\"trainedOn\"",
        "\"noiseModel\"", "\"inputChannels\"", "\"normalization\"", "\"sizeMultiple\"", "\"receptiveFieldRadius\"",
        "\"recommendedOverlap\"", "\"measuredPsnr\"", "\"border\"", "\"conditioning\"", "\"input\"", "\"kind\"",
        "\"maxShot\"", "\"maxRead\"", "\"poisson-gaussian-std\"", "\"noise_level\"", "\"mirror\"", "\"zero\"", "denoise/",
        "savedmodel/", "saved_model.pb", "variables/", "..", "/", "\\", "\\u0000", "\\ud800",
        "\"axes\"", "\"byxc\"", "\"uint8\"", "\"uint16\"", "\"floating\"", "\"fixed-range\"", "\"percentile-headroom\"",
        "\"min\"", "\"max\"", "\"lowPercentile\"", "\"highPercentile\"", "\"targetLow\"", "\"targetHigh\"", "\"passAbove\"",
        "\"maxSpanInNoiseSigmas\"", "\"noise\"", "\"gaussian\"", "\"poisson-gaussian\"", "\"sigma\"", "\"shot\"", "\"read\"",
        "\"d3254af539403a9dfc71d5bd75776c92e87742da\"", "2147483648", "1e400", "-0", "null", "true", "[]", "{}"})
    void parserRefusesOnlyByName(byte[] input) {
        String json = new String(input, StandardCharsets.UTF_8);
        ModelManifest manifest;
        try {
            manifest = ModelManifest.parse(json, "fuzz/model.json");
        } catch (CorruptModelException refused) {
            assertTrue(refused.getMessage().startsWith("model manifest fuzz/model.json "), refused.getMessage());
            assertTrue(refused.getMessage().lines().count() == 1, refused.getMessage());
            return;
        }
        assertTrue(ModelNames.isValid(manifest.info().name()), manifest.info().id());
        for (String file : manifest.files().keySet()) {
            Path resolved = FOLDER.resolve(file).normalize();
            assertTrue(resolved.startsWith(FOLDER.resolve(PackagedModel.SAVED_MODEL_DIR)) && !resolved.equals(FOLDER),
                    "escapes the model folder: " + file);
        }
        assertEquals(manifest, ModelManifest.parse(manifest.toJson(), "fuzz/model.json"), "writes back unchanged");
    }
}
