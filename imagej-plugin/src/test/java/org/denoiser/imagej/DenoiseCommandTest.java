package org.denoiser.imagej;

import static org.denoiser.imagej.Fixtures.MODEL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import net.imglib2.img.Img;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.util.Intervals;
import org.denoiser.testimages.CleanNoisyPair;
import org.denoiser.testimages.SyntheticImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scijava.Context;
import org.scijava.command.CommandService;
import org.scijava.module.Module;
import org.scijava.module.ModuleService;

/** The SciJava command in a bare SciJava context, as an ImageJ2 script would call it. */
class DenoiseCommandTest {
    private static Context context;
    private static CommandService commands;
    private static ModuleService modules;

    @BeforeAll
    static void startContext() {
        context = new Context();
        commands = context.service(CommandService.class);
        modules = context.service(ModuleService.class);
    }

    @AfterAll
    static void stopContext() {
        context.dispose();
    }

    @Test
    void denoisesAnImgLib2HyperstackPerChannelLikeTheApi() throws Exception {
        CleanNoisyPair<UnsignedShortType> pair = SyntheticImages.twoChannelHyperstack(11, 72, 64, 3);

        Module module = run("input", pair.noisy(), "model", MODEL, "channelAxis", 2);

        @SuppressWarnings("unchecked")
        Img<UnsignedShortType> output = (Img<UnsignedShortType>) module.getOutput("output");
        assertTrue(Intervals.equalDimensions(pair.noisy(), output), "same size out");
        Fixtures.assertSamePixels(Fixtures.direct(pair.noisy(), 2), output);
    }

    @Test
    void sharesTheLoadedModelWithTheClassicPlugin() throws Exception {
        CleanNoisyPair<UnsignedShortType> pair = SyntheticImages.fluorescenceTimeLapse(2, 48, 48, 2);
        run("input", pair.noisy(), "model", MODEL);
        int loads = DenoiserSession.shared().modelLoads();

        new ImagePlusDenoiser(DenoiserSession.shared()).denoise(Fixtures.gray("t.tif", pair.noisy(), 1, 1, 2),
                new DenoiseOptions(MODEL, true, DenoiseOptions.DEFAULT_TILE_SIZE), RunMonitor.NONE);

        assertEquals(loads, DenoiserSession.shared().modelLoads(), "the classic plugin reused the command's model");
    }

    @Test
    void cancellingMidRunGivesNoOutput() throws Exception {
        CleanNoisyPair<UnsignedShortType> pair = SyntheticImages.fluorescenceTimeLapse(3, 256, 256, 120);
        run("input", SyntheticImages.fluorescenceTimeLapse(1, 32, 32, 1).noisy(), "model", MODEL); // load the model first

        Module module = modules.createModule(commands.getCommand(DenoiseCommand.class));
        module.setInput("input", pair.noisy());
        module.setInput("model", MODEL);
        Future<Module> running = modules.run(module, true);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!DenoiserSession.shared().isRunning() && System.nanoTime() < deadline && !running.isDone()) {
            Thread.sleep(5);
        }
        assertTrue(DenoiserSession.shared().isRunning(), "the run did not start, or ended before the cancel");
        ((DenoiseCommand<?>) module).cancel("user cancelled"); // what a UI does on Cancelable commands
        running.get(60, TimeUnit.SECONDS);

        assertTrue(((DenoiseCommand<?>) module).isCanceled());
        assertNull(module.getOutput("output"), "no partial output");
    }

    /**
     * Runs the command as a script would. It is a DynamicCommand (for the model choices), so it is
     * its own Module, and ModuleService rather than CommandService returns it.
     */
    private static Module run(Object... inputs) throws Exception {
        return modules.run(commands.getCommand(DenoiseCommand.class), true, inputs).get(120, TimeUnit.SECONDS);
    }
}
