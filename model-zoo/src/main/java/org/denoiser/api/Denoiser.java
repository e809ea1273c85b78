package org.denoiser.api;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.NativeType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;
import org.denoiser.flux.FluxRestoration;
import org.denoiser.flux.FluxRestoringSink;
import org.denoiser.inference.ModelRunner;
import org.denoiser.inference.NoiseConditioning;
import org.denoiser.inference.SelfEnsemble;
import org.denoiser.io.ImageData;
import org.denoiser.normalize.NoiseLevel;
import org.denoiser.normalize.Normalization;
import org.denoiser.normalize.Normalizations;
import org.denoiser.tiling.Border;
import org.denoiser.tiling.RowSink;
import org.denoiser.tiling.RowSource;
import org.denoiser.tiling.Tile;
import org.denoiser.tiling.TileProcessor;
import org.denoiser.tiling.TileRow;
import org.denoiser.tiling.Tiler;
import org.denoiser.tiling.TilingPlan;
import org.denoiser.tiling.WriteBehind;
import org.denoiser.zoo.ModelRepository;

/**
 * The one thing front ends call: denoise a plane, an image, a multi-channel image or a stack.
 *
 * <pre>{@code
 * try (Denoiser denoiser = Denoiser.builder().model("denoise/gaussian-gray").build()) {
 *     Img<UnsignedShortType> clean = denoiser.denoise(noisyStack);
 * }
 * }</pre>
 *
 * <p>Images are ImgLib2 intervals with x and y first; every further axis is a stack of planes
 * (z, t, ...). Pixels are scaled to the model's range with one mapping per channel for the whole
 * stack (so brightness stays consistent over time), denoised plane by plane in overlapping tiles
 * (memory stays bounded whatever the image size), and scaled back to the input's range and type.
 *
 * <p>Thread safety: a {@code Denoiser} is safe to share; build one per model per process. Its
 * {@code threads} predictors (and tile threads) serve every caller, so concurrent calls share the
 * loaded model instead of each loading a copy. Progress and cancel can be given per call; the
 * builder's are the defaults. {@link #close()} waits for running calls to finish, and calls after
 * it fail with {@link IllegalStateException}.
 *
 * <p>A model whose {@link ModelInfo#inputChannels()} is more than 1 (a colour model: 3) takes an
 * image's channels together: the image must have that many along its channel axis (RGB), and each
 * tile goes to the network as one tensor holding all of them, with the same tiling, so tiled output
 * still equals untiled output. Any other image gets a {@link ChannelMismatchException}.
 *
 * <p>Noise-level-conditioned models ({@link ModelInfo#isConditioned()}) are told a level per
 * plane, estimated from it by default; {@link #withNoise} gives a view that scales it (strength)
 * or sets it (sigma) and reports the level it used.
 */
public final class Denoiser implements AutoCloseable {
    private final ModelRunner runner;
    private final int tileSize;
    private final int overlap;
    private final DenoiseProgress progress;
    private final CancelToken cancel;
    private final ExecutorService pool;
    private final Border border;
    private final boolean restoreFlux;
    /** Whether each tile is run in all 8 orientations and the results averaged ({@link SelfEnsemble}). */
    private final boolean selfEnsemble;
    /** Set for {@link AutoModel#ID}: every call goes to the model picked for its image. */
    private final AutoModel auto;
    /** Calls hold the read lock; close takes the write lock, so it waits for them. */
    private final ReentrantReadWriteLock calls = new ReentrantReadWriteLock();
    private boolean closed;
    /** What conditioned models are told about the noise, and who hears the level used per plane. */
    private final NoiseSetting noise;
    private final Consumer<NoiseLevelUsed> levelListener;
    /** The denoiser that owns the model, pool and lock: this one, or the one a view was made from. */
    private final Denoiser owner;

