package org.denoiser.zoo;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * A place that holds packaged models, each a folder {@code NAME/} with a {@code model.json} and the
 * SavedModel files it lists: the jar's own classpath, or a user's model directory.
 */
public interface ModelSource {
    /** Where this source reads from, for messages. */
    String describe();

    /** Names of the model folders present; a folder that cannot be read is simply not named. */
    List<String> names();

    /** Opens one file of a model folder, or throws {@link java.io.FileNotFoundException}. */
    InputStream open(String name, String relativePath) throws IOException;
}
