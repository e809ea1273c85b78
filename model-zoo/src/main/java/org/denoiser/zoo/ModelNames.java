package org.denoiser.zoo;

import java.util.regex.Pattern;

/**
 * What a model's name may look like. Names become folder names (the user's models folder and the
 * cache), so they are one safe path segment: never {@code ..}, never a separator, never hidden.
 */
final class ModelNames {
    static final String RULE = "1-64 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    private ModelNames() {}

    static boolean isValid(String name) {
        return name != null && NAME.matcher(name).matches();
    }
}
