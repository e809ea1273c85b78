import java.nio.file.Path;
import java.util.SplittableRandom;
import net.imglib2.img.array.ArrayImgs;
import org.denoiser.io.ImageCodec;
import org.denoiser.io.ImageData;
import org.denoiser.io.ImageFormat;

/**
 * Writes a SIDE x SIDE 16-bit gray TIFF (smooth structure plus seeded Gaussian noise, mid-range
 * values) for scripts/measure-large-file.sh. Usage, after ./denoiser has built once:
 *
 * <pre>java -Xmx4g -cp "$(cat kafka-demo/target/denoiser.classpath)" scripts/LargeTiff.java SIDE OUT.tif</pre>
 */
public class LargeTiff {
    public static void main(String[] args) {
        int side = Integer.parseInt(args[0]);
        short[] pixels = new short[Math.multiplyExact(side, side)];
        SplittableRandom random = new SplittableRandom(1);
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                double value = 20000 + 8000 * Math.sin(x / 300.0) * Math.cos(y / 500.0) + 1500 * random.nextGaussian();
                pixels[y * side + x] = (short) Math.max(0, Math.min(65535, Math.round(value)));
            }
        }
        ImageData image = ImageData.of(ImageFormat.TIFF, ArrayImgs.unsignedShorts(pixels, side, side, 1, 1));
        ImageCodec.defaults().withMaxImageBytes(Long.MAX_VALUE).write(image, Path.of(args[1]));
    }
}
