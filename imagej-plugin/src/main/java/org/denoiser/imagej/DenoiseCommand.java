package org.denoiser.imagej;

import java.util.List;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgFactory;
import net.imglib2.type.NativeType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.util.Util;
import org.denoiser.api.CancelledException;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.module.MutableModuleItem;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.command.DynamicCommand;

/**
 * The ImageJ2/SciJava face of the plugin, for scripts: ImgLib2 image in, ImgLib2 image out (same
 * type and size). It is its own module (a DynamicCommand, for the list of models), so run it
 * through {@code ModuleService}: {@code CommandService.run} returns {@code null} for such commands. It calls the same {@link DenoiserSession} as the classic Denoise... command, so
 * the model stays loaded across both. Cancelling stops it between tiles; there is no output then.
 *
 * <pre>{@code
 * #@ CommandService commands
 * #@ ModuleService modules
 * info = commands.getCommand(DenoiseCommand.class)
 * result = modules.run(info, true, "input", img, "model", "denoise/mnist-seed").get().getOutput("output")
 * }</pre>
 */
@Plugin(type = Command.class, menuPath = "Plugins>Denoise>Denoise (ImgLib2)", headless = true,
        initializer = "initModelChoices")
public class DenoiseCommand<T extends RealType<T> & NativeType<T>> extends DynamicCommand {

    @Parameter(label = "Image")
    private RandomAccessibleInterval<T> input;

    @Parameter(label = "Model", persist = false)
    private String model;

    @Parameter(label = "Channel axis", description = "axis holding channels (each denoised on its own), -1 for none",
            min = "-1", persist = false)
    private int channelAxis = -1;

    @Parameter(label = "Tile size", description = "largest tile side in pixels; smaller needs less memory",
            min = "16", persist = false)
    private int tileSize = DenoiseOptions.DEFAULT_TILE_SIZE;

    @Parameter(type = ItemIO.OUTPUT)
    private Img<T> output;

    @Override
    public void run() {
        DenoiseOptions options = new DenoiseOptions(model, true, tileSize);
        Img<T> result = new ArrayImgFactory<>(Util.getTypeFromInterval(input).createVariable()).create(input);
        List<ChannelJob<T, T>> jobs = ChannelJob.perChannel(input, result, channelAxis);
        try {
            DenoiserSession.shared().denoise(options, jobs, new RunMonitor() {
                @Override
                public void progress(double fraction) {
                }

                @Override
                public boolean isCancelled() {
                    return isCanceled();
                }
            });
            output = result;
        } catch (CancelledException e) {
            if (!isCanceled()) {
                cancel(e.getMessage());
            }
        }
    }

    /** Offers the zoo's model ids as choices, the first one preselected. */
    protected void initModelChoices() {
        List<String> ids = DenoiserSession.shared().models().stream().map(m -> m.id()).toList();
        MutableModuleItem<String> item = getInfo().getMutableInput("model", String.class);
        item.setChoices(ids);
        if (model == null && !ids.isEmpty()) {
            model = ids.get(0);
        }
    }
}
