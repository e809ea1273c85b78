package org.denoiser.kafka.worker;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.denoiser.api.Denoiser;
import org.denoiser.api.NoiseLevelUsed;
import org.denoiser.api.NoiseSetting;
import org.denoiser.io.ImageCodec;
import org.denoiser.io.ImageData;
import org.denoiser.io.ImageTooLargeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one input record into its output record: decode, denoise with the model the record asks
 * for, encode in the input's format and bit depth, and set the output headers. Bad input becomes
 * a dead-letter record holding the original bytes and headers plus an error header; this class
 * never throws for bad input.
 */
final class ImageProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(ImageProcessor.class);

    private final WorkerConfig config;
    private final ImageCodec codec;
    private final DenoisePool models;
    private final DeadLetters deadLetters;

    ImageProcessor(WorkerConfig config, DenoisePool models) {
        this.config = config;
        this.codec = ImageCodec.defaults().withMaxPixels(config.maxPixels());
        this.models = models;
        this.deadLetters = new DeadLetters(config.dlqTopic(), config.maxRecordBytes());
    }

    ProcessedRecord process(ConsumerRecord<byte[], byte[]> in, long receivedNanos) {
        String source = describe(in);
        long start = System.nanoTime();
        try {
            requireRecordSize(in, source);
            String modelId = MessageHeaders.text(in.headers(), MessageHeaders.MODEL).orElse(config.model());
            ImagePayload payload = ImagePayload.decode(in.value(), in.headers(), codec, source);
            NoiseSetting setting = strength(in.headers());
            boolean ensemble = selfEnsemble(in.headers());
            Denoiser denoiser = models.denoiser(modelId);
            List<NoiseLevelUsed> levels = new ArrayList<>();
            // in place: the decoded pixels are not needed again (a retry decodes the record anew)
            ImageData result = denoiser.withNoise(setting, levels::add).withSelfEnsemble(ensemble)
                    .denoiseInPlace(payload.image());
            byte[] value = payload.encode(result, codec);
            if (value.length > config.maxRecordBytes()) {
                throw new OutputTooLargeException("the denoised " + source + " encodes to " + value.length
                        + " bytes, more than max.record.bytes = " + config.maxRecordBytes());
            }
            Headers headers = outputHeaders(in, payload, denoiser, start);
            if (!levels.isEmpty()) {
                String level = NoiseLevelUsed.summary(levels);
                MessageHeaders.put(headers, MessageHeaders.NOISE_LEVEL, level);
                LOG.debug("{}: {}", source, level);
            }
            return new ProcessedRecord(new ProducerRecord<>(config.outputTopic(), null, in.key(), value, headers),
                    null, receivedNanos, refusal -> outputRefused(in, source, refusal, receivedNanos));
        } catch (RuntimeException e) {
            // Bad input, or a failure that would fail again on retry: park the record, keep going.
            ErrorKind kind = ErrorKind.of(e);
            if (kind == ErrorKind.INTERNAL) {
                LOG.error("{} failed unexpectedly; it goes to the dead-letter topic {}", source, config.dlqTopic(), e);
            } else {
                LOG.warn("{} goes to the dead-letter topic {}: {}", source, config.dlqTopic(), e.getMessage());
            }
            return deadLetters.of(in, kind, e.getMessage() != null ? e.getMessage() : e.toString(), receivedNanos);
        }
    }

    /** The record's {@code denoise.strength}, or strength 1; a malformed value is a bad header. */
    private static NoiseSetting strength(Headers headers) {
        Optional<String> text = MessageHeaders.text(headers, MessageHeaders.STRENGTH);
        if (text.isEmpty()) {
            return NoiseSetting.DEFAULT;
        }
        try {
            return NoiseSetting.parseStrength(text.get());
        } catch (IllegalArgumentException e) {
            throw new BadHeadersException("header " + MessageHeaders.STRENGTH + ": " + e.getMessage());
        }
    }

    /** The record's {@code denoise.self-ensemble}: {@code true}, or {@code false} when absent; anything else is a bad header. */
    private static boolean selfEnsemble(Headers headers) {
        String text = MessageHeaders.text(headers, MessageHeaders.SELF_ENSEMBLE).orElse("false");
        return switch (text) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new BadHeadersException("header " + MessageHeaders.SELF_ENSEMBLE + ": '" + text
                    + "' must be true or false");
        };
    }

    private static Headers outputHeaders(ConsumerRecord<byte[], byte[]> in, ImagePayload payload, Denoiser denoiser, long start) {
        Headers headers = copiedHeaders(in.headers());
        MessageHeaders.put(headers, MessageHeaders.MODEL, denoiser.model().id());
        MessageHeaders.put(headers, MessageHeaders.MODEL_VERSION, denoiser.model().version());
        MessageHeaders.put(headers, MessageHeaders.INPUT_SHA256, sha256(in.value()));
        MessageHeaders.put(headers, MessageHeaders.CONTENT_TYPE, payload.contentType());
        if (payload.raw() != null) {
            MessageHeaders.put(headers, MessageHeaders.DTYPE, payload.raw().dtype());
            MessageHeaders.put(headers, MessageHeaders.SHAPE, payload.raw().shapeHeader());
        }
        MessageHeaders.put(headers, MessageHeaders.PROCESSING_MS, String.valueOf((System.nanoTime() - start) / 1_000_000));
        return headers;
    }

    /** Checked before anything is decoded: an oversized record costs no denoising and no pixel memory. */
    private void requireRecordSize(ConsumerRecord<byte[], byte[]> in, String source) {
        if (in.value() != null && in.value().length > config.maxRecordBytes()) {
            throw new ImageTooLargeException(source + " is " + in.value().length + " bytes, more than max.record.bytes = "
                    + config.maxRecordBytes() + "; it was not decoded");
        }
    }

    /** Kafka refused the denoised record (an output topic with a smaller max.message.bytes, say). */
    private ProcessedRecord outputRefused(ConsumerRecord<byte[], byte[]> in, String source, RuntimeException refusal,
            long receivedNanos) {
        ErrorKind kind = refusal instanceof RecordTooLargeException || refusal instanceof RecordBatchTooLargeException
                ? ErrorKind.OUTPUT_TOO_LARGE : ErrorKind.INTERNAL;
        String reason = "Kafka refused the denoised " + source + " for " + config.outputTopic() + ": " + refusal.getMessage();
        LOG.warn("{}; the input goes to the dead-letter topic {}", reason, config.dlqTopic());
        return deadLetters.of(in, kind, reason, receivedNanos);
    }

    private static Headers copiedHeaders(Headers input) {
        RecordHeaders copy = new RecordHeaders();
        for (Header header : input) {
            if (!MessageHeaders.isSetByWorker(header.key())) {
                copy.add(header);
            }
        }
        return copy;
    }

    private static String describe(ConsumerRecord<byte[], byte[]> in) {
        return "record " + in.topic() + "-" + in.partition() + "@" + in.offset();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes == null ? new byte[0] : bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
