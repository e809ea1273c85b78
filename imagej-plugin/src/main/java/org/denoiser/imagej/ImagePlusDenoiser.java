package org.denoiser.imagej;

import ij.ImagePlus;
import ij.process.ImageProcessor;
import java.util.ArrayList;
import java.util.List;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.FloatType;
import org.denoiser.api.AutoModel;
import org.denoiser.io.TiffMetadata;

/**
 * Denoises an ImageJ image into a new one, without any user interface: the classic plugin's
 * work, usable from tests and other plugins. Each channel (each colour of RGB) is denoised on
 * its own with one intensity mapping for all its slices and frames. The whole image is always
 * denoised, whatever the selection: the network needs the context around a region anyway, and
 * the selection is carried over to the result for measuring.
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
        // Resolved from the whole image here: the session only sees its channels' pixels.
        DenoiseOptions options = asked.withModelId(modelIdFor(original, asked.modelId()));
        HyperstackPixels in = HyperstackPixels.of(original);
        if (options.wholeStack()) {
            HyperstackPixels out = HyperstackPixels.allocate(in.codec(), in.layout());
            List<ChannelJob<?, ?>> jobs = new ArrayList<>();
            for (int ch = 0; ch < in.grayChannels(); ch++) {
                RandomAccessibleInterval<?> channel = in.channel(ch);
                jobs.add(job(channel, channel, out.channel(ch)));
            }
            run(options, jobs, monitor);
            return ResultImage.wholeStack(original, out.toStack());
        }
        return ResultImage.plane(original, denoiseCurrentPlane(original, in, options, monitor));
    }

    /** Only the plane on display, mapped as it would be within the whole stack. */
    private ImageProcessor denoiseCurrentPlane(ImagePlus original, HyperstackPixels in,
            DenoiseOptions options, RunMonitor monitor) {
        StackLayout layout = in.layout();
        HyperstackPixels out = HyperstackPixels.allocate(in.codec(), new StackLayout(layout.width(), layout.height(), 1, 1, 1));
        int[] channels = in.channelsOnDisplay(original);
        List<ChannelJob<?, ?>> jobs = new ArrayList<>();
        for (int colour = 0; colour < channels.length; colour++) {
            RandomAccessibleInterval<?> channel = in.channel(channels[colour]);
            jobs.add(job(channel, HyperstackPixels.planeOnDisplay(channel, original), out.channel(colour)));
        }
        run(options, jobs, monitor);
        return out.toStack().getProcessor(1);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ChannelJob<?, ?> job(RandomAccessibleInterval<?> wholeChannel, RandomAccessibleInterval<?> in,
            RandomAccessibleInterval<?> out) {
        return ChannelJob.fittedOn((RandomAccessibleInterval) wholeChannel, (RandomAccessibleInterval) in,
                (RandomAccessibleInterval) out);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void run(DenoiseOptions options, List<ChannelJob<?, ?>> jobs, RunMonitor monitor) {
        session.denoise(options, (List) jobs, monitor);
    }

    /**
     * The model that {@code modelId} means for {@code imp}: itself, or for {@code denoise/auto}
     * the one picked from the image's pixel type and origin (RGB is denoised as three 8-bit
     * channels; an 8-bit gray image from a microscope gets the microscopy model).
     */
    static String modelIdFor(ImagePlus imp, String modelId) {
        if (!AutoModel.isAuto(modelId)) {
            return modelId;
        }
        RealType<?> pixels = switch (imp.getBitDepth()) {
            case 8, 24 -> new UnsignedByteType();
            case 16 -> new UnsignedShortType();
            default -> new FloatType();
        };
        return AutoModel.choose(pixels, imp.getBitDepth() == 24 ? 3 : 1, fromMicroscope(imp));
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
