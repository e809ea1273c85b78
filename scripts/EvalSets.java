import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import net.imglib2.Cursor;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.FloatType;
import org.denoiser.io.ImageCodec;
import org.denoiser.io.ImageData;
import org.denoiser.io.ImageFormat;

/**
 * Builds the extra evaluation folders of model-zoo/MODELS.md from data already on the machine:
 * color photos from Debian's python3-skimage (none of them a Berkeley scene, so no overlap with
 * Train400/CBSD432), and Set12 rescaled to 16-bit TIFF (x 257) and to 32-bit float FITS
 * (100 + 4x, like a CCD frame with a bias), to run 'denoiser eval' through the percentile
 * normalization; with a CBSD432 folder also the 21 photos the gaussian-color preset holds out
 * (every 20th by name) as PNG in OUTDIR/cbsd-held, decoded by the JDK's JPEG reader as training
 * reads them (the denoiser's own codecs read no JPEG). Usage (from the repository root, after
 * ./denoiser has built once):
 *
 *   java -cp "$(cat kafka-demo/target/denoiser.classpath)" scripts/EvalSets.java OUTDIR [SET12_DIR [CBSD432_DIR]]
 */
public class EvalSets {
    static final Path SKIMAGE = Path.of("/usr/lib/python3/dist-packages/skimage/data");
    static final List<String> COLOR = List.of("astronaut.png", "chelsea.png", "coffee.png", "ihc.png",
            "motorcycle_left.png");

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        ImageCodec codec = ImageCodec.defaults();
        Files.createDirectories(out.resolve("color"));
        for (String name : Files.isDirectory(SKIMAGE) ? COLOR : List.<String>of()) {
            ImageData image = codec.read(SKIMAGE.resolve(name));
            codec.write(image, out.resolve("color").resolve(name));
        }
        if (!Files.isDirectory(SKIMAGE)) {
            System.err.println("no " + SKIMAGE + " (Debian's python3-skimage): the color set stays empty");
        }
        Path set12 = Path.of(args.length > 1 ? args[1] : "../shared/datasets/Set12");
        Files.createDirectories(out.resolve("set12-16bit"));
        Files.createDirectories(out.resolve("set12-32bit"));
        try (var files = Files.list(set12)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".png")).sorted().toList()) {
                ImageData gray = codec.read(file);
                String stem = file.getFileName().toString().replace(".png", "");
                Img<UnsignedShortType> wide = ArrayImgs.unsignedShorts(gray.width(), gray.height(), 1, 1);
                copy(gray.pixels(), wide, 257, 0);
                codec.write(ImageData.of(ImageFormat.TIFF, wide), out.resolve("set12-16bit").resolve(stem + ".tif"));
                Img<FloatType> real = ArrayImgs.floats(gray.width(), gray.height(), 1, 1);
                copy(gray.pixels(), real, 4, 100);
                codec.write(ImageData.of(ImageFormat.FITS, real), out.resolve("set12-32bit").resolve(stem + ".fits"));
            }
        }
        if (args.length > 2) {
            writeHeldOutColour(Path.of(args[2]), out.resolve("cbsd-held"));
        }
    }

    /** Every 20th JPEG of the folder by name (the gaussian-color preset's validation photos), as PNG. */
    static void writeHeldOutColour(Path cbsd432, Path out) throws Exception {
        Files.createDirectories(out);
        List<Path> photos;
        try (var files = Files.list(cbsd432)) {
            photos = files.filter(f -> f.toString().toLowerCase().matches(".*\\.jpe?g")).sorted().toList();
        }
        for (int i = 19; i < photos.size(); i += 20) {
            String stem = photos.get(i).getFileName().toString().replaceFirst("\\.[^.]+$", "");
            if (!ImageIO.write(ImageIO.read(photos.get(i).toFile()), "png", out.resolve(stem + ".png").toFile())) {
                throw new IllegalStateException("no PNG writer");
            }
        }
    }

    static <A extends RealType<?>, B extends RealType<B>> void copy(Img<A> from, Img<B> to, double scale, double offset) {
        Cursor<A> in = from.cursor();
        Cursor<B> o = to.cursor();
        while (in.hasNext()) {
            o.next().setReal(in.next().getRealDouble() * scale + offset);
        }
    }
}
