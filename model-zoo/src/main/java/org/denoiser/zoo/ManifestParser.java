package org.denoiser.zoo;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.denoiser.api.Conditioning;
import org.denoiser.api.CorruptModelException;
import org.denoiser.api.ModelInfo;

/**
 * Reads a {@code model.json} as data from a folder nobody vouches for (a shared drive, a download).
 * The JSON is parsed strictly (no comments, no trailing text) and every field is checked by name
 * before anything uses it, because each one ends up somewhere that matters: the id and version
 * name cache folders, file paths are opened in the model folder and written in the cache, texts
 * are printed to terminals, numbers size tiles. Unknown fields are refused rather than ignored:
 * the manifest is a contract the denoiser obeys, and a field it does not know could change what
 * the model needs. The only exception that leaves is {@link CorruptModelException}, naming the
 * manifest and the field.
 */
final class ManifestParser {
    /** Real manifests are 1-3 KB; a file larger than this is refused before it is read whole. */
    static final int MAX_BYTES = 256 * 1024;
    private static final int MAX_FILES = 1000;
    private static final int MAX_TEXT = 4000;
    private static final int MAX_PSNR_ENTRIES = 64;
    private static final int MAX_PATH_DEPTH = 8;
    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]{0,31}");
    private static final Pattern SHA1 = Pattern.compile("[0-9a-fA-F]{40}");
    /** One path segment of a model file: no separators, never '.' or '..', never hidden. */
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_+-][A-Za-z0-9._+-]{0,127}");
    private static final Pattern SMALL_INT = Pattern.compile("-?[0-9]{1,9}");
    /** A plain decimal as Gson writes doubles; matched as text before any number parser sees it. */
    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]{1,6}(\\.[0-9]{1,20})?([eE][-+]?[0-9]{1,3})?");
    /** A SavedModel signature input name. */
    private static final Pattern INPUT_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");
    private static final Set<String> CONDITIONING_FIELDS = Arrays.stream(Conditioning.class.getRecordComponents())
            .map(RecordComponent::getName).collect(Collectors.toUnmodifiableSet());
    private static final Set<String> CONDITIONING_KINDS = Set.of(Conditioning.POISSON_GAUSSIAN_STD);
    /** Noise stds in the network's 0..1 units; anything above this is not a noise level. */
    private static final double MAX_LEVEL = 10;
    private static final Set<String> TOP_FIELDS = Set.of("info", "files");
    /**
     * The components of {@link ModelInfo}: a field added there is known here at once, and the
     * constructor call in {@link #info} will not compile until the new field is checked too.
     */
    private static final Set<String> INFO_FIELDS = Arrays.stream(ModelInfo.class.getRecordComponents())
            .map(RecordComponent::getName).collect(Collectors.toUnmodifiableSet());
    private static final Set<String> BORDERS = Set.of("mirror", "zero");
    /** The file TensorFlow reads first; a manifest without it cannot describe a SavedModel. */
    static final String GRAPH_FILE = PackagedModel.SAVED_MODEL_DIR + "/saved_model.pb";

    private final String where;

    private ManifestParser(String where) {
        this.where = where;
    }

    /** Parses and checks {@code json}, read from {@code where} (named in every error). */
    static ModelManifest parse(String json, String where) {
        ManifestParser parser = new ManifestParser(where);
        JsonObject root = parser.object(parser.tree(json), "(the whole file)");
        parser.onlyKnownFields(root, TOP_FIELDS, "");
        ModelInfo info = parser.info(parser.object(parser.required(root, "info", ""), "info"));
        Map<String, String> files = parser.files(parser.object(parser.required(root, "files", ""), "files"));
        return new ModelManifest(info, files);
    }

    private JsonElement tree(String json) {
        try (JsonReader reader = new JsonReader(new StringReader(json))) {
            reader.setStrictness(Strictness.STRICT);
            JsonElement tree = JsonParser.parseReader(reader); // keeps STRICT (only the legacy default turns lenient)
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw fail("is not valid JSON: text after the closing brace");
            }
            return tree;
        } catch (JsonParseException | IOException e) {
            // Gson adds a second line pointing at its troubleshooting page; one line is enough here.
            throw new CorruptModelException("model manifest " + where + " is not valid JSON: "
                    + firstLine(e.getMessage()), e);
        } catch (NumberFormatException e) {
            throw new CorruptModelException("model manifest " + where + " is not valid JSON: a number is out of range", e);
        }
    }

    private ModelInfo info(JsonObject info) {
        onlyKnownFields(info, INFO_FIELDS, "info.");
        String id = text(info, "id", true);
        String prefix = DenoiserModelZoo.GROUP + "/";
        if (!id.startsWith(prefix) || !ModelNames.isValid(id.substring(prefix.length()))) {
            throw field("info.id", "must be " + prefix + "NAME with NAME " + ModelNames.RULE, id);
        }
        String version = text(info, "version", true);
        if (!VERSION.matcher(version).matches()) {
            throw field("info.version", "must be 1-32 letters, digits, '.', '_', '+' or '-', starting with a letter or digit",
                    version);
        }
        String border = text(info, "border", false);
        if (border != null && !BORDERS.contains(border)) {
            throw field("info.border", "must be one of " + BORDERS, border);
        }
        String axes = text(info, "axes", false);
        if (axes != null && !ModelInfo.AXES_BYXC.equals(axes)) {
            throw field("info.axes", "must be '" + ModelInfo.AXES_BYXC + "' (batch, y, x, channel: the only tensor layout"
                    + " this version feeds)", axes);
        }
        ContractParser contract = new ContractParser(this);
        return new ModelInfo(id, version, text(info, "description", true), text(info, "trainedOn", true),
                text(info, "noiseModel", true), integer(info, "inputChannels", 1, 16),
                contract.normalization(info), integer(info, "sizeMultiple", 1, 1024),
                integer(info, "receptiveFieldRadius", 0, 4096), integer(info, "recommendedOverlap", 0, 4096),
                psnr(info), border, conditioning(info), axes, contract.noise(info));
    }

    /** The optional {@code info.conditioning}: an input the denoiser must feed, so every part is checked. */
    private Conditioning conditioning(JsonObject info) {
        JsonElement element = info.get("conditioning");
        if (element == null || element.isJsonNull()) {
            return null;
        }
        String prefix = "info.conditioning.";
        JsonObject conditioning = object(element, "info.conditioning");
        onlyKnownFields(conditioning, CONDITIONING_FIELDS, prefix);
        String input = text(conditioning, "input", prefix, true);
        if (!INPUT_NAME.matcher(input).matches()) {
            throw field(prefix + "input", "must be a SavedModel input name (letters, digits, '_'; at most 64)", input);
        }
        String kind = text(conditioning, "kind", prefix, true);
        if (!CONDITIONING_KINDS.contains(kind)) {
            throw field(prefix + "kind", "must be one of " + CONDITIONING_KINDS + " (this version knows no other way to"
                    + " tell a model the noise level)", kind);
        }
        return new Conditioning(input, kind, decimal(conditioning, "maxShot", prefix, MAX_LEVEL),
                decimal(conditioning, "maxRead", prefix, MAX_LEVEL));
    }

    private double decimal(JsonObject object, String name, String prefix, double max) {
        return decimal(object, name, prefix, 0, max);
    }

    /** A number from {@code min} to {@code max}, matched as text first so no number parser sees junk. */
    double decimal(JsonObject object, String name, String prefix, double min, double max) {
        JsonElement element = object.get(name);
        if (element == null || element.isJsonNull()) {
            throw fail("field '" + prefix + name + "' is missing");
        }
        if (!(element instanceof JsonPrimitive p) || !p.isNumber() || !DECIMAL.matcher(p.getAsString()).matches()) {
            throw fail("field '" + prefix + name + "' must be a decimal number from " + plain(min) + " to " + plain(max));
        }
        double value = Double.parseDouble(p.getAsString());
        if (!(value >= min && value <= max)) {
            throw fail("field '" + prefix + name + "' is " + shown(p.getAsString()) + "; it must be from " + plain(min)
                    + " to " + plain(max));
        }
        return value;
    }

    private static String plain(double bound) {
        return bound == Math.rint(bound) && Math.abs(bound) < 1e15 ? Long.toString((long) bound) : Double.toString(bound);
    }

    private Map<String, String> psnr(JsonObject info) {
        JsonElement element = info.get("measuredPsnr");
        if (element == null || element.isJsonNull()) {
            return Map.of();
        }
        JsonObject entries = object(element, "info.measuredPsnr");
        if (entries.size() > MAX_PSNR_ENTRIES) {
            throw fail("field 'info.measuredPsnr' has " + entries.size() + " entries; at most " + MAX_PSNR_ENTRIES);
        }
        Map<String, String> psnr = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> entry : entries.entrySet()) {
            checkText("info.measuredPsnr", entry.getKey());
            psnr.put(entry.getKey(), text(entries, entry.getKey(), "info.measuredPsnr.", true));
        }
        return psnr;
    }

    private Map<String, String> files(JsonObject files) {
        if (files.size() == 0 || files.size() > MAX_FILES) {
            throw fail("field 'files' lists " + files.size() + " files; a model has 1 to " + MAX_FILES);
        }
        Map<String, String> checked = new TreeMap<>();
        for (Map.Entry<String, JsonElement> entry : files.entrySet()) {
            String path = entry.getKey();
            checkRelativePath(path);
            String sha1 = text(files, path, "files.", true);
            if (!SHA1.matcher(sha1).matches()) {
                throw field("files." + shown(path), "must be a SHA-1 (40 hex digits)", sha1);
            }
            checked.put(path, sha1.toLowerCase(Locale.ROOT));
        }
        if (!checked.containsKey(GRAPH_FILE)) {
            throw fail("field 'files' does not list " + GRAPH_FILE + ", the graph TensorFlow loads");
        }
        return checked;
    }

    /**
     * A file path must stay inside the model folder whatever the file system does with it:
     * relative, '/'-separated, under {@code savedmodel/}, each segment plain (so no '..', no '.', no
     * hidden files, no drive letters or backslashes).
     */
    private void checkRelativePath(String path) {
        String[] segments = path.split("/", -1);
        boolean plain = segments.length >= 2 && segments.length <= MAX_PATH_DEPTH
                && segments[0].equals(PackagedModel.SAVED_MODEL_DIR);
        for (String segment : segments) {
            plain &= SEGMENT.matcher(segment).matches();
        }
        if (!plain) {
            throw field("files", "has a path that is not a plain relative path under " + PackagedModel.SAVED_MODEL_DIR
                    + "/ (segments of letters, digits, '.', '_', '+', '-'; no '..', no leading '/')", path);
        }
    }

    private String text(JsonObject object, String name, boolean required) {
        return text(object, name, "info.", required);
    }

    String text(JsonObject object, String name, String prefix, boolean required) {
        JsonElement element = object.get(name);
        if (element == null || element.isJsonNull()) {
            if (required) {
                throw fail("field '" + prefix + shown(name) + "' is missing");
            }
            return null;
        }
        if (!(element instanceof JsonPrimitive p) || !p.isString()) {
            throw fail("field '" + prefix + shown(name) + "' must be a string");
        }
        String value = p.getAsString();
        checkText(prefix + shown(name), value);
        return value;
    }

    /** Texts are shown in terminals and dialogs: bounded, and no control characters (escape sequences). */
    private void checkText(String field, String value) {
        if (value.length() > MAX_TEXT) {
            throw fail("field '" + field + "' is " + value.length() + " characters long; at most " + MAX_TEXT);
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw fail("field '" + field + "' contains control characters");
        }
    }

    private int integer(JsonObject object, String name, int min, int max) {
        JsonElement element = object.get(name);
        if (element == null || element.isJsonNull()) {
            throw fail("field 'info." + name + "' is missing");
        }
        // Matched as text first, so huge or fractional numbers never reach a number parser.
        if (!(element instanceof JsonPrimitive p) || !p.isNumber() || !SMALL_INT.matcher(p.getAsString()).matches()) {
            throw fail("field 'info." + name + "' must be a whole number from " + min + " to " + max);
        }
        int value = Integer.parseInt(p.getAsString());
        if (value < min || value > max) {
            throw fail("field 'info." + name + "' is " + value + "; it must be from " + min + " to " + max);
        }
        return value;
    }

    JsonElement required(JsonObject object, String name, String prefix) {
        JsonElement element = object.get(name);
        if (element == null || element.isJsonNull()) {
            throw fail("field '" + prefix + name + "' is missing");
        }
        return element;
    }

    JsonObject object(JsonElement element, String field) {
        if (!element.isJsonObject()) {
            throw fail("field '" + field + "' must be a JSON object");
        }
        return element.getAsJsonObject();
    }

    void onlyKnownFields(JsonObject object, Set<String> known, String prefix) {
        for (String name : object.keySet()) {
            if (!known.contains(name)) {
                throw fail("has an unknown field '" + prefix + shown(name) + "' (known: "
                        + String.join(", ", new TreeSet<>(known)) + ")");
            }
        }
    }

    CorruptModelException field(String field, String rule, String value) {
        return fail("field '" + field + "' " + rule + ", got '" + shown(value) + "'");
    }

    CorruptModelException fail(String problem) {
        return new CorruptModelException("model manifest " + where + " " + problem);
    }

    /** An untrusted value as it may appear in a one-line message: short, control characters escaped. */
    static String shown(String value) {
        return shown(value, 80);
    }

    private static String shown(String value, int limit) {
        StringBuilder out = new StringBuilder();
        value.codePoints().limit(limit).forEach(c -> {
            if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return value.codePointCount(0, value.length()) > limit ? out + "..." : out.toString();
    }

    static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        // Wrapping exceptions repeat their cause as "java.io.EOFException: ..."; the class name tells a user nothing.
        String first = message.lines().findFirst().orElse("").strip().replaceFirst("^([a-z0-9_]+\\.)+[A-Za-z0-9_$]+: ", "");
        return shown(first.isEmpty() ? message.strip() : first, 300);
    }
}
