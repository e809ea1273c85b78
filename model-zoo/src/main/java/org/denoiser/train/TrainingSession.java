package org.denoiser.train;

import java.nio.file.Path;
import java.util.List;
import org.denoiser.api.CorruptModelException;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;

/**
 * One network in a TensorFlow graph with its loss and Adam update, and the session that holds
 * its weights. The input is named {@code input} with shape [-1,-1,-1,C] (C the architecture's
 * image channels) and the output {@code output}, so the graph can be exported and run on any image size the architecture allows.
 * {@link #save} and {@link #restore} write and read every variable, weights and optimizer state.
 */
public final class TrainingSession implements AutoCloseable {

    private final Graph graph;
    private final Session session;
    private final Placeholder<TFloat32> input;
    private final Operand<TFloat32> output;
    private final Placeholder<TFloat32> target;
    private final Placeholder<TFloat32> mask; // null unless the loss is masked
    private final Placeholder<TFloat32> levels; // null unless the network is told the noise level
    private final Operand<TFloat32> loss;
    private final AdamUpdate adam;
    private final List<Variable<TFloat32>> weights;
    private final int channels;

    /** A session with TensorFlow's default thread pools. */
    public TrainingSession(Architecture architecture, Loss lossFunction, long seed) {
        this(architecture, lossFunction, seed, 0);
    }

    /**
     * @param threads intra-op threads (with one inter-op thread), so a run takes its fair share of
     *     a shared machine; 0 leaves TensorFlow's defaults (all cores)
     */
    public TrainingSession(Architecture architecture, Loss lossFunction, long seed, int threads) {
        graph = new Graph();
        try {
            Ops tf = Ops.create(graph);
            channels = architecture.channels();
            Shape anyImage = Shape.of(-1, -1, -1, channels);
            input = tf.withName("input").placeholder(TFloat32.class, Placeholder.shape(anyImage));
            target = tf.withName("target").placeholder(TFloat32.class, Placeholder.shape(anyImage));
            mask = lossFunction.masked()
                    ? tf.withName("mask").placeholder(TFloat32.class, Placeholder.shape(anyImage))
                    : null;
            levels = levelInput(tf, architecture.levelCount());
            GraphLayers layers = new GraphLayers(tf, seed);
            Network network = architecture.build(layers, input, levelMaps(tf, input, levels));
            output = tf.withName("output").identity(network.output());
            loss = tf.withName("loss").identity(lossFunction.build(tf, network, target, mask));
            weights = layers.variables();
            adam = new AdamUpdate(tf, loss, weights);
            session = threads > 0 ? new Session(graph, threadConfig(threads)) : new Session(graph);
            session.initialize();
        } catch (RuntimeException e) {
            graph.close();
            throw e;
        }
    }

    /** The {@code noise_level} input [-1,1,1,count] of a conditioned network, or null for a blind one. */
    static Placeholder<TFloat32> levelInput(Ops tf, int count) {
        return count == 0 ? null : tf.withName(SavedModelExporter.NOISE_LEVEL).placeholder(TFloat32.class,
                Placeholder.shape(Shape.of(-1, 1, 1, count)));
    }

    /** The levels spread over the image: [N,1,1,k] broadcast against [N,H,W,1] gives [N,H,W,k]. */
    static Operand<TFloat32> levelMaps(Ops tf, Operand<TFloat32> input, Operand<TFloat32> levels) {
        return levels == null ? null : tf.math.add(tf.zerosLike(input), levels);
    }

    private static ConfigProto threadConfig(int threads) {
        return ConfigProto.newBuilder()
                .setIntraOpParallelismThreads(threads)
                .setInterOpParallelismThreads(1)
                .build();
    }

    /** One Adam update on the batch; returns the batch loss before the update. */
    public float step(Batch batch, float learningRate) {
        requireMaskIfNeeded(batch);
        try (TFloat32 noisy = tensor(batch.noisy(), batch);
                TFloat32 clean = tensor(batch.clean(), batch);
                TFloat32 weightsOfPixels = mask == null ? null : tensor(batch.mask(), batch);
                TFloat32 rate = TFloat32.scalarOf(learningRate)) {
            Session.Runner runner = session.runner()
                    .feed(input, noisy)
                    .feed(target, clean)
                    .feed(adam.learningRate(), rate)
                    .addTarget(adam.update())
                    .fetch(loss);
            if (mask != null) {
                runner.feed(mask, weightsOfPixels);
            }
            return runFeedingLevels(runner, batch);
        }
    }

    private float runFeedingLevels(Session.Runner runner, Batch batch) {
        try (TFloat32 levelTensor = levels == null ? null : levelTensor(batch.levels(), batch.size())) {
            if (levels != null) {
                runner.feed(levels, levelTensor);
            }
            try (Result result = runner.run()) {
                return ((TFloat32) result.get(0)).getFloat();
            }
        }
    }

    /** The loss on a batch without training on it, e.g. for validation. */
    public float loss(Batch batch) {
        requireMaskIfNeeded(batch);
        try (TFloat32 noisy = tensor(batch.noisy(), batch.size(), batch.height(), batch.width());
                TFloat32 clean = tensor(batch.clean(), batch.size(), batch.height(), batch.width());
                TFloat32 weightsOfPixels = mask == null ? null : tensor(batch.mask(), batch.size(), batch.height(), batch.width())) {
            Session.Runner runner = session.runner().feed(input, noisy).feed(target, clean).fetch(loss);
            if (mask != null) {
                runner.feed(mask, weightsOfPixels);
            }
            return runFeedingLevels(runner, batch);
        }
    }

