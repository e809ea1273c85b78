package org.denoiser.inference;

import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.denoiser.api.CancelledException;
import org.denoiser.api.DenoiseException;
import org.denoiser.api.ModelInfo;
import org.denoiser.api.NoiseLevelUsed;
import org.denoiser.tiling.TileProcessor;

/**
 * A loaded model with a fixed pool of predictors, one per worker thread: DJL predictors are not
 * thread-safe, but several of them may run the same TensorFlow session at once. Any thread can call
 * {@link #process}; it borrows a free predictor for the duration of one tile.
 */
public final class ModelRunner implements TileProcessor, AutoCloseable {
    private final ZooModel<NDList, NDList> model;
    private final ModelInfo info;
    private final List<Predictor<TileTranslator.Tile, float[]>> all = new ArrayList<>();
    private final BlockingQueue<Predictor<TileTranslator.Tile, float[]>> free;

    /** Takes ownership of {@code model}: closing the runner closes it. */
    public ModelRunner(ZooModel<NDList, NDList> model, ModelInfo info, int predictors) {
        this.model = model;
        this.info = info;
        this.free = new ArrayBlockingQueue<>(predictors);
        TileTranslator translator = new TileTranslator();
        try {
            for (int i = 0; i < predictors; i++) {
                Predictor<TileTranslator.Tile, float[]> p = model.newPredictor(translator);
                all.add(p);
                free.add(p);
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    public ModelInfo info() {
        return info;
    }

    /**
     * Runs a blind network on one gray tile whose sides are multiples of {@link
     * ModelInfo#sizeMultiple()}; a conditioned one needs its levels, see {@link #toldLevel}.
     */
    @Override
    public float[] process(float[] pixels, int width, int height) {
        if (info.isConditioned()) {
            throw new IllegalStateException("model " + info.id() + " needs a noise level: use toldLevel(...)");
        }
        return run(new TileTranslator.Tile(pixels, width, height, info.inputChannels()));
    }

    /**
     * The tile processor for one plane: this runner for a blind model ({@code level} null), or one
     * that gives a conditioned model {@code level} with every tile.
     */
    public TileProcessor toldLevel(NoiseLevelUsed level) {
        if (level == null) {
            return this;
        }
        float[] levels = {(float) level.shot(), (float) level.read()};
        String input = info.conditioning().input();
        return (pixels, width, height) -> run(new TileTranslator.Tile(pixels, width, height, info.inputChannels(),
                levels, input));
    }

    private float[] run(TileTranslator.Tile tile) {
        int width = tile.width();
        int height = tile.height();
        Predictor<TileTranslator.Tile, float[]> predictor = borrow();
        try {
            return predictor.predict(tile);
        } catch (TranslateException e) {
            throw new DenoiseException("model " + info.id() + " failed on a " + width + "x" + height
                    + " tile: " + e.getMessage(), e);
        } finally {
            free.add(predictor);
        }
    }

    private Predictor<TileTranslator.Tile, float[]> borrow() {
        try {
            return free.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException("interrupted while waiting for a free predictor", e);
        }
    }

    @Override
    public void close() {
        all.forEach(Predictor::close);
        model.close();
    }
}
