package org.denoiser.imagej;

import ij.ImagePlus;
import java.util.ArrayList;
import java.util.List;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.view.Views;
import org.denoiser.api.CancelToken;
import org.denoiser.train.NoisyPlanes;
import org.denoiser.train.SelfSupervisedTraining;
import org.denoiser.train.UserModelTrainer;

/**
 * Trains a model on an ImageJ image and installs it, without any user interface: the Train on
 * this image... command's work, usable from tests. Each gray channel (each colour of RGB) is
 * scaled on its own over all its slices and frames, as the Denoise command will scale it later.
 */
public final class ImagePlusTrainer {
    /** Axis of the stacked channels: after x, y, z, t (see {@link HyperstackPixels#channel}). */
    private static final int CHANNEL_AXIS = 4;

    private final DenoiserSession session;

    public ImagePlusTrainer(DenoiserSession session) {
        this.session = session;
    }

    /**
     * Trains on {@code imp}'s pixels (all planes, or the plane on display) and installs the model.
     *
     * @param listener told about progress every few seconds
     * @param cancel stops the run; nothing is installed then
     * @throws org.denoiser.api.CancelledException when cancelled
     */
    public UserModelTrainer.Installed train(ImagePlus imp, TrainingOptions options,
            SelfSupervisedTraining.Listener listener, CancelToken cancel) {
        SelfSupervisedTraining.Builder settings = SelfSupervisedTraining.builder()
                .budget(options.budget())
                .listener(listener)
                .cancel(cancel);
        options.steps().ifPresent(settings::maxSteps);
        return session.train(options.name(), options.init(), planes(imp, options.wholeStack()), settings);
    }

    /** The image's gray channels as training planes, all of them or those of the plane on display. */
    @SuppressWarnings({"unchecked", "rawtypes"}) // ImageJ images hold one of several pixel types
    static NoisyPlanes planes(ImagePlus imp, boolean wholeStack) {
        HyperstackPixels pixels = HyperstackPixels.of(imp);
        List<RandomAccessibleInterval> channels = new ArrayList<>();
        if (wholeStack) {
            for (int ch = 0; ch < pixels.grayChannels(); ch++) {
                channels.add(pixels.channel(ch));
            }
        } else {
            for (int ch : pixels.channelsOnDisplay(imp)) {
                RandomAccessibleInterval channel = pixels.channel(ch);
                channels.add(HyperstackPixels.planeOnDisplay(channel, imp));
            }
        }
        int[] czt = HyperstackPixels.onDisplay(imp);
        String source = wholeStack ? imp.getTitle()
                : imp.getTitle() + " (plane c" + czt[0] + " z" + czt[1] + " t" + czt[2] + ")";
        return new NoisyPlanes().add(Views.stack((List) channels), CHANNEL_AXIS, source);
    }
}
