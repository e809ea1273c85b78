package org.denoiser.imagej;

import java.util.ArrayList;
import java.util.List;

/**
 * The options string of a macro's {@code run("Command...", "key=value flag key=[value with spaces]")},
 * checked before it is read: ImageJ's own reader ({@code Macro.getValue}) silently takes the
 * default for a key it does not find, so a misspelt key would quietly change what a batch does.
 */
final class MacroOptions {
    private MacroOptions() {
    }

    /**
     * @param valid the keys allowed, as shown to the user ({@code model=<id>}, {@code stack}); the
     *     part before {@code =} is the key
     * @throws IllegalArgumentException naming the unknown keys and listing the valid ones
     */
    static void requireOnly(String options, List<String> valid) {
        List<String> names = valid.stream().map(k -> k.replaceFirst("=.*", "")).toList();
        List<String> unknown = keys(options).stream().filter(k -> !names.contains(k)).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException((unknown.size() == 1 ? "unknown key " : "unknown keys ")
                    + String.join(", ", unknown.stream().map(k -> "'" + k + "'").toList())
                    + "; valid keys: " + String.join(", ", valid));
        }
    }

    /** The keys in {@code options}, in order: words before '=' and bare flags; bracketed values skipped. */
    static List<String> keys(String options) {
        List<String> keys = new ArrayList<>();
        String rest = options == null ? "" : options.replaceAll("\\[[^\\]]*\\]", "[]");
        for (String word : rest.trim().split("\\s+")) {
            if (!word.isEmpty()) {
                keys.add(word.replaceFirst("=.*", ""));
            }
        }
        return keys;
    }

    /** Whether a bare keyword (a ticked checkbox) is in the options, outside any [bracketed value]. */
    static boolean hasFlag(String options, String key) {
        String unbracketed = options.replaceAll("\\[[^\\]]*\\]", "[]");
        return (" " + unbracketed + " ").contains(" " + key + " ");
    }
}
