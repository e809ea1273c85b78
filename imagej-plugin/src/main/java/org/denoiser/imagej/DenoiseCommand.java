package org.denoiser.imagej;

import java.util.Locale;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.type.NativeType;
import net.imglib2.type.numeric.RealType;
import org.denoiser.api.AutoModel;
import org.denoiser.api.CancelledException;
import org.denoiser.api.DenoiseException;
import org.scijava.ItemIO;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * The ImageJ2/SciJava face of the plugin, for scripts: ImgLib2 image in, ImgLib2 image out (same
 * type and size), through the context's {@link DenoiserService} (the model stays loaded between
 * runs). Progress goes to the {@link StatusService}; cancelling stops it between tiles and leaves
 * no output; a failure (unknown model, unsupported image) cancels it with a one-line reason,
 * which is also logged.
 *
 * <pre>{@code
 * #@ CommandService commands
 * #@ Img img
 * result = commands.run(DenoiseCommand, true, "input", img).get().getOutput("output")
 * }</pre>
 */
@Plugin(type = Command.class, menuPath = "Plugins>Denoise>Denoise (ImgLib2)", headless = true)
public class DenoiseCommand<T extends RealType<T> & NativeType<T>> extends ContextCommand {
    private static final int PROGRESS_STEPS = 1000;

    @Parameter
    private DenoiserService denoiser;

    @Parameter
    private StatusService status;

    @Parameter
    private LogService log;

    @Parameter(label = "Image")
    private RandomAccessibleInterval<T> input;

    @Parameter(label = "Model", persist = false,
            description = "a model id; denoise/auto picks from the pixels: a colour model for 8-bit RGB,"
                    + " denoise/gaussian-gray for 8-bit, denoise/poisson-gauss otherwise")
    private String model = AutoModel.ID;

    @Parameter(label = "Channel axis", description = "axis holding channels (each denoised on its own, or together by a colour model), -1 for none",
            min = "-1", persist = false)
    private int channelAxis = -1;

    @Parameter(label = "Tile size", description = "largest tile side in pixels; smaller needs less memory",
            min = "16", persist = false)
    private int tileSize = DenoiseOptions.DEFAULT_TILE_SIZE;

    @Parameter(label = "Strength", description = "models told the noise level (denoise/poisson-gauss-nl): factor on the"
            + " estimated level, above 1 smoother, below 1 more detail; blind models take only 1",
            min = "0.05", max = "10", stepSize = "0.05", persist = false)
    private double strength = 1;

    @Parameter(label = "Restore flux (16/32-bit)", description = "16-bit and float images get back the flux the"
            + " network takes from faint sources, as on the command line; 8-bit images ignore it", persist = false)
    private boolean restoreFlux = true;

    @Parameter(label = "Self-ensemble", description = "denoise every tile in its 8 orientations and average:"
            + " a little less noise for 8 times the time", persist = false)
    private boolean selfEnsemble;

    @Parameter(type = ItemIO.OUTPUT)
    private Img<T> output;

    @Override
    public void run() {
        try {
            output = denoiser.denoise(input, channelAxis, new DenoiseOptions(model, true, tileSize, strength, restoreFlux, selfEnsemble),
                    new Monitor());
            status.showStatus(PROGRESS_STEPS, PROGRESS_STEPS, "Denoise: done");
        } catch (CancelledException e) {
            status.clearStatus();
            if (!isCanceled()) {
                cancel(e.getMessage());
            }
        } catch (DenoiseException | IllegalArgumentException e) {
            status.clearStatus();
            log.error("Denoise: " + e.getMessage());
            cancel(e.getMessage());
        }
    }

    /** Tile progress to the status bar; the command's cancel flag to the run. */
    private final class Monitor implements RunMonitor {
        @Override
        public void progress(double fraction) {
            status.showStatus((int) Math.round(fraction * PROGRESS_STEPS), PROGRESS_STEPS,
                    String.format(Locale.ROOT, "Denoise: %.0f%%", 100 * fraction));
        }

        @Override
        public boolean isCancelled() {
            return isCanceled();
        }
    }
}