    private Denoiser(Builder b, ModelRunner runner) {
        this.owner = this;
        this.noise = NoiseSetting.DEFAULT;
        this.levelListener = level -> { };
        this.auto = null;
        this.runner = runner;
        this.tileSize = b.tileSize;
        this.overlap = b.overlap >= 0 ? b.overlap : runner.info().recommendedOverlap();
        this.progress = b.progress;
        this.cancel = b.cancel;
        this.border = Border.of(runner.info().border());
        this.restoreFlux = b.restoreFlux;
        this.selfEnsemble = b.selfEnsemble;
        this.pool = b.threads > 1 ? Executors.newFixedThreadPool(b.threads, Denoiser::daemon) : null;
    }

    /** A {@link AutoModel#ID} denoiser: it holds no model of its own. */
    private Denoiser(AutoModel auto, Builder b) {
        this.owner = this;
        this.noise = NoiseSetting.DEFAULT;
        this.levelListener = level -> { };
        this.auto = auto;
        this.runner = null;
        this.tileSize = 0;
        this.overlap = 0;
        // the defaults its calls pass on to the picked model's denoiser, as any denoiser's calls do
        this.progress = b.progress;
        this.cancel = b.cancel;
        this.pool = null;
        this.border = null;
        this.restoreFlux = b.restoreFlux;
        this.selfEnsemble = b.selfEnsemble;
    }

