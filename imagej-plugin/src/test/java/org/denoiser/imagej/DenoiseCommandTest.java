package org.denoiser.imagej;

import static org.denoiser.imagej.Fixtures.MODEL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import net.imglib2.img.Img;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.util.Intervals;
import net.imglib2.view.Views;
import org.denoiser.api.AutoModel;
import org.denoiser.api.Denoiser;
import org.denoiser.testimages.CleanNoisyPair;
import org.denoiser.testimages.LowLight;
import org.denoiser.testimages.SyntheticImages;
import org.denoiser.testimages.TestImages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scijava.Cancelable;
import org.scijava.Context;
import org.scijava.app.event.StatusEvent;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.scijava.event.EventHandler;
import org.scijava.event.EventService;
import org.scijava.module.Module;
import org.scijava.module.ModuleService;

/** The SciJava command and service in a bare SciJava context, as an ImageJ2 script would call them. */
class DenoiseCommandTest {
    private Context context;
    private CommandService commands;
    private DenoiserService service;

    @BeforeEach
    void startContext() {
        context = new Context();
        commands = context.service(CommandService.class);
        service = context.service(DenoiserService.class);
    }

    @AfterEach
    void stopContext() {
        context.dispose();
    }

    @Test
    void commandServiceReturnsTheOutputLikeTheApiPerChannel() throws Exception {
        CleanNoisyPair<UnsignedShortType> pair = SyntheticImages.twoChannelHyperstack(11, 72, 64, 3);

        CommandModule module = commands.run(DenoiseCommand.class, true,
                "input", pair.noisy(), "model", MODEL, "channelAxis", 2).get(120, TimeUnit.SECONDS);

        @SuppressWarnings("unchecked")
        Img<UnsignedShortType> output = (Img<UnsignedShortType>) module.getOutput("output");
        assertTrue(Intervals.equalDimensions(pair.noisy(), output), "same size out");
        Fixtures.assertSamePixels(Fixtures.direct(pair.noisy(), 2), output);
    }

    @Test
    void rgbAlongAChannelAxisGoesJointlyToTheColourModelLikeTheApi() throws Exception {
        CleanNoisyPair<UnsignedByteType> pair = SyntheticImages.gaussianNoisy8bit(TestImages.coffee(), 25, 5);

        @SuppressWarnings("unchecked")
        Img<UnsignedByteType> output = (Img<UnsignedByteType>) commands.run(DenoiseCommand.class, true,
                "input", pair.noisy(), "channelAxis", 2).get(120, TimeUnit.SECONDS).getOutput("output");

        Fixtures.assertSamePixels(Fixtures.direct(pair.noisy(), 2, Fixtures.COLOUR_MODEL), output);
        Fixtures.assertSamePixels(Fixtures.direct(pair.noisy(), 2, AutoModel.ID), output);
    }

    @Test
    void withoutAModelItPicksTheCameraModelFor16BitAndReportsProgress() throws Exception {
        CleanNoisyPair<UnsignedShortType> pair = SyntheticImages.fluorescenceTimeLapse(4, 64, 48, 3);
        StatusEvents events = new StatusEvents();
        context.service(EventService.class).subscribe(events);

        @SuppressWarnings("unchecked")
        Img<UnsignedShortType> output = (Img<UnsignedShortType>) commands.run(DenoiseCommand.class, true, "input", pair.noisy())
                .get(120, TimeUnit.SECONDS).getOutput("output");

        Fixtures.assertSamePixels(Fixtures.direct(pair.noisy(), -1, AutoModel.CAMERA_MODEL), output);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10); // status events are published later
        while (events.progress.stream().noneMatch(p -> p == 1000) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(events.progress.stream().anyMatch(p -> p > 0 && p < 1000), "progress in between: " + events.progress);
        assertTrue(events.progress.contains(1000), "progress at the end: " + events.progress);
    }

    @Test
    void restoreFluxFalseGivesTheDenoisersResultWithoutFluxRestoration() throws Exception {
        Img<FloatType> sky = SyntheticImages.astronomyFrame(6, 96, 80, LowLight.DIM).noisy();

        Img<FloatType> on = denoised(sky);
        Img<FloatType> off = denoised(sky, "restoreFlux", false);

        Fixtures.assertSamePixels(Fixtures.direct(sky, -1), on);
        try (Denoiser withoutFlux = Denoiser.builder().model(MODEL).restoreFlux(false).build()) {
            Fixtures.assertSamePixels(withoutFlux.denoise(sky), off);
        }
        assertFalse(Arrays.equals(values(on), values(off)), "restoreFlux=false must change a 32-bit result");
    }

