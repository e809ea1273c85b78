package org.denoiser.bioimage;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import java.util.Map;
import org.denoiser.api.ModelInfo;
import org.denoiser.api.ModelNormalization;

/**
 * The {@code rdf.yaml} of a bioimage.io model package (format 0.5),
 * written as text: every value is either a number or a double-quoted YAML string.
 */
final class Rdf {

    private Rdf() {
    }

    /** @param shas the SHA-256 of each file of the package by name (weights and test tensors) */
    static String of(ModelInfo info, String license, int step, Map<String, String> shas, String tensorflowVersion) {
        String preprocessing = preprocessing(info.normalization().floating());
        int min = 2 * step;
        return """
                format_version: %s
                type: model
                name: %s
                description: %s
                version: %s
                authors:
                  - name: "Denoiser contributors"
                cite:
                  - text: "Ronneberger, Fischer and Brox: U-Net: Convolutional Networks for Biomedical Image Segmentation (MICCAI 2015)"
                    doi: "10.1007/978-3-319-24574-4_28"
                license: %s
                documentation: README.md
                tags: ["denoising", "2d", "tensorflow", "unet", "denoiser"]
                inputs:
                  - id: input
                    description: %s
                    axes:
                      - type: batch
                      - {type: space, id: y, size: {min: %d, step: %d}}
                      - {type: space, id: x, size: {min: %d, step: %d}}
                      - {type: channel, channel_names: ["gray"]}
                    test_tensor: {source: %s, sha256: "%s"}
                    data: {type: float32}
                    preprocessing:
                %s%soutputs:
                  - id: output
                    description: "the denoised image, in the input's units"
                    axes:
                      - type: batch
                      - {type: space, id: y, size: {tensor_id: input, axis_id: y}}
                      - {type: space, id: x, size: {tensor_id: input, axis_id: x}}
                      - {type: channel, channel_names: ["gray"]}
                    test_tensor: {source: %s, sha256: "%s"}
                    data: {type: float32}
                weights:
                  tensorflow_saved_model_bundle:
                    source: %s
                    sha256: "%s"
                    tensorflow_version: %s
                """.formatted(BioImagePackage.FORMAT_VERSION, quote("Denoiser " + info.name()), quote(info.description()),
                quote(info.version()), quote(license), quote("noisy gray image in the network's units ("
                + info.normalization().summary() + ")"),
                min, step, min, step, BioImagePackage.TEST_INPUT, shas.get(BioImagePackage.TEST_INPUT), preprocessing,
                info.isConditioned() ? noiseLevelInput(info, shas.get(BioImagePackage.TEST_NOISE_LEVEL)) : "",
                BioImagePackage.TEST_OUTPUT, shas.get(BioImagePackage.TEST_OUTPUT), BioImagePackage.WEIGHTS,
                shas.get(BioImagePackage.WEIGHTS), quote(tensorflowVersion));
    }

    /**
     * The second input of a model told the noise level: one {shot, read} pair per image, as the
     * SavedModel takes it ([batch, 1, 1, 2]); y and x have size 1, the network spreads it over the image.
     */
    private static String noiseLevelInput(ModelInfo info, String testSha) {
        return """
                  - id: %s
                    description: %s
                    axes:
                      - type: batch
                      - {type: space, id: y, size: 1}
                      - {type: space, id: x, size: 1}
                      - {type: channel, channel_names: ["shot", "read"]}
                    test_tensor: {source: %s, sha256: "%s"}
                    data: {type: float32}
                """.formatted(info.conditioning().input(), quote(String.format(Locale.ROOT, "the noise's shot and read"
                + " standard deviations in the input's units (variance shot^2 * x + read^2; Gaussian noise of std s: 0, s);"
                + " trained up to shot %.4f, read %.4f; larger values smooth more", info.conditioning().maxShot(),
                info.conditioning().maxRead())), BioImagePackage.TEST_NOISE_LEVEL, testSha);
    }

    /**
     * The model's rule for 16/32-bit images as bioimage.io preprocessing steps (what microscopy
     * data needs; 8-bit images use the {@code uint8} rule, named in the description). The cap of
     * the span by the noise and the pass-around of the brightest pixels have no bioimage.io
     * equivalent: consumers get the plain percentile map to the same targets.
     */
    static String preprocessing(ModelNormalization.Rule rule) {
        if (rule instanceof ModelNormalization.FixedRange range) {
            double gain = 1 / (range.max() - range.min());
            return linear(gain, -range.min() * gain);
        }
        ModelNormalization.PercentileHeadroom headroom = (ModelNormalization.PercentileHeadroom) rule;
        return String.format(Locale.ROOT, "      - id: scale_range\n        kwargs: {axes: [y, x], min_percentile: %s,"
                + " max_percentile: %s}\n", headroom.lowPercentile(), headroom.highPercentile())
                + linear(headroom.targetHigh() - headroom.targetLow(), headroom.targetLow());
    }

    private static String linear(double gain, double offset) {
        return String.format(Locale.ROOT, "      - id: scale_linear\n        kwargs: {gain: %s, offset: %s}\n", plain(gain),
                plain(offset));
    }

    /** 0.6, not 0.6000000000000001 (what 0.8 - 0.2 is in binary): 12 significant digits are plenty here. */
    private static String plain(double value) {
        return BigDecimal.valueOf(value).round(new MathContext(12)).stripTrailingZeros().toPlainString();
    }

    /** A double-quoted YAML string: backslashes, quotes and control characters escaped. */
    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : (text == null ? "" : text).toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\x%02x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
