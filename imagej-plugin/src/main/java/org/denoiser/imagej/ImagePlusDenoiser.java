package org.denoiser.imagej;

import ij.ImagePlus;
import ij.process.ImageProcessor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.FloatType;
import org.denoiser.api.ModelInfo;
import org.denoiser.io.TiffMetadata;

/**
 * Denoises an ImageJ image into a new one, without any user interface: the classic plugin's
 * work, usable from tests and other plugins. Each channel is denoised on its own with one
 * intensity mapping for all its slices and frames; the colours of RGB are too, unless the model
 * denoises colour jointly (a 3-channel model such as {@code denoise/gaussian-color}, which
 * {@code denoise/auto} picks for RGB when one is shipped), which gets them together. The whole
 * image is always denoised, whatever the selection: the network needs the context around a region
 * anyway, and the selection is carried over to the result for measuring.
 */
public final class ImagePlusDenoiser {
    private final DenoiserSession session;

    public ImagePlusDenoiser(DenoiserSession session) {
        this.session = session;
    }

    /**
     * Returns the denoised image (not shown); {@code original} is left as it was.
     *
     * @throws org.denoiser.api.CancelledException when {@code monitor} is cancelled; nothing is returned then
     */
    public ImagePlus denoise(ImagePlus original, DenoiseOptions asked, RunMonitor monitor) {
        HyperstackPixels in = HyperstackPixels.of(original);
        // Resolved from the whole image here: the session only sees its channels' pixels.
        ModelInfo model = modelFor(original, asked.modelId());
        DenoiseOptions options = asked.withModelId(model.id());
        boolean coloursTogether = model.inputChannels() > 1 && in.codec().channelsPerPlane() > 1;
        if (options.wholeStack()) {
            HyperstackPixels out = HyperstackPixels.allocate(in.codec(), in.layout());
            List<ChannelJob<?, ?>> jobs = new ArrayList<>();
            for (int[] colours : groups(in.grayChannels(), in.codec().channelsPerPlane(), coloursTogether)) {
                jobs.add(job(in, colours, channel -> channel, out, colours));
            }
            run(options, jobs, monitor);
            return ResultImage.wholeStack(original, out.toStack());
        }
        return ResultImage.plane(original, denoiseCurrentPlane(original, in, options, coloursTogether, monitor));
    }

    /** Only the plane on display, mapped as it would be within the whole stack. */
    private ImageProcessor denoiseCurrentPlane(ImagePlus original, HyperstackPixels in,
            DenoiseOptions options, boolean coloursTogether, RunMonitor monitor) {
        StackLayout layout = in.layout();
        HyperstackPixels out = HyperstackPixels.allocate(in.codec(), new StackLayout(layout.width(), layout.height(), 1, 1, 1));
        int[] channels = in.channelsOnDisplay(original);
        List<ChannelJob<?, ?>> jobs = new ArrayList<>();
        for (int[] colours : groups(channels.length, channels.length, coloursTogether)) {
            int[] inChannels = Arrays.stream(colours).map(colour -> channels[colour]).toArray();
            jobs.add(job(in, inChannels, channel -> HyperstackPixels.planeOnDisplay(channel, original), out, colours));
        }
        run(options, jobs, monitor);
        return out.toStack().getProcessor(1);
    }

    /** Gray channels {@code 0..count-1} in jobs: one each, or {@code perPlane} together. */
    private static List<int[]> groups(int count, int perPlane, boolean together) {
        int size = together ? perPlane : 1;
        List<int[]> groups = new ArrayList<>();
        for (int first = 0; first < count; first += size) {
            groups.add(IntStream.range(first, first + size).toArray());
        }
        return groups;
    }

    /**
     * The job for gray channels {@code inChannels} of {@code in} (the {@code part} of each that is
     * denoised, mapped as its whole channel) into channels {@code outChannels} of {@code out}.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ChannelJob<?, ?> job(HyperstackPixels in, int[] inChannels,
            UnaryOperator<RandomAccessibleInterval<?>> part, HyperstackPixels out, int[] outChannels) {
        List wholes = new ArrayList<>();
        List parts = new ArrayList<>();
        List outs = new ArrayList<>();
        for (int i = 0; i < inChannels.length; i++) {
            RandomAccessibleInterval<?> whole = in.channel(inChannels[i]);
            wholes.add(whole);
            parts.add(part.apply(whole));
            outs.add(out.channel(outChannels[i]));
        }
        return ChannelJob.together(wholes, parts, outs);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void run(DenoiseOptions options, List<ChannelJob<?, ?>> jobs, RunMonitor monitor) {
        session.denoise(options, (List) jobs, monitor);
    }

    /**
     * The model that {@code modelId} means for {@code imp}: itself, or for {@code denoise/auto}
     * the one picked from the image's pixel type and origin (RGB goes to a shipped colour model,
     * else as three 8-bit channels; an 8-bit gray image from a microscope gets the microscopy model).
     */
    ModelInfo modelFor(ImagePlus imp, String modelId) {
        RealType<?> pixels = switch (imp.getBitDepth()) {
            case 8, 24 -> new UnsignedByteType();
            case 16 -> new UnsignedShortType();
            default -> new FloatType();
        };
        return session.modelFor(modelId, pixels, imp.getBitDepth() == 24 ? 3 : 1, fromMicroscope(imp));
    }

    /**
     * Whether the image says a microscope made it: calibrated in micrometres or nanometres (as
     * Bio-Formats and microscope TIFFs set it), or opened from a TIFF that ImageJ wrote or that
     * carries OME-XML (the rule the command line applies to files).
     */
    static boolean fromMicroscope(ImagePlus imp) {
        String unit = imp.getCalibration().scaled() ? imp.getCalibration().getUnit() : "";
        if (List.of("\u00B5m", "\u03BCm", "um", "micron", "microns", "nm").contains(unit)) {
            return true;
        }
        ij.io.FileInfo file = imp.getOriginalFileInfo();
        return TiffMetadata.describesMicroscope(file == null ? null : file.description);
    }

    /** Planes the run will denoise, for progress and speed figures. */
    static long planesToDenoise(ImagePlus imp, DenoiseOptions options) {
        return options.wholeStack() ? imp.getStackSize() : 1;
    }
}
