package org.denoiser.cli;

import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * The files of a batch that failed: each is reported as one line naming it, and the run goes on
 * with the next file; the exit code says whether any failed.
 */
final class FailedFiles {
    private final PrintWriter err;
    private int count;

    FailedFiles(PrintWriter err) {
        this.err = err;
    }

    void report(Path file, RuntimeException e) {
        String message = e.getMessage();
        boolean named = message != null && message.contains(file.getFileName().toString());
        err.println("denoiser: " + (named ? "" : file + ": ") + message);
        count++;
    }

    int exitCode() {
        return count == 0 ? 0 : DenoiserCommand.USER_ERROR;
    }
}
