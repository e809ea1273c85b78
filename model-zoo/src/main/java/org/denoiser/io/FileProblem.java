package org.denoiser.io;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;
import java.util.Map;

/**
 * Says in words why a file operation failed, for messages like "cannot read x.png: permission
 * denied". The JDK's file exceptions often carry only the path as their message
 * ({@code AccessDeniedException: x.png}), which names the file twice and the reason never.
 */
public final class FileProblem {
    /** The JDK's exceptions whose message is only the path, and what they mean. */
    private static final Map<Class<? extends IOException>, String> PATH_ONLY = Map.of(
            NoSuchFileException.class, "no such file or directory",
            AccessDeniedException.class, "permission denied",
            NotDirectoryException.class, "not a directory",
            FileAlreadyExistsException.class, "already exists",
            DirectoryNotEmptyException.class, "directory not empty",
            FileSystemLoopException.class, "symbolic link loop");

    private FileProblem() {
    }

    /** The reason, in lower case and without the path, e.g. "permission denied" or "is a directory". */
    public static String of(IOException e) {
        String known = PATH_ONLY.get(e.getClass());
        if (known != null) {
            return known;
        }
        if (e instanceof FileSystemException fileSystem && fileSystem.getReason() != null) {
            return lowerCaseStart(fileSystem.getReason()); // e.g. "No space left on device"
        }
        String message = e.getMessage();
        if (e instanceof FileNotFoundException && message != null && message.endsWith(")") && message.contains(" (")) {
            // java.io's form: "x.png (Permission denied)"
            return lowerCaseStart(message.substring(message.lastIndexOf(" (") + 2, message.length() - 1));
        }
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        return lowerCaseStart(message);
    }

    /** "Is a directory" reads as "is a directory" after a colon; "TIFF ..." stays as it is. */
    private static String lowerCaseStart(String text) {
        if (text.length() > 1 && Character.isUpperCase(text.charAt(0)) && Character.isLowerCase(text.charAt(1))) {
            return text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1);
        }
        return text;
    }
}
