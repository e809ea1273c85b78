package org.denoiser.train;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.denoiser.api.CorruptModelException;
import org.denoiser.api.DenoiseException;

/**
 * A checkpoint folder: {@code variables.*} (a TensorFlow checkpoint of every session variable,
 * weights and Adam moments and step) and {@code state.json} ({@link TrainingState}). A new
 * checkpoint is written next to the old one and swapped in by renames, so a run killed while
 * saving still has its previous checkpoint.
 */
public final class Checkpoint {

    private static final String VARIABLES = "variables";
    private static final String STATE = "state.json";
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private final Path dir;

    public Checkpoint(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    public void save(TrainingSession session, TrainingState state) {
        Path fresh = sibling(".new");
        Path old = sibling(".old");
        try {
            deleteTree(fresh);
            Files.createDirectories(fresh);
            session.save(fresh.resolve(VARIABLES));
            Files.writeString(fresh.resolve(STATE), GSON.toJson(state) + "\n", StandardCharsets.UTF_8);
            deleteTree(old);
            if (Files.exists(dir)) {
                Files.move(dir, old, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(fresh, dir, StandardCopyOption.ATOMIC_MOVE);
            deleteTree(old);
        } catch (IOException e) {
            throw new DenoiseException("cannot write checkpoint " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Loads the checkpoint into {@code session} and returns its state, or empty if there is none yet. */
    public Optional<TrainingState> restore(TrainingSession session) {
        Path source = Files.isDirectory(dir) ? dir : sibling(".old"); // .old: killed between the two renames
        if (!Files.isRegularFile(source.resolve(STATE))) {
            return Optional.empty();
        }
        try {
            TrainingState state = GSON.fromJson(Files.readString(source.resolve(STATE), StandardCharsets.UTF_8),
                    TrainingState.class);
            session.restore(source.resolve(VARIABLES));
            return Optional.of(state);
        } catch (IOException | RuntimeException e) { // TensorFlow reports a bad checkpoint with unchecked exceptions
            throw new CorruptModelException("cannot read checkpoint " + source + ": " + e.getMessage(), e);
        }
    }

    private Path sibling(String suffix) {
        return dir.resolveSibling(dir.getFileName() + suffix);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