    private void requireMaskIfNeeded(Batch batch) {
        if (mask != null && batch.mask() == null) {
            throw new IllegalArgumentException("this session trains with a masked loss; the batch has no mask");
        }
        if (batch.channels() != channels) {
            throw new IllegalArgumentException("this network takes images of " + channels + " channel(s); the batch has "
                    + batch.channels());
        }
        int expected = levels == null ? 0 : (int) levels.shape().get(3);
        if (batch.levelCount() != expected) {
            throw new IllegalArgumentException("this network is told " + expected + " noise levels per image; the batch has "
                    + batch.levelCount());
        }
    }

    /**
     * Starts from the weights of an exported model (fine-tuning) instead of random ones: every
     * network variable is read from the SavedModel by name and assigned here. Adam's state stays
     * fresh. The SavedModel must come from the same architecture (same variable names and shapes).
     */
    public void initializeFrom(Path savedModel) {
        try (SavedModelBundle bundle = SavedModelBundle.load(savedModel.toString(), SavedModelBundle.DEFAULT_TAG)) {
            Ops tf = Ops.create(graph);
            for (Variable<TFloat32> variable : weights) {
                String name = variable.op().name();
                try (Result fetched = bundle.session().runner().fetch(name).run()) {
                    TFloat32 value = (TFloat32) fetched.get(0);
                    if (!value.shape().equals(variable.shape())) {
                        throw new CorruptModelException("weights " + name + " in " + savedModel + " have shape "
                                + value.shape() + ", this network needs " + variable.shape());
                    }
                    Placeholder<TFloat32> feed = tf.placeholder(TFloat32.class, Placeholder.shape(variable.shape()));
                    session.runner().feed(feed, value).addTarget(tf.assign(variable, feed)).run();
                }
            }
        } catch (IllegalArgumentException | IllegalStateException | org.tensorflow.exceptions.TensorFlowException e) {
            throw new CorruptModelException("cannot start from the weights in " + savedModel + " (is it a model of the "
                    + "same architecture?): " + e.getMessage(), e);
        }
    }

    /** Runs a blind network on {@code count} stacked images of the network's channels (channels last). */
    public float[] denoise(float[] pixels, int count, int height, int width) {
        return denoise(pixels, new float[0], count, height, width);
    }

    /** Runs the network on the batch's noisy images, telling it their noise levels if it takes them. */
    public float[] denoise(Batch batch) {
        return denoise(batch.noisy(), batch.levels(), batch.size(), batch.height(), batch.width());
    }

    private float[] denoise(float[] pixels, float[] levelValues, int count, int height, int width) {
        if (levels == null && levelValues.length > 0) {
            throw new IllegalArgumentException("this network takes no noise levels");
        }
        try (TFloat32 images = tensor(pixels, count, height, width, channels);
                TFloat32 levelTensor = levels == null ? null : levelTensor(levelValues, count)) {
            Session.Runner runner = session.runner().feed(input, images).fetch(output);
            if (levels != null) {
                runner.feed(levels, levelTensor);
            }
            try (Result result = runner.run()) {
                return toArray((TFloat32) result.get(0), pixels.length);
            }
        }
    }

    /** Writes all variables (weights and Adam state) as a TensorFlow checkpoint at {@code prefix}. */
    public void save(Path prefix) {
        session.save(prefix.toString());
    }

    /** Reads back what {@link #save} wrote; the graph must come from the same architecture. */
    public void restore(Path prefix) {
        session.restore(prefix.toString());
    }

    Session session() {
        return session;
    }

    Operand<TFloat32> input() {
        return input;
    }

    Operand<TFloat32> output() {
        return output;
    }

    Placeholder<TFloat32> levels() {
        return levels;
    }

    static TFloat32 tensor(float[] pixels, int count, int height, int width) {
        return tensor(pixels, count, height, width, 1);
    }

    /** One of the batch's arrays (noisy, clean or mask) in the batch's shape. */
    static TFloat32 tensor(float[] values, Batch batch) {
        return tensor(values, batch.size(), batch.height(), batch.width(), batch.channels());
    }

    /** {@code count} images, channels last, as an NHWC tensor. */
    static TFloat32 tensor(float[] pixels, int count, int height, int width, int channels) {
        if (pixels.length != (long) count * height * width * channels) {
            throw new IllegalArgumentException(count + " images of " + height + "x" + width + "x" + channels
                    + " need " + (long) count * height * width * channels + " values, got " + pixels.length);
        }
        return TFloat32.tensorOf(Shape.of(count, height, width, channels), DataBuffers.of(pixels, true, false));
    }

    /** {@code count} images' levels as the [count,1,1,k] tensor the {@code noise_level} input takes. */
    static TFloat32 levelTensor(float[] values, int count) {
        if (values.length == 0 || values.length % count != 0) {
            throw new IllegalArgumentException("need the same positive number of noise levels for each of " + count
                    + " images, got " + values.length + " values");
        }
        return TFloat32.tensorOf(Shape.of(count, 1, 1, values.length / count), DataBuffers.of(values, true, false));
    }

    static float[] toArray(TFloat32 tensor, int expectedLength) {
        if (tensor.size() != expectedLength) {
            throw new IllegalStateException("network returned " + tensor.size() + " values, expected "
                    + expectedLength + " (shape " + tensor.shape() + ")");
        }
        float[] values = new float[expectedLength];
        tensor.copyTo(DataBuffers.of(values, false, false));
        return values;
    }

    @Override
    public void close() {
        try (Graph g = graph) {
            session.close();
        }
    }
}
