package org.denoiser.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import org.denoiser.io.ImageCodec;
import org.denoiser.io.ImageData;
import org.denoiser.io.ImageFormat;
import org.denoiser.train.ImageSet;
import org.denoiser.train.MnistDigits;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code denoiser export-digits}: writes the held-out MNIST digits (never used in training) as
 * 8-bit PNGs, so {@code denoiser eval} can measure the seed model on them.
 */
@Command(name = "export-digits", description = "Write held-out MNIST digits as PNGs (after scripts/fetch-mnist.sh), for eval.")
final class ExportDigitsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUTDIR")
    Path outputDir;

    @Mixin
    OverwriteOption overwrite;

    @Option(names = "--count", defaultValue = "200", description = "Digits to write, spread over all classes. Default: ${DEFAULT-VALUE}.")
    int count;

    @Option(names = "--data", paramLabel = "DIR", description = "MNIST cache folder.")
    Path data = MnistDigits.defaultCacheDir();

    @Override
    public Integer call() {
        ImageSet heldOut = new MnistDigits(data).load().test();
        int n = Math.min(count, heldOut.size());
        int[] indices = IntStream.range(0, n).map(i -> (int) ((long) i * heldOut.size() / n)).toArray();
        OutputFiles outputs = OutputFiles.named(outputDir,
                IntStream.of(indices).mapToObj(index -> String.format("digit-%04d.png", index)).toList(), overwrite.overwrite);
        outputs.prepareFolder(spec.commandLine().getOut());
        ImageCodec codec = ImageCodec.defaults();
        for (int i = 0; i < n; i++) {
            int index = indices[i];
            float[] digit = heldOut.image(index);
            Img<UnsignedByteType> pixels = ArrayImgs.unsignedBytes(heldOut.width(), heldOut.height(), 1, 1);
            int k = 0;
            for (UnsignedByteType p : pixels) {
                p.set(Math.round(digit[k++] * 255));
            }
            codec.write(ImageData.of(ImageFormat.PNG, pixels), outputs.get(i));
        }
        spec.commandLine().getOut().printf("wrote %d held-out digits to %s%n", n, outputDir);
        return 0;
    }
}
