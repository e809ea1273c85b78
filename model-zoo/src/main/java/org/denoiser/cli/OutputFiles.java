package org.denoiser.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.denoiser.api.DenoiseException;
import org.denoiser.io.AtomicFileWrite;
import org.denoiser.io.FileProblem;

/**
 * The files a command is about to write, checked before it loads a model or reads an image, so
 * that a run either writes without destroying anything or writes nothing at all:
 * <ul>
 *   <li>a result never replaces an input, with or without {@code --overwrite}; files are compared
 *       as files (device and inode), so another spelling of the path, a symbolic link to the
 *       folder or a hard link to the input count as the input;
 *   <li>two inputs with the same file name are refused (one would silently replace the other's
 *       result), rather than mirroring their folders in the output: results stay where users look
 *       for them, {@code OUTDIR/NAME};
 *   <li>a file that already exists is replaced only with {@code --overwrite}.
 * </ul>
 * Problems are reported as a {@link DenoiseException} (one line, exit code 2) naming the file.
 */
final class OutputFiles {
    private final Path folder;
    private final Map<Path, Path> byInput;
    private final List<Path> files;

    private OutputFiles(Path folder, Map<Path, Path> byInput, List<Path> files) {
        this.folder = folder;
        this.byInput = byInput;
        this.files = files;
    }

    /** One result per input, {@code folder/NAME} for an input named NAME. */
    static OutputFiles forInputs(Path folder, List<Path> inputs, boolean overwrite) {
        Map<Path, Path> byInput = new LinkedHashMap<>();
        Map<Path, Path> inputByOutput = new HashMap<>();
        for (Path input : inputs) {
            if (input.getFileName() == null) {
                throw new DenoiseException("not an image file: " + input);
            }
            Path output = folder.resolve(input.getFileName());
            Path earlier = inputByOutput.putIfAbsent(output, input);
            if (earlier != null) {
                throw new DenoiseException("refusing to write " + output + " twice: inputs " + earlier + " and " + input
                        + " have the same name; rename one or give them separate runs");
            }
            byInput.put(input, output);
        }
        List<Path> files = List.copyOf(byInput.values());
        check(folder, files, inputs, overwrite);
        return new OutputFiles(folder, byInput, files);
    }

    /** Results with names of their own (not derived from inputs) in {@code folder}. */
    static OutputFiles named(Path folder, List<String> names, boolean overwrite) {
        List<Path> files = names.stream().map(folder::resolve).toList();
        check(folder, files, List.of(), overwrite);
        return new OutputFiles(folder, Map.of(), files);
    }

    /** One result file made from all the inputs, e.g. a montage. */
    static OutputFiles single(Path file, List<Path> inputs, boolean overwrite) {
        Path folder = file.toAbsolutePath().getParent();
        check(folder, List.of(file), inputs, overwrite);
        return new OutputFiles(folder, Map.of(), List.of(file));
    }

    Path forInput(Path input) {
        return byInput.get(input);
    }

    Path get(int index) {
        return files.get(index);
    }

    /**
     * Creates the folder if needed and deletes the temporary files that interrupted runs (killed
     * before they could clean up) left in it, saying so on {@code out}.
     */
    void prepareFolder(PrintWriter out) {
        try {
            Files.createDirectories(folder);
            List<Path> removed = AtomicFileWrite.removeStaleTempFiles(folder);
            if (!removed.isEmpty()) {
                out.printf("removed %d temporary file(s) left in %s by interrupted runs%n", removed.size(), folder);
            }
        } catch (IOException e) {
            throw new DenoiseException("cannot prepare output folder " + folder + ": " + FileProblem.of(e), e);
        }
    }

    private static void check(Path folder, List<Path> outputs, List<Path> inputs, boolean overwrite) {
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new DenoiseException("cannot write into " + folder + ": it is a file, not a folder");
        }
        Map<Object, Path> inputsByIdentity = new HashMap<>();
        for (Path input : inputs) {
            identity(input).ifPresent(id -> inputsByIdentity.putIfAbsent(id, input));
        }
        List<Path> existing = new ArrayList<>();
        for (Path output : outputs) {
            if (!Files.exists(output, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            if (Files.isDirectory(output)) {
                throw new DenoiseException("refusing to write " + output + ": it is a folder");
            }
            Optional<Path> input = identity(output).map(inputsByIdentity::get);
            if (input.isPresent()) {
                throw new DenoiseException("refusing to write " + output + ": it is the input " + input.get()
                        + " (the same file); choose another output folder");
            }
            existing.add(output);
        }
        if (!existing.isEmpty() && !overwrite) {
            String what = existing.size() == 1 ? ", which exists; add --overwrite to replace it"
                    : " and " + (existing.size() - 1) + " more existing file(s); add --overwrite to replace them";
            throw new DenoiseException("refusing to replace " + existing.get(0) + what);
        }
    }

    /**
     * What makes a file the same file whatever the path to it: device and inode where the file
     * system has them, else the real path. Empty when the file cannot be reached (it does not
     * exist, or is a dangling link): nothing is lost by writing over it.
     */
    private static Optional<Object> identity(Path file) {
        try {
            Object key = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
            return Optional.of(key != null ? key : file.toRealPath());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
