package org.denoiser.bioimage;

import java.util.Locale;
import org.denoiser.api.ModelInfo;

/**
 * The {@code rdf.yaml} of a bioimage.io model package (format 0.5),
 * written as text: every value is either a number or a double-quoted YAML string.
 */
final class Rdf {

    private Rdf() {
    }

    static String of(ModelInfo info, String license, int step, String weightsSha, String inputSha, String outputSha,
            String tensorflowVersion) {
        boolean eightBit = info.normalization() != null && info.normalization().toLowerCase(Locale.ROOT).contains("8-bit")
                && !info.normalization().toLowerCase(Locale.ROOT).contains("percentile");
        String preprocessing = eightBit
                ? "      - id: scale_linear\n        kwargs: {gain: 0.00392156862745098, offset: 0.0}\n"
                : "      - id: scale_range\n        kwargs: {axes: [y, x], min_percentile: 0.1, max_percentile: 99.9}\n";
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
                    test_tensor: {source: test_input.npy, sha256: "%s"}
                    data: {type: float32}
                    preprocessing:
                %soutputs:
                  - id: output
                    description: "the denoised image, in the input's units"
                    axes:
                      - type: batch
                      - {type: space, id: y, size: {tensor_id: input, axis_id: y}}
                      - {type: space, id: x, size: {tensor_id: input, axis_id: x}}
                      - {type: channel, channel_names: ["gray"]}
                    test_tensor: {source: test_output.npy, sha256: "%s"}
                    data: {type: float32}
                weights:
                  tensorflow_saved_model_bundle:
                    source: weights.zip
                    sha256: "%s"
                    tensorflow_version: %s
                """.formatted(BioImagePackage.FORMAT_VERSION, quote("Denoiser " + info.name()), quote(info.description()),
                quote(info.version()), quote(license), quote("noisy gray image scaled to 0..1 (" + info.normalization() + ")"),
                min, step, min, step, inputSha, preprocessing, outputSha, weightsSha, quote(tensorflowVersion));
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
