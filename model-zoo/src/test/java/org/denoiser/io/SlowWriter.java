package org.denoiser.io;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A child process for {@link InterruptedWriteTest}: starts replacing the file named by its
 * argument, writes the first megabyte, says so on stdout, then blocks mid-write until it is killed.
 */
public final class SlowWriter {
    public static final String WRITING = "writing";

    private SlowWriter() {
    }

    public static void main(String[] args) throws Exception {
        Path target = Path.of(args[0]);
        AtomicFileWrite.replace(target, out -> {
            out.write(new byte[1 << 20]);
            out.flush();
            System.out.println(WRITING);
            System.out.flush();
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Files.writeString(target.resolveSibling("not-interrupted"), "the write finished, which it should not");
    }
}