    /** The command's output for {@code input} with the digit model and {@code more} inputs. */
    @SuppressWarnings("unchecked")
    private Img<FloatType> denoised(Img<FloatType> input, Object... more) throws Exception {
        List<Object> inputs = new ArrayList<>(List.of("input", input, "model", MODEL));
        inputs.addAll(List.of(more));
        return (Img<FloatType>) commands.run(DenoiseCommand.class, true, inputs.toArray())
                .get(120, TimeUnit.SECONDS).getOutput("output");
    }

    private static float[] values(Img<FloatType> image) {
        float[] values = new float[(int) image.size()];
        int i = 0;
        for (FloatType pixel : Views.flatIterable(image)) {
            values[i++] = pixel.get();
        }
        return values;
    }

    @Test
    void theServiceKeepsTheModelForTheContextAndFreesItOnDispose() throws Exception {
        CleanNoisyPair<UnsignedShortType> pair = SyntheticImages.fluorescenceTimeLapse(2, 48, 48, 2);
        commands.run(DenoiseCommand.class, true, "input", pair.noisy(), "model", MODEL).get(120, TimeUnit.SECONDS);
        commands.run(DenoiseCommand.class, true, "input", pair.noisy(), "model", MODEL).get(120, TimeUnit.SECONDS);

        assertEquals(1, service.modelLoads(), "two runs, one load");
        assertEquals(AutoModel.ID, service.models().get(0), "the automatic choice is offered first");
        assertEquals(MODEL, service.models().get(service.models().size() - 1), "the digit demo last");
        context.dispose();
        assertFalse(service.hasLoadedModel(), "disposing the context frees the model");
    }

    @Test
    void anUnknownModelCancelsWithAReasonNamingTheModels() throws Exception {
        CommandModule module = commands.run(DenoiseCommand.class, true,
                "input", SyntheticImages.fluorescenceTimeLapse(1, 32, 32, 1).noisy(), "model", "denoise/missing")
                .get(60, TimeUnit.SECONDS);

        assertTrue(module.isCanceled());
        assertTrue(module.getCancelReason().startsWith("unknown model 'denoise/missing'; available: denoise/auto, "),
                module.getCancelReason());
        assertNull(module.getOutput("output"));
    }

    @Test
    void aStrengthForABlindModelCancelsWithAReason() throws Exception {
        CommandModule module = commands.run(DenoiseCommand.class, true,
                "input", SyntheticImages.fluorescenceTimeLapse(1, 32, 32, 1).noisy(), "model", MODEL, "strength", 2.0)
                .get(60, TimeUnit.SECONDS);

        assertTrue(module.isCanceled());
        assertTrue(module.getCancelReason().contains("is blind"), module.getCancelReason());
        assertNull(module.getOutput("output"));
    }

    @Test
    void cancellingMidRunGivesNoOutput() throws Exception {
        CleanNoisyPair<UnsignedShortType> pair = SyntheticImages.fluorescenceTimeLapse(3, 256, 256, 120);
        commands.run(DenoiseCommand.class, true, "input", SyntheticImages.fluorescenceTimeLapse(1, 32, 32, 1).noisy(),
                "model", MODEL).get(60, TimeUnit.SECONDS); // load the model first
        StatusEvents events = new StatusEvents();
        context.service(EventService.class).subscribe(events);
        Thread.sleep(500); // the warm-up run's status events arrive late; they must not count
        events.progress.clear();
        ModuleService modules = context.service(ModuleService.class);

        Module module = modules.createModule(commands.getCommand(DenoiseCommand.class));
        module.setInput("input", pair.noisy());
        module.setInput("model", MODEL);
        Future<Module> running = modules.run(module, true);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (events.progress.isEmpty() && System.nanoTime() < deadline && !running.isDone()) {
            Thread.sleep(5);
        }
        assertFalse(running.isDone(), "the run ended before the cancel");
        ((Cancelable) module).cancel("user cancelled"); // what a UI does on Cancelable commands
        running.get(60, TimeUnit.SECONDS);

        assertTrue(((Cancelable) module).isCanceled());
        assertNull(module.getOutput("output"), "no partial output");
    }

    /** The status bar's progress values, as a UI would receive them. */
    public static final class StatusEvents {
        final List<Integer> progress = new CopyOnWriteArrayList<>();

        @EventHandler
        public void onStatus(StatusEvent event) {
            if (event.getProgressMaximum() == 1000) {
                progress.add(event.getProgressValue());
            }
        }
    }
}
