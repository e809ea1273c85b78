package org.denoiser.kafka.demo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.denoiser.io.ImageData;
import org.denoiser.io.Montage;
import org.denoiser.kafka.worker.MessageHeaders;
import org.denoiser.kafka.worker.WorkerMetrics;
import org.denoiser.normalize.Percentiles;

/** The demo's results in words (report.md) and pictures (noisy | denoised | clean montage). */
final class DemoReport {
    private final List<SampleImage> samples;
    private final Map<String, ImageData> outputs;
    private final Map<String, String> models;
    private final List<ConsumerRecord<byte[], byte[]>> deadLetters;
    private final double seconds;
    private final WorkerMetrics metrics;

    /** @param models per image name, the model the worker used (its output's {@code denoise.model} header) */
    DemoReport(List<SampleImage> samples, Map<String, ImageData> outputs, Map<String, String> models,
            List<ConsumerRecord<byte[], byte[]>> deadLetters, double seconds, WorkerMetrics metrics) {
        this.samples = samples;
        this.outputs = outputs;
        this.models = models;
        this.deadLetters = deadLetters;
        this.seconds = seconds;
        this.metrics = metrics;
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Denoiser Kafka demo\n\n");
        md.append(String.format(Locale.ROOT, "An embedded Kafka broker, one worker (2 threads), topics `%s` -> `%s`"
                + " (dead letters: `%s`).%n%n", DemoRun.IN, DemoRun.OUT, DemoRun.DLQ));
        md.append("| image | what | model | PSNR noisy (dB) | PSNR denoised (dB) | gain (dB) |\n|---|---|---|---|---|---|\n");
        long pixels = 0;
        for (SampleImage sample : samples) {
            ImageData out = outputs.get(sample.name());
            if (out == null) {
                md.append("| ").append(sample.name()).append(" | ").append(sample.description()).append(" | | missing | | |\n");
                continue;
            }
            pixels += out.pixels().size();
            PsnrFigures psnr = PsnrFigures.measure(sample.clean(), sample.noisy(), out);
            md.append(String.format(Locale.ROOT, "| `denoised/%s` | %s | `%s` | %.2f | %.2f | %+.2f |%n", sample.name(),
                    sample.description(), models.get(sample.name()), psnr.noisy(), psnr.denoised(), psnr.gain()));
        }
        md.append(String.format(Locale.ROOT, "%nThroughput: %d images (%.2f Mpx) from the first publish to the last result in %.2f s"
                + " = %.1f images/s, including the model's first (slow) run. Worker: %s.%n%n", outputs.size(), pixels / 1e6, seconds,
                outputs.size() / seconds, metrics.summary()));
        md.append("## Dead-letter topic\n\n");
        if (deadLetters.isEmpty()) {
            md.append("Empty.\n");
        }
        for (ConsumerRecord<byte[], byte[]> record : deadLetters) {
            md.append(String.format(Locale.ROOT, "- `%s` (%d bytes, original bytes and headers kept): %s: %s%n",
                    MessageHeaders.text(record.headers(), MessageHeaders.CORRELATION_ID).orElse("?"), record.value().length,
                    MessageHeaders.text(record.headers(), MessageHeaders.ERROR_TYPE).orElse("?"),
                    MessageHeaders.text(record.headers(), MessageHeaders.ERROR).orElse("?")));
        }
        md.append("\nFiles: `noisy/` (as sent), `denoised/` (as received, same format and bit depth), `montage.png`"
                + " (one row per image: noisy | denoised | clean, first plane).\n");
        return md.toString();
    }

    void writeMontage(Path file) {
        List<Montage.Row> rows = new ArrayList<>();
        for (SampleImage sample : samples) {
            ImageData out = outputs.get(sample.name());
            if (out != null) {
                double[] range = displayRange(sample.clean());
                rows.add(new Montage.Row(List.of(sample.noisy().pixels(), out.pixels(), sample.clean().pixels()), range[0], range[1]));
            }
        }
        Montage.writePng(rows, 1, file);
    }

    /** 8-bit images as they are; deeper ones stretched over the clean image's 0.5..99.5 percentiles. */
    private static double[] displayRange(ImageData clean) {
        if (clean.type().bitsPerSample() == 8) {
            return new double[] {0, 255};
        }
        return Percentiles.of(clean.pixels(), 0.5, 99.5);
    }
}
