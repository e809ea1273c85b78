package org.denoiser.train;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.denoiser.train.GraphLayers.Activation;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

/**
 * A residual U-Net: the network predicts the noise and the output is {@code input - noise}.
 *
 * <p>Each level runs two 3x3 conv+ReLU; going down is a 2x2 max-pool, going up a 2x2 stride-2
 * transposed conv whose output is concatenated with the same level's encoder features (the skip).
 * The last layer is a linear 1x1 conv to the image's channels (one for gray; three for a colour
 * network, which sees R, G and B together and predicts the noise of each). Channels double per
 * level: with base 16 and 3 levels they are 16/32/64. No batch norm, so the network is the same
 * function at any image size.
 */
public final class UNet implements Architecture {

    private static final int KERNEL = 3;

    private final int levels;
    private final int baseChannels;
    private final int topConvs;
    private final int levelCount;
    private final int channels;

    /** The recipe: two convs per level at every level. */
    public UNet(int levels, int baseChannels) {
        this(levels, baseChannels, 2);
    }

    public UNet(int levels, int baseChannels, int topConvs) {
        this(levels, baseChannels, topConvs, 0);
    }

    /**
     * A gray U-Net.
     *
     * @param topConvs convs per side at full resolution (1 or 2); 1 saves most of the
     *     memory traffic, which at full resolution costs more than the arithmetic
     * @param levelCount noise levels given as extra input channels (0: blind)
     */
    public UNet(int levels, int baseChannels, int topConvs, int levelCount) {
        this(levels, baseChannels, topConvs, levelCount, 1);
    }

    /** @param channels image channels in and out (3: RGB denoised jointly) */
    private UNet(int levels, int baseChannels, int topConvs, int levelCount, int channels) {
        if (levels < 2 || baseChannels <= 0) {
            throw new IllegalArgumentException("a U-Net needs at least 2 levels and positive channels, got "
                    + levels + " levels of base " + baseChannels);
        }
        if (topConvs != 1 && topConvs != 2) {
            throw new IllegalArgumentException("1 or 2 convs at full resolution, got " + topConvs);
        }
        this.levels = levels;
        this.baseChannels = baseChannels;
        this.topConvs = topConvs;
        if (levelCount < 0) {
            throw new IllegalArgumentException("level count must be >= 0, got " + levelCount);
        }
        this.levelCount = levelCount;
        if (channels <= 0) {
            throw new IllegalArgumentException("image channels must be positive, got " + channels);
        }
        if (channels > 1 && levelCount > 0) {
            // the level maps are shaped like one image channel (TrainingSession.levelMaps)
            throw new IllegalArgumentException("a colour U-Net told the noise level is not supported yet");
        }
        this.channels = channels;
    }

    /** The same U-Net on images of {@code imageChannels} channels in and out. */
    public UNet withChannels(int imageChannels) {
        return new UNet(levels, baseChannels, topConvs, levelCount, imageChannels);
    }

    @Override
    public int channels() {
        return channels;
    }

    @Override
    public int levelCount() {
        return levelCount;
    }

    /**
     * The U-Net whose variables (name to shape, as {@link GraphLayers} names them) these are, or
     * empty if they are not a U-Net's. Levels follow from the transposed convs (one per level
     * above the bottom), the base channels from the first conv, the convs at full resolution
     * from the number of convs: 2*top + 2*(levels-1) + 2*(levels-2) + the final 1x1, and the image
     * channels from that final 1x1 conv (what the first conv takes beyond them are level maps).
     */
    public static Optional<UNet> fromWeights(Map<String, Shape> weights) {
        Shape first = weights.get("conv0_kernel");
        long upConvs = weights.keySet().stream().filter(n -> n.startsWith("upconv") && n.endsWith("_kernel")).count();
        long convs = weights.keySet().stream().filter(n -> n.startsWith("conv") && n.endsWith("_kernel")).count();
        if (first == null || first.numDimensions() != 4 || upConvs < 1) {
            return Optional.empty();
        }
        int levels = (int) upConvs + 1;
        long twiceTop = convs - 1 - 2L * (levels - 1) - 2L * (levels - 2);
        if (twiceTop != 2 && twiceTop != 4) {
            return Optional.empty();
        }
        Shape last = weights.entrySet().stream()
                .filter(w -> w.getKey().matches("conv\\d+_kernel"))
                .max(Comparator.comparingInt(w -> Integer.parseInt(w.getKey().replaceAll("\\D", ""))))
                .map(Map.Entry::getValue).orElse(null);
        if (last == null || last.numDimensions() != 4 || last.get(3) < 1 || last.get(3) > first.get(2)) {
            return Optional.empty();
        }
        int imageChannels = (int) last.get(3);
        return Optional.of(new UNet(levels, (int) first.get(3), (int) twiceTop / 2,
                (int) first.get(2) - imageChannels, imageChannels));
    }

