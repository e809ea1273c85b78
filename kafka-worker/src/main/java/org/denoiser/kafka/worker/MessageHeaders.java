package org.denoiser.kafka.worker;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The header names of the message contract (see kafka-worker/README.md). Values are UTF-8 text.
 * Every input header that the worker does not set itself (for example {@code correlation-id} or
 * W3C {@code traceparent}) is copied to the output and dead-letter records unchanged, so traces
 * follow an image through the pipeline.
 */
public final class MessageHeaders {
    // In (all optional)
    /** Model id for this image, e.g. {@code denoise/mnist-seed}; the worker's default otherwise. */
    public static final String MODEL = "denoise.model";
    /** {@code image/png}, {@code image/tiff}, {@code image/fits} or {@code application/octet-stream} (raw). */
    public static final String CONTENT_TYPE = "content-type";
    /** Raw pixels only: {@code float32} or {@code uint16}, little-endian. */
    public static final String DTYPE = "denoise.dtype";
    /** Raw pixels only: numpy order, {@code HEIGHT,WIDTH} or {@code PLANES,HEIGHT,WIDTH}. */
    public static final String SHAPE = "denoise.shape";
    /** Ask for another output container: {@code png}, {@code tiff} or {@code fits}; default: as the input. */
    public static final String OUTPUT_FORMAT = "denoise.output-format";
    /**
     * For noise-level-conditioned models: a number from 0.05 to 10 that multiplies the noise level
     * estimated from the image (above 1 smooths more, below 1 keeps more detail); default 1. Any
     * other value, or a strength for a blind model, sends the record to the dead-letter topic.
     */
    public static final String STRENGTH = "denoise.strength";
    /**
     * {@code true} to denoise every tile in its 8 orientations and average the results (a little less
     * noise for 8 times the time), {@code false} or absent for one pass; any other value sends the
     * record to the dead-letter topic.
     */
    public static final String SELF_ENSEMBLE = "denoise.self-ensemble";
    /** Copied like every other foreign header; named here because the demo and tests use it. */
    public static final String CORRELATION_ID = "correlation-id";

    // Out (the worker sets these; MODEL is set to the model actually used)
    public static final String MODEL_VERSION = "denoise.model-version";
    /** Hex SHA-256 of the input record's value, to match outputs to inputs without the key. */
    public static final String INPUT_SHA256 = "denoise.input-sha256";
    /** The noise level a conditioned model was told, in words (estimated, times the strength); absent for blind models. */
    public static final String NOISE_LEVEL = "denoise.noise-level";
    /** Milliseconds spent decoding, denoising and encoding this image. */
    public static final String PROCESSING_MS = "denoise.processing-ms";

    // Dead-letter records
    /** The problem, in words, e.g. "... is not a PNG, TIFF or FITS image". */
    public static final String ERROR = "denoise.error";
    /** One of the {@link ErrorKind} names in lower case with dashes, e.g. {@code corrupt-image}. */
    public static final String ERROR_TYPE = "denoise.error-type";
    public static final String SOURCE_TOPIC = "denoise.source-topic";
    public static final String SOURCE_PARTITION = "denoise.source-partition";
    public static final String SOURCE_OFFSET = "denoise.source-offset";
    /**
     * Set when a dead letter holds only the first bytes of the input value (or none): the input's
     * length in bytes. {@link #INPUT_SHA256} then identifies the whole original.
     */
    public static final String VALUE_TRUNCATED_FROM = "denoise.value-truncated-from";

    public static final String PNG = "image/png";
    public static final String TIFF = "image/tiff";
    public static final String FITS = "image/fits";
    public static final String RAW = "application/octet-stream";

    private MessageHeaders() {}

    /** The last value of header {@code name} as text, if present. */
    public static Optional<String> text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null
                ? Optional.empty()
                : Optional.of(new String(header.value(), StandardCharsets.UTF_8).trim());
    }

    /** Sets {@code name} to {@code value}, replacing any earlier value. */
    public static void put(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** True for headers the worker writes itself, which are therefore not copied from the input. */
    static boolean isSetByWorker(String name) {
        return name.equals(MODEL) || name.equals(MODEL_VERSION) || name.equals(INPUT_SHA256)
                || name.equals(PROCESSING_MS) || name.equals(NOISE_LEVEL) || name.equals(CONTENT_TYPE) || name.equals(ERROR)
                || name.equals(ERROR_TYPE) || name.equals(VALUE_TRUNCATED_FROM) || name.startsWith("denoise.source-");
    }
}
