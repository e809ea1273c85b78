package org.denoiser.api;

import java.util.Map;

/**
 * What a model is for and how well it does it, as shipped in its {@code model.json}.
 *
 * @param id model id, {@code group/name}, e.g. {@code denoise/gaussian-gray}
 * @param version bumped whenever the weights change
 * @param description one line for menus and listings
 * @param trainedOn the training data and where it came from
 * @param noiseModel the noise the model was trained to remove, in words ({@code noise} says it for machines)
 * @param inputChannels channels the network takes together: 1 for a gray model (colour images go
 *     channel by channel), 3 for a colour model (an RGB image's channels in one tensor)
 * @param normalization how pixels are scaled into the network's range, per pixel type; the
 *     {@code Denoiser} obeys it ({@link ModelNormalization#DEFAULT} when not given)
 * @param sizeMultiple tile sides must be a multiple of this (2 to the number of pooling levels)
 * @param receptiveFieldRadius pixels on each side that influence one output pixel
 * @param recommendedOverlap tile overlap (halo) that makes tiled output equal untiled output
 * @param measuredPsnr measured quality, e.g. {@code "mnist held-out, noise 0.5" -> "13.1 -> 20.4 dB"}
 * @param border what the network saw beyond image edges in training: {@code mirror} (default) or
 *     {@code zero} (e.g. digits on black); tiles are extended the same way
 * @param conditioning how the model is told the noise level, or {@code null} for a blind model
 * @param axes the layout of the SavedModel's image input and output, as bioimage.io letters:
 *     {@value #AXES_BYXC} (batch, y, x, channel; the only layout this version feeds)
 * @param noise the noise trained on, with its ranges in the network's units, or {@code null} when
 *     not stated (self-supervised models, manifests written before the field existed)
 */
public record ModelInfo(
        String id,
        String version,
        String description,
        String trainedOn,
        String noiseModel,
        int inputChannels,
        ModelNormalization normalization,
        int sizeMultiple,
        int receptiveFieldRadius,
        int recommendedOverlap,
        Map<String, String> measuredPsnr,
        String border,
        Conditioning conditioning,
        String axes,
        NoiseRanges noise) {

    /** Batch, y, x, channel (NHWC): what every SavedModel of this project takes and returns. */
    public static final String AXES_BYXC = "byxc";

    public ModelInfo {
        if (id == null || !id.contains("/")) {
            throw new IllegalArgumentException("model id must look like group/name, got: " + id);
        }
        measuredPsnr = measuredPsnr == null ? Map.of() : Map.copyOf(measuredPsnr);
        normalization = normalization == null ? ModelNormalization.DEFAULT : normalization;
        axes = axes == null ? AXES_BYXC : axes;
        if (!AXES_BYXC.equals(axes)) {
            throw new IllegalArgumentException("model axes must be " + AXES_BYXC + ", got: " + axes);
        }
    }

    /** A blind model (no conditioning) with axes {@value #AXES_BYXC} and unstated noise ranges. */
    public ModelInfo(String id, String version, String description, String trainedOn, String noiseModel,
            int inputChannels, ModelNormalization normalization, int sizeMultiple, int receptiveFieldRadius,
            int recommendedOverlap, Map<String, String> measuredPsnr, String border) {
        this(id, version, description, trainedOn, noiseModel, inputChannels, normalization, sizeMultiple,
                receptiveFieldRadius, recommendedOverlap, measuredPsnr, border, null, AXES_BYXC, null);
    }

    /** Whether the model takes the noise level as an input (and so honours a strength). */
    public boolean isConditioned() {
        return conditioning != null;
    }

    /** The part of the id after the group, used for directory names. */
    public String name() {
        return id.substring(id.indexOf('/') + 1);
    }

    public String group() {
        return id.substring(0, id.indexOf('/'));
    }
}