    @Override
    public Network build(GraphLayers layers, Operand<TFloat32> input) {
        return build(layers, input, null);
    }

    @Override
    public Network build(GraphLayers layers, Operand<TFloat32> input, Operand<TFloat32> levelMaps) {
        if ((levelMaps == null) != (levelCount == 0)) {
            throw new IllegalArgumentException("this U-Net takes " + levelCount + " noise levels; "
                    + (levelMaps == null ? "none were given" : "level maps were given"));
        }
        List<Operand<TFloat32>> skips = new ArrayList<>();
        // Joined directly, not through layers.concatChannels, whose layer counter would shift every
        // layer name: blind and conditioned U-Nets keep the same names (conv0 is the first conv).
        Operand<TFloat32> x = layers.toCompute(levelMaps == null ? input
                : layers.tf().concat(List.of(input, levelMaps), layers.tf().constant(3)));
        int inChannels = channels + levelCount;
        for (int level = 0; level < levels; level++) {
            int channels = channels(level);
            x = convs(layers, x, inChannels, channels, level);
            inChannels = channels;
            if (level < levels - 1) {
                skips.add(x);
                x = layers.maxPool2x2(x);
            }
        }
        for (int level = levels - 2; level >= 0; level--) {
            int channels = channels(level);
            x = layers.upConv2x2(x, inChannels, channels);
            x = layers.concatChannels(skips.get(level), x);
            x = convs(layers, x, 2 * channels, channels, level);
            inChannels = channels;
        }
        // The subtraction stays in float32 so the output keeps the input's precision.
        Operand<TFloat32> noise = layers.toFloat32(layers.conv(x, inChannels, channels, 1, Activation.LINEAR));
        Operand<TFloat32> output = layers.tf().math.sub(input, noise);
        return new Network(output, output);
    }

    private Operand<TFloat32> convs(GraphLayers layers, Operand<TFloat32> x, int in, int out, int level) {
        Operand<TFloat32> y = layers.conv(x, in, out, KERNEL, Activation.RELU);
        return level == 0 && topConvs == 1 ? y : layers.conv(y, out, out, KERNEL, Activation.RELU);
    }

    private int channels(int level) {
        return baseChannels << level;
    }

    @Override
    public int sizeMultiple() {
        return 1 << (levels - 1);
    }

    /**
     * Per side, in input pixels: two 3x3 convs at scale s add 2s, a 2x2 pool from scale s adds s,
     * a 2x2 transposed conv into scale s adds s. Summed over the encoder, the bottom and the
     * decoder, this is 2 + 1 + 4 + 2 + 8 + 2 + 4 + 1 + 2 = 26 for 3 levels.
     */
    @Override
    public int receptiveFieldRadius() {
        int radius = 0;
        for (int level = 0; level < levels; level++) {
            int scale = 1 << level;
            int convs = level == 0 ? topConvs : 2;
            radius += convs * scale; // encoder (or bottom) convs
            if (level < levels - 1) {
                radius += scale // pool down from this level
                        + scale // transposed conv back up into this level
                        + convs * scale; // decoder convs
            }
        }
        return radius;
    }

    @Override
    public String description() {
        StringBuilder widths = new StringBuilder();
        for (int level = 0; level < levels; level++) {
            widths.append(level == 0 ? "" : "/").append(channels(level));
        }
        return (channels == 3 ? "colour (RGB in and out, denoised jointly) " : channels > 1 ? channels + "-channel " : "")
                + (levelCount > 0 ? "noise-level-conditioned (" + levelCount + " level maps as extra input channels) " : "")
                + "residual U-Net, " + levels + " levels, channels " + widths
                + (topConvs == 2 ? ", two 3x3 conv+ReLU per level" : ", one 3x3 conv+ReLU at full resolution, two below")
                + ", max-pool down, 2x2 transposed conv up, concatenated skips, "
                + "linear 1x1 conv to the noise, output = input - noise";
    }
}
