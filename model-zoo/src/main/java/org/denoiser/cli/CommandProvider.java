package org.denoiser.cli;

import java.util.List;

/**
 * Lets other modules (the Kafka worker, the ImageJ plugin) add sub-commands to {@code denoiser}
 * without model-zoo depending on them: list the implementation in
 * {@code META-INF/services/org.denoiser.cli.CommandProvider}. A provided command replaces a
 * built-in one of the same name (for example a richer {@code demo}).
 */
public interface CommandProvider {
    /** picocli {@code @Command} objects. */
    List<Object> commands();
}