    /** A view of {@code owner} with another noise setting or ensemble choice: same model, pool, lock and defaults. */
    private Denoiser(Denoiser owner, NoiseSetting noise, Consumer<NoiseLevelUsed> levelListener, boolean selfEnsemble) {
        this.owner = owner;
        this.noise = noise;
        this.levelListener = levelListener;
        this.auto = owner.auto;
        this.runner = owner.runner;
        this.tileSize = owner.tileSize;
        this.overlap = owner.overlap;
        this.progress = owner.progress;
        this.cancel = owner.cancel;
        this.pool = owner.pool;
        this.border = owner.border;
        this.restoreFlux = owner.restoreFlux;
        this.selfEnsemble = selfEnsemble;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * This denoiser with {@code setting} for conditioned models: a cheap view sharing the loaded
     * model, so a slider or a per-record header needs no reload. {@code listener} hears the level
     * told for each plane. Closing the view does nothing; close the denoiser it was made from.
     *
     * @throws StrengthNotSupportedException if the model is blind and {@code setting} is not the
     *     default (for {@link AutoModel#ID}, when a call picks a blind model)
     */
    public Denoiser withNoise(NoiseSetting setting, Consumer<NoiseLevelUsed> listener) {
        if (auto == null) {
            NoiseConditioning.requireSupported(runner.info(), setting);
        }
        return new Denoiser(owner, setting, listener, selfEnsemble);
    }

    /**
     * This denoiser with the self-ensemble on or off ({@link Builder#selfEnsemble}): a cheap view
     * sharing the loaded model and this view's noise setting, so a per-record choice needs no
     * reload. Closing the view does nothing; close the denoiser it was made from.
     */
    public Denoiser withSelfEnsemble(boolean ensemble) {
        return new Denoiser(owner, noise, levelListener, ensemble);
    }

    /** The noise setting conditioned models get from this denoiser (the default unless a view). */
    public NoiseSetting noiseSetting() {
        return noise;
    }

    /** For {@link AutoModel#ID}: the picked model's denoiser with this view's noise setting, listener and ensemble choice. */
    private Denoiser picked(Denoiser denoiser) {
        return denoiser.withNoise(noise, levelListener).withSelfEnsemble(selfEnsemble);
    }

    /** The model; for {@link AutoModel#ID}, the one picked for the most recent image. */
    public ModelInfo model() {
        return auto != null ? auto.lastPicked() : runner.info();
    }

    /** The model that denoises gray pixels of {@code type}: {@link #model()}, or {@link AutoModel#ID}'s pick. */
    public ModelInfo modelFor(RealType<?> type) {
        return modelFor(type, 1);
    }

    /**
     * The model that denoises pixels of {@code type} in {@code channels} channels (3 for RGB):
     * {@link #model()}, or {@link AutoModel#ID}'s pick.
     */
    public ModelInfo modelFor(RealType<?> type, int channels) {
        return auto != null ? auto.infoFor(type, channels) : model();
    }

    /** The model that denoises {@code image}: {@link #model()}, or {@link AutoModel#ID}'s pick. */
    public ModelInfo modelFor(ImageData image) {
        return auto != null ? auto.infoFor(image) : model();
    }

    /** Denoises an image or stack with one intensity mapping for all of it (gray data). */
    public <T extends RealType<T> & NativeType<T>> Img<T> denoise(RandomAccessibleInterval<T> image) {
        return denoise(image, -1);
    }

    /**
     * Denoises an image or stack whose axis {@code channelAxis} holds channels, each with its own
     * intensity mapping; {@code -1} means no channel axis.
     */
    public <T extends RealType<T> & NativeType<T>> Img<T> denoise(RandomAccessibleInterval<T> image, int channelAxis) {
        return denoise(image, channelAxis, progress, cancel);
    }

    /** As {@link #denoise(RandomAccessibleInterval, int)}, with this call's own progress and cancel. */
    public <T extends RealType<T> & NativeType<T>> Img<T> denoise(RandomAccessibleInterval<T> image, int channelAxis,
            DenoiseProgress callProgress, CancelToken callCancel) {
        if (auto != null) {
            return picked(auto.denoiserFor(image.getType(), channelCount(image, channelAxis)))
                    .denoise(image, channelAxis, callProgress, callCancel);
        }
        PixelImages.requireDenoisable(image);
        Img<T> out = PixelImages.createLike(image);
        denoiseInto(image, out, channelAxis, null, callProgress, callCancel);
        return out;
    }

    /**
     * Denoises a decoded file (axes x, y, c, z), with one intensity mapping per channel for the
     * whole stack: the channels of an RGB image one by one with a gray model, together with a
     * colour model. Same format, type and size out.
     */
    public ImageData denoise(ImageData image) {
        return denoise(image, progress, cancel);
    }

    /** As {@link #denoise(ImageData)}, with this call's own progress and cancel. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public ImageData denoise(ImageData image, DenoiseProgress callProgress, CancelToken callCancel) {
        if (auto != null) {
            return picked(auto.denoiserFor(image)).denoise(image, callProgress, callCancel);
        }
        Img<? extends RealType<?>> out = PixelImages.createLike((RandomAccessibleInterval) image.pixels());
        return denoisePages(image, out, callProgress, callCancel);
    }

    /** As {@link #denoiseInPlace(ImageData, DenoiseProgress, CancelToken)}, with the builder's progress and cancel. */
    public ImageData denoiseInPlace(ImageData image) {
        return denoiseInPlace(image, progress, cancel);
    }

    /**
     * As {@link #denoise(ImageData)}, but the denoised values replace the pixels of {@code image}
     * (same results, bit for bit): no second copy of the image is held, which halves the memory
     * a large file takes. For callers that no longer need the noisy pixels, such as the command
     * line, which writes the result and drops the input.
     */
    public ImageData denoiseInPlace(ImageData image, DenoiseProgress callProgress, CancelToken callCancel) {
        if (auto != null) {
            return picked(auto.denoiserFor(image)).denoiseInPlace(image, callProgress, callCancel);
        }
        return denoisePages(image, image.pixels(), callProgress, callCancel);
    }

    /** Denoises {@code image} into {@code out}, which may be its own pixels; each channel on its own. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private ImageData denoisePages(ImageData image, Img<? extends RealType<?>> out, DenoiseProgress callProgress,
            CancelToken callCancel) {
        int[] channelOf = image.channels() == 1 ? image.metadata().pageChannels(image.planes()) : null;
        if (channelOf == null) {
            denoiseInto((RandomAccessibleInterval) image.pixels(), (RandomAccessibleInterval) out, ImageData.C, null,
                    callProgress, callCancel);
        } else {
            // A hyperstack's channels are pages (ImageJ, OME-TIFF): each gets its own mapping, as in the plugin.
            for (List<Integer> pages : pagesByChannel(channelOf)) {
                denoiseInto((RandomAccessibleInterval) pageStack((RandomAccessibleInterval) image.pixels(), pages),
                        (RandomAccessibleInterval) pageStack((RandomAccessibleInterval) out, pages), ImageData.C, null,
                        callProgress, callCancel);
            }
        }
        ModelInfo model = model();
        // format, type, alpha and file metadata unchanged; FITS files get a HISTORY card
        return image.withPixels(out).withNote("Denoised by Denoiser with " + model.id() + " " + model.version());
    }

    private static List<List<Integer>> pagesByChannel(int[] channelOf) {
        java.util.Map<Integer, List<Integer>> groups = new java.util.TreeMap<>();
        for (int page = 0; page < channelOf.length; page++) {
            groups.computeIfAbsent(channelOf[page], c -> new java.util.ArrayList<>()).add(page);
        }
        return List.copyOf(groups.values());
    }

    /** The given pages (axis z) of an (x, y, c, z) image as a view with the same axes, writable. */
    private static <T> RandomAccessibleInterval<T> pageStack(RandomAccessibleInterval<T> image, List<Integer> pages) {
        return Views.stack(pages.stream().map(page -> Views.hyperSlice(image, ImageData.Z, page)).toList());
    }

    /**
     * As {@link #denoise(RandomAccessibleInterval, int)}, writing into {@code out} (same size).
     *
     * @param scaling the map from image units to the model's range, or {@code null} to fit one
     *     per channel by the rule the model states ({@link ModelInfo#normalization()}, see
     *     {@link Normalizations#fit(net.imglib2.IterableInterval, ModelNormalization)});
     *     for float data that holds 8-bit values, pass the model's {@code uint8} rule fitted to it
     *     ({@link Normalization#FIXED_8BIT} for every shipped model)
     */
    public <T extends RealType<T>, U extends RealType<U>> void denoiseInto(
            RandomAccessibleInterval<T> image, RandomAccessibleInterval<U> out, int channelAxis, Normalization scaling) {
        denoiseInto(image, out, channelAxis, scaling, progress, cancel);
    }

    /** As {@link #denoiseInto(RandomAccessibleInterval, RandomAccessibleInterval, int, Normalization)}, with this call's own progress and cancel. */
    public <T extends RealType<T>, U extends RealType<U>> void denoiseInto(RandomAccessibleInterval<T> image,
            RandomAccessibleInterval<U> out, int channelAxis, Normalization scaling, DenoiseProgress callProgress,
            CancelToken callCancel) {
        if (auto != null) {
            picked(auto.denoiserFor(image.getType(), channelCount(image, channelAxis)))
                    .denoiseInto(image, out, channelAxis, scaling, callProgress, callCancel);
            return;
        }
        PixelImages.requireDenoisable(image);
        List<StackPlanes.Channel<T, U>> channels = StackPlanes.channels(image, out, channelAxis);
        int together = channelsTogether(channels.size());
        TilingPlan plan = Tiler.tiled(tileSize, overlap, runner.info().sizeMultiple()).planFor(StackPlanes.firstPlane(image));
        Progress tiles = new Progress(callProgress, callCancel,
                (long) plan.tileCount() * StackPlanes.planeCount(image) / together);
        beginCall();
        try {
            if (together > 1) {
                denoiseJointly(channels, scaling, plan, tiles);
                return;
            }
            for (StackPlanes.Channel<T, U> channel : channels) {
                Normalization normalization = normalizationFor(channel, scaling);
                List<StackPlanes.Plane<T, U>> planes = channel.planes();
                for (StackPlanes.Plane<T, U> plane : planes) {
                    // Tiles are normalized as they are read and mapped back as they are written, so
                    // no float copy of the plane is made; cores are disjoint, so threads may share out.
                    RowSource source = normalization.rowSource(plane.in());
                    double networkPerImageUnit = (normalization.top() - normalization.base()) / normalization.scale();
                    runTiles(plan, source, outputFor(normalization, plane, scaling == null && planes.size() == 1),
                            processorFor(source, networkPerImageUnit), tiles);
                }
            }
        } finally {
            endCall();
        }
    }

    /** The channels along {@code channelAxis} ({@code -1}: none, so 1). */
    private static int channelCount(RandomAccessibleInterval<?> image, int channelAxis) {
        return channelAxis >= 0 && channelAxis < image.numDimensions() ? (int) image.dimension(channelAxis) : 1;
    }

    /** {@code scaling}, or one fitted to the channel ({@link Normalizations#fit}). */
    private <T extends RealType<T>, U> Normalization normalizationFor(StackPlanes.Channel<T, U> channel,
            Normalization scaling) {
        return scaling != null ? scaling : Normalizations.fit(Views.iterable(channel.in()), runner.info().normalization());
    }

    /**
     * How many channels the model takes together: 1 for a gray model (which denoises any number of
     * channels one by one), else its {@link ModelInfo#inputChannels()}, which the image must have.
     *
     * @throws ChannelMismatchException naming the model and the image's channel count
     */
    private int channelsTogether(int imageChannels) {
        ModelInfo info = runner.info();
        int wanted = info.inputChannels();
        if (wanted == 1) {
            return 1;
        }
        if (imageChannels != wanted) {
            throw new ChannelMismatchException("model " + info.id() + " denoises " + wanted + " channels together"
                    + (wanted == 3 ? " (RGB)" : "") + "; this image has " + imageChannels + " channel"
                    + (imageChannels == 1 ? "" : "s") + ": use a gray model such as " + AutoModel.PHOTO_MODEL
                    + ", or " + AutoModel.ID + " to pick one per image");
        }
        if (info.isConditioned()) {
            throw new CorruptModelException("model " + info.id() + " takes " + wanted
                    + " channels and a noise level; this version can give a noise level to gray models only");
        }
        return wanted;
    }

    /**
     * A model that takes several channels (RGB) sees them together: plane k of every channel goes
     * into one tile tensor, channels last, each channel mapped to the model's range by its own
     * normalization (the fixed 8-bit map for 8-bit images), as the gray path maps it.
     */
    private <T extends RealType<T>, U extends RealType<U>> void denoiseJointly(List<StackPlanes.Channel<T, U>> channels,
            Normalization scaling, TilingPlan plan, Progress tiles) {
        List<Normalization> normalizations = channels.stream().map(c -> normalizationFor(c, scaling)).toList();
        List<List<StackPlanes.Plane<T, U>>> planes = channels.stream().map(StackPlanes.Channel::planes).toList();
        boolean fittedOnThePlane = scaling == null && planes.get(0).size() == 1;
        for (int p = 0; p < planes.get(0).size(); p++) {
            List<RowSource> sources = new ArrayList<>();
            List<RowSink> sinks = new ArrayList<>();
            for (int c = 0; c < channels.size(); c++) {
                StackPlanes.Plane<T, U> plane = planes.get(c).get(p);
                sources.add(normalizations.get(c).rowSource(plane.in()));
                sinks.add(outputFor(normalizations.get(c), plane, fittedOnThePlane));
            }
            runTiles(plan, sources, sinks, ensembled(runner, channels.size()), tiles);
        }
    }

    /**
     * Where a plane's tiles go: mapped back to image units, and for 16-bit and float planes (the
     * map with headroom) with the flux of faint sources put back ({@link FluxRestoration}) unless
     * the builder turned that off. A plane without measurable noise has nothing to put back.
     *
     * @param fittedOnThePlane whether {@code normalization} was fitted here on a channel of this one
     *     plane: its noise was then measured on these very pixels and is reused (a second estimate
     *     takes seconds on a large plane); a caller's map or a stack's may come from other pixels
     */
    private <T extends RealType<T>, U extends RealType<U>> RowSink outputFor(Normalization normalization,
            StackPlanes.Plane<T, U> plane, boolean fittedOnThePlane) {
        double sigma = !restoreFlux || !normalization.hasHeadroom() ? 0
                : fittedOnThePlane && normalization.hasMeasuredNoise() ? normalization.noiseSigma()
                : NoiseLevel.sigma(plane.in());
        return sigma > 0 ? new FluxRestoringSink(new FluxRestoration(sigma), normalization, plane.in(), plane.out())
                : normalization.rowSink(plane.in(), plane.out());
    }

    /**
     * Denoises one gray plane already scaled to the model's range (0..1 for the shipped models),
     * row-major; returns a new array.
     *
     * @throws ChannelMismatchException for a model that takes several channels together
     */
    public float[] denoisePlane(float[] pixels, int width, int height) {
        if (auto != null) {
            return picked(auto.denoiserForPlane()).denoisePlane(pixels, width, height);
        }
        if (pixels.length != (long) width * height) {
            throw new IllegalArgumentException("plane has " + pixels.length + " pixels, expected " + width + "x" + height);
        }
        channelsTogether(1);
        float[] result = new float[pixels.length];
        Img<FloatType> in = ArrayImgs.floats(pixels, width, height);
        TilingPlan plan = Tiler.tiled(tileSize, overlap, runner.info().sizeMultiple()).planFor(in);
        beginCall();
        try {
            RowSource source = RowSource.of(in);
            runTiles(plan, source, RowSink.of(ArrayImgs.floats(result, width, height)), processorFor(source, 1),
                    new Progress(progress, cancel, plan.tileCount()));
        } finally {
            endCall();
        }
        return result;
    }

    /** One call's listener, cancel token and count of finished tiles. */
    private record Progress(DenoiseProgress listener, CancelToken cancel, long total, AtomicLong done) {
        Progress(DenoiseProgress listener, CancelToken cancel, long total) {
            this(listener, cancel, total, new AtomicLong());
        }

        void tileDone() {
            listener.update(done.incrementAndGet(), total);
        }
    }

    private void beginCall() {
        owner.calls.readLock().lock();
        if (owner.closed) {
            owner.calls.readLock().unlock();
            throw new IllegalStateException("this Denoiser (" + runner.info().id() + ") is closed");
        }
    }

    private void endCall() {
        owner.calls.readLock().unlock();
    }

    /** The network for one plane: told the plane's noise level when the model is conditioned. */
    private TileProcessor processorFor(RowSource plane, double networkPerImageUnit) {
        NoiseLevelUsed level = NoiseConditioning.levelFor(runner.info(), noise, plane, networkPerImageUnit);
        if (level != null) {
            levelListener.accept(level);
        }
        return ensembled(runner.toldLevel(level), 1);
    }

    private TileProcessor ensembled(TileProcessor network, int channels) {
        return selfEnsemble ? new SelfEnsemble(network, channels) : network;
    }

    /**
     * One tile row at a time, its output held until no later tile reads the input rows it replaces
     * ({@link WriteBehind}): so {@code out} may write into the very pixels {@code in} reads, which
     * is how {@link #denoiseInPlace} needs no second copy of the image.
     */
    private void runTiles(TilingPlan plan, RowSource in, RowSink out, TileProcessor network, Progress tiles) {
        runTiles(plan, List.of(in), List.of(out), network, tiles);
    }

    /** As above, for channels the network takes together: one source and one sink per channel. */
    private void runTiles(TilingPlan plan, List<RowSource> in, List<RowSink> out, TileProcessor network,
            Progress tiles) {
        List<WriteBehind> writeBehind = out.stream().map(sink -> new WriteBehind(plan, border, sink)).toList();
        for (TileRow row : plan.tileRows()) {
            runTileRow(row, in, writeBehind.stream().map(channel -> channel.open(row)).toList(), network, tiles);
            writeBehind.forEach(channel -> channel.close(row));
        }
    }

    private void runTileRow(TileRow row, List<RowSource> in, List<RowSink> out, TileProcessor network, Progress tiles) {
        if (pool == null) {
            for (Tile tile : row.tiles()) {
                runTile(tile, in, out, network, tiles);
            }
            return;
        }
        List<Future<?>> futures = new ArrayList<>();
        for (Tile tile : row.tiles()) {
            futures.add(pool.submit(() -> runTile(tile, in, out, network, tiles)));
        }
        awaitAll(futures);
    }

    private void runTile(Tile tile, List<RowSource> in, List<RowSink> out, TileProcessor network, Progress tiles) {
        tiles.cancel().check("denoising");
        Tiler.processTile(tile, in, out, network, border);
        tiles.tileDone();
    }

    private void awaitAll(List<Future<?>> futures) {
        try {
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            futures.forEach(f -> f.cancel(true));
            throw new CancelledException("denoising was interrupted", e);
        } catch (ExecutionException e) {
            futures.forEach(f -> f.cancel(true));
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new DenoiseException("denoising failed: " + e.getCause(), e.getCause());
        }
    }

    private static Thread daemon(Runnable r) {
        Thread t = new Thread(r, "denoiser-tiles");
        t.setDaemon(true);
        return t;
    }

    /**
     * Waits for the calls that are running, then frees the model; a second close does nothing, and
     * so does closing a {@link #withNoise} view.
     */
    @Override
    public void close() {
        if (owner != this) {
            return;
        }
        if (auto != null) {
            auto.close();
            return;
        }
        calls.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            if (pool != null) {
                pool.shutdownNow();
            }
            runner.close();
        } finally {
            calls.writeLock().unlock();
        }
    }

    /** Builds a {@link Denoiser}: the model id is required, everything else has a sensible default. */
    public static final class Builder {
        /**
         * The largest tile side, overlap included, given to TensorFlow at once. The network's
         * activations take about 400 bytes per tile pixel, so a 2048 x 2048 tile takes about
         * 1.7 GB per thread; much larger tiles exhaust memory or crash inside TensorFlow (an
         * overlap of 10000 made a segmentation fault), and they gain nothing in speed.
         */
        public static final int MAX_TILE_SIDE = 2048;

        private String modelId;
        private ModelRepository repository;
        private int tileSize = 512;
        private int overlap = -1;
        private int threads = 1;
        private DenoiseProgress progress = DenoiseProgress.NONE;
        private CancelToken cancel = new CancelToken();
        private boolean restoreFlux = true;
        private boolean selfEnsemble;

        private Builder() {}

        /**
         * Required: a model id such as {@code denoise/gaussian-gray} (see {@code denoiser models}),
         * or {@link AutoModel#ID} to pick a model per image.
         */
        public Builder model(String id) {
            this.modelId = id;
            return this;
        }

        /** Where models come from; defaults to the bundled models plus the user's own. */
        public Builder repository(ModelRepository repository) {
            this.repository = repository;
            return this;
        }

        /** Largest tile side in pixels (before overlap); bounds memory. Default 512. */
        public Builder tileSize(int pixels) {
            if (pixels < 1) {
                throw new IllegalArgumentException("tile size must be at least 1 pixel, got " + pixels);
            }
            this.tileSize = pixels;
            return this;
        }

        /** Pixels of context on each side of a tile; defaults to the model's recommended overlap. */
        public Builder overlap(int pixels) {
            if (pixels < 0) {
                throw new IllegalArgumentException("overlap must not be negative, got " + pixels);
            }
            this.overlap = pixels;
            return this;
        }

        /** Tiles processed at once, each with its own predictor. Default 1. */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1, got " + threads);
            }
            this.threads = threads;
            return this;
        }

        public Builder progress(DenoiseProgress progress) {
            this.progress = progress;
            return this;
        }

        public Builder cancel(CancelToken cancel) {
            this.cancel = cancel;
            return this;
        }

        /**
         * Whether 16-bit and float images get the flux of faint sources put back after the
         * network ({@link FluxRestoration}; MODELS.md, "Bright sources and flat fields"). Default
         * true: without it a faint star or cell loses a few percent of its flux. 8-bit images
         * never do (their fixed map keeps the published-protocol figures).
         */
        public Builder restoreFlux(boolean restore) {
            this.restoreFlux = restore;
            return this;
        }

        /**
         * Whether every tile is denoised in its 8 orientations and the results averaged ({@link
         * SelfEnsemble}): a little more noise removed for 8 times the time. Default false.
         */
        public Builder selfEnsemble(boolean ensemble) {
            this.selfEnsemble = ensemble;
            return this;
        }

        private void requireTileFits(int effectiveOverlap) {
            long side = tileSize + 2L * effectiveOverlap;
            if (side > MAX_TILE_SIDE) {
                throw new TileTooLargeException("tile size " + tileSize + " with overlap " + effectiveOverlap
                        + " makes tiles of " + side + "x" + side + " pixels, over the " + MAX_TILE_SIDE + "x"
                        + MAX_TILE_SIDE + " (tile + 2 x overlap) that TensorFlow is given at once; " + fix(effectiveOverlap));
            }
        }

        /** Keeps the tile size when the overlap leaves room for a useful tile, otherwise the overlap. */
        private String fix(int effectiveOverlap) {
            long tileRoom = MAX_TILE_SIDE - 2L * effectiveOverlap;
            return tileRoom >= MAX_TILE_SIDE / 4
                    ? "use a tile size of at most " + tileRoom
                    : "use an overlap of at most " + Math.max(0, (MAX_TILE_SIDE - Math.min(tileSize, MAX_TILE_SIDE / 2)) / 2)
                            + (tileSize > MAX_TILE_SIDE / 2 ? " and a tile size of at most " + MAX_TILE_SIDE / 2 : "");
        }

        /**
         * Loads the model; throws {@link UnknownModelException}, {@link CorruptModelException}, or
         * {@link TileTooLargeException} when tile size + 2 x overlap exceeds {@link #MAX_TILE_SIDE}.
         */
        public Denoiser build() {
            if (modelId == null || modelId.isBlank()) {
                throw new IllegalArgumentException("a model id is required, e.g. denoise/gaussian-gray");
            }
            ModelRepository repo = repository != null ? repository : ModelRepository.standard();
            if (AutoModel.isAuto(modelId)) {
                Builder settings = copy(); // as they are now, for the models it loads later
                return new Denoiser(new AutoModel(repo, id -> settings.copy().repository(repo).model(id).build()), settings);
            }
            ModelInfo info = repo.info(modelId);
            requireTileFits(overlap >= 0 ? overlap : info.recommendedOverlap());
            ModelRunner runner = new ModelRunner(repo.load(modelId), info, threads);
            try {
                return new Denoiser(this, runner);
            } catch (RuntimeException e) {
                runner.close(); // the TensorFlow session must not outlive a failed build
                throw e;
            }
        }

        private Builder copy() {
            Builder copy = new Builder();
            copy.modelId = modelId;
            copy.repository = repository;
            copy.tileSize = tileSize;
            copy.overlap = overlap;
            copy.threads = threads;
            copy.progress = progress;
            copy.cancel = cancel;
            copy.restoreFlux = restoreFlux;
            copy.selfEnsemble = selfEnsemble;
            return copy;
        }
    }
}
