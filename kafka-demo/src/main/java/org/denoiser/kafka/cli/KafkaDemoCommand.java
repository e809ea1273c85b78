package org.denoiser.kafka.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.denoiser.kafka.demo.DemoRun;
import org.denoiser.kafka.demo.SampleImages;
import org.denoiser.kafka.broker.EmbeddedKafka;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code denoiser demo}: the Kafka round trip on an embedded broker; needs nothing installed. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Start an embedded Kafka broker and a worker, denoise sample images (8-bit, 16-bit stack, 32-bit, RGB,"
                + " and a corrupt file) through it, and write out/demo/ (images, montage.png, report.md).")
final class KafkaDemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "Default: out/demo.")
    Path outputDir = Path.of("out", "demo");

    @Option(names = "--model", paramLabel = "ID", description = "One model for all images. Default: the one that suits each"
            + " image (" + SampleImages.GAUSSIAN_MODEL + " for the gray photograph, " + SampleImages.COLOUR_MODEL
            + " for the colour one, " + SampleImages.CAMERA_MODEL
            + " for the microscopy and astronomy frames).")
    Optional<String> model = Optional.empty();

    @Option(names = "--size", paramLabel = "N", description = "Side of the sample images in pixels. Default: ${DEFAULT-VALUE}.")
    int size = 256;

    @Override
    public Integer call() throws InterruptedException {
        EmbeddedKafka.quietKafkaLogs();
        PrintWriter out = spec.commandLine().getOut();
        Path report = new DemoRun(outputDir, model, size, out).run();
        out.println("report: " + report);
        return 0;
    }
}
