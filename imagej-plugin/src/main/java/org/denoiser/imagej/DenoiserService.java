package org.denoiser.imagej;

import java.util.List;
import java.util.Locale;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgFactory;
import net.imglib2.type.NativeType;
import net.imglib2.type.numeric.RealType;
import org.denoiser.api.ModelInfo;
import org.denoiser.zoo.ModelRepository;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.service.AbstractService;
import org.scijava.service.SciJavaService;
import org.scijava.service.Service;

/**
 * Denoising for a SciJava context (ImageJ2, Fiji's scripts): owns the model loaded for this
 * context, so a script or the {@link DenoiseCommand} over many images loads it once, and frees it
 * when the context is disposed. Scripts get it with {@code #@ DenoiserService denoiser}.
 *
 * <p>The classic ImageJ 1 command (Denoise...) cannot reach a SciJava context in plain ImageJ,
 * so it keeps its own {@link DenoiserSession}; in Fiji a model used from both is loaded twice.
 */
@Plugin(type = Service.class)
public class DenoiserService extends AbstractService implements SciJavaService {
    @Parameter
    private LogService log;

    private DenoiserSession session;

    @Override
    public void initialize() {
        session = new DenoiserSession(ModelRepository::standard);
    }

    /** The model ids to choose from: {@code denoise/auto} first, recommended order, the digit demo last. */
    public List<String> models() {
        return session.choices().ids();
    }

    /**
     * Denoises {@code input} into a new image of the same type and size; each channel along
     * {@code channelAxis} ({@code -1}: none) gets its own intensity mapping, and a colour model
     * (picked by {@code denoise/auto} for 8-bit RGB when one is shipped) takes them together.
     *
     * @throws org.denoiser.api.CancelledException when {@code monitor} asks to stop; there is no result then
     * @throws org.denoiser.api.DenoiseException for an unknown model or an image it cannot denoise
     */
    public <T extends RealType<T> & NativeType<T>> Img<T> denoise(RandomAccessibleInterval<T> input, int channelAxis,
            DenoiseOptions options, RunMonitor monitor) {
        Img<T> result = new ArrayImgFactory<>(input.getType().createVariable()).create(input);
        long start = System.nanoTime();
        int channels = channelAxis < 0 ? 1 : (int) input.dimension(channelAxis);
        ModelInfo model = session.modelFor(options.modelId(), input.getType(), channels, false);
        ModelInfo used = session.denoise(options.withModelId(model.id()),
                ChannelJob.perChannel(input, result, channelAxis, model), monitor);
        log.info(String.format(Locale.ROOT, "Denoise: %s in %.1f s",
                used.id().equals(options.modelId()) ? used.id() : options.modelId() + " -> " + used.id(),
                (System.nanoTime() - start) / 1e9));
        return result;
    }

    /** How many times this context loaded a model (a batch over many images should load once). */
    public int modelLoads() {
        return session.modelLoads();
    }

    /** Whether a model is loaded now; false after the context was disposed. */
    public boolean hasLoadedModel() {
        return session.hasLoadedModel();
    }

    @Override
    public void dispose() {
        session.close();
    }
}
