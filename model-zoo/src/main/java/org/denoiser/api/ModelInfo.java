package org.denoiser.api;

import java.util.Map;

/**
 * What a model is for and how well it does it, as shipped in its {@code model.json}.
 *
 * @param id model id, {@code group/name}, e.g. {@code denoise/gaussian-gray}
 * @param version bumped whenever the weights change
 * @param description one line for menus and listings
 * @param trainedOn the training data and where it came from
 * @param noiseModel the noise the model was trained to remove
 * @param inputChannels channels the network takes together: 1 for a gray model (colour images go
 *     channel by channel), 3 for a colour model (an RGB image's channels in one tensor)
 * @param normalization how pixels are scaled before the network, see {@code normalize}
 * @param sizeMultiple tile sides must be a multiple of this (2 to the number of pooling levels)
 * @param receptiveFieldRadius pixels on each side that influence one output pixel
 * @param recommendedOverlap tile overlap (halo) that makes tiled output equal untiled output
 * @param measuredPsnr measured quality, e.g. {@code "mnist held-out, noise 0.5" -> "13.1 -> 20.4 dB"}
 * @param border what the network saw beyond image edges in training: {@code mirror} (default) or
 *     {@code zero} (e.g. digits on black); tiles are extended the same way
 * @param conditioning how the model is told the noise level, or {@code null} for a blind model
 */
public record ModelInfo(
        String id,
        String version,
        String description,
        String trainedOn,
        String noiseModel,
        int inputChannels,
        String normalization,
        int sizeMultiple,
        int receptiveFieldRadius,
        int recommendedOverlap,
        Map<String, String> measuredPsnr,
        String border,
        Conditioning conditioning) {

    public ModelInfo {
        if (id == null || !id.contains("/")) {
            throw new IllegalArgumentException("model id must look like group/name, got: " + id);
        }
        measuredPsnr = measuredPsnr == null ? Map.of() : Map.copyOf(measuredPsnr);
    }

    /** A blind model (no conditioning), as every model before noise-level control was. */
    public ModelInfo(String id, String version, String description, String trainedOn, String noiseModel,
            int inputChannels, String normalization, int sizeMultiple, int receptiveFieldRadius,
            int recommendedOverlap, Map<String, String> measuredPsnr, String border) {
        this(id, version, description, trainedOn, noiseModel, inputChannels, normalization, sizeMultiple,
                receptiveFieldRadius, recommendedOverlap, measuredPsnr, border, null);
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
