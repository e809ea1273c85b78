package org.denoiser.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.denoiser.api.DenoiseException;
import org.denoiser.train.GraphLayers.Precision;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * Writes a trained session as a TensorFlow SavedModel (tag {@code serve}) whose
 * {@code serving_default} signature maps {@code input} [-1,-1,-1,C] float32 to {@code output} of the
 * same shape (C is 1 for gray networks, 3 for colour ones).
 * A network that is told the noise level also takes {@code noise_level} [-1,1,1,k]: k levels per
 * image (see {@link NoiseModel#levelCount()}).
 */
public final class SavedModelExporter {

    public static final String INPUT = "input";
    public static final String OUTPUT = "output";
    public static final String NOISE_LEVEL = "noise_level";

    private SavedModelExporter() {
    }

    /** Exports into {@code dir}, replacing a SavedModel already there (and nothing else). */
    public static void export(TrainingSession session, Path dir) {
        write(session.session(), session.input(), session.levels(), session.output(), dir);
    }

    /**
     * Exports the trained weights in a fresh inference-only graph that computes in
     * {@code precision} (float32 in and out either way), without the optimizer's state. The
     * weights travel through a temporary checkpoint; variable names match because both graphs are
     * built by the same code.
     */
    public static void export(TrainingSession trained, Architecture architecture, Precision precision, Path dir) {
        Path scratch = null;
        try {
            scratch = Files.createTempDirectory("denoiser-export");
            exportVia(scratch.resolve("weights"), trained, architecture, precision, dir);
        } catch (IOException e) {
            throw new DenoiseException("cannot export to " + dir + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(scratch);
        }
    }

    private static void exportVia(Path weights, TrainingSession trained, Architecture architecture,
            Precision precision, Path dir) {
        trained.save(weights);
        try (Graph graph = new Graph()) {
            Ops tf = Ops.create(graph);
            Placeholder<TFloat32> input = tf.withName(INPUT).placeholder(TFloat32.class,
                    Placeholder.shape(Shape.of(-1, -1, -1, architecture.channels())));
            Placeholder<TFloat32> levels = TrainingSession.levelInput(tf, architecture.levelCount());
            Network network = architecture.build(new GraphLayers(tf, 0, precision), input,
                    TrainingSession.levelMaps(tf, input, levels));
            Operand<TFloat32> output = tf.withName(OUTPUT).identity(network.output());
            try (Session session = new Session(graph)) {
                session.initialize();
                session.restore(weights.toString());
                write(session, input, levels, output, dir);
            }
        }
    }

    private static void write(Session session, Operand<TFloat32> input, Operand<TFloat32> levels,
            Operand<TFloat32> output, Path dir) {
        try {
            removePreviousExport(dir);
            Files.createDirectories(dir);
            Signature.Builder builder = Signature.builder()
                    .key(Signature.DEFAULT_KEY)
                    .input(INPUT, input)
                    .output(OUTPUT, output);
            if (levels != null) {
                builder.input(NOISE_LEVEL, levels);
            }
            Signature signature = builder.build();
            SavedModelBundle.exporter(dir.toString())
                    .withSession(session)
                    .withSignature(signature)
                    .export();
        } catch (IOException e) {
            throw new DenoiseException("cannot write the SavedModel to " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void removePreviousExport(Path dir) throws IOException {
        Files.deleteIfExists(dir.resolve("saved_model.pb"));
        deleteTree(dir.resolve("variables"));
    }

    private static void deleteTree(Path root) throws IOException {
        if (Files.isDirectory(root)) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    /** Scratch files are not worth failing an export for; a leftover temp folder is harmless. */
    private static void deleteQuietly(Path root) {
        if (root == null) {
            return;
        }
        try {
            deleteTree(root);
        } catch (IOException e) {
            System.err.println("note: could not delete scratch folder " + root + ": " + e.getMessage());
        }
    }
}
