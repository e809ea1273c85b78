import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import net.imglib2.Cursor;
import net.imglib2.loops.LoopBuilder;
import net.imglib2.view.Views;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.RealType;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.FloatType;
import org.denoiser.io.ImageCodec;
import org.denoiser.io.ImageData;
import org.denoiser.io.ImageFormat;
import org.denoiser.train.CameraPipelineNoise;

/**
 * Builds the extra evaluation folders of model-zoo/MODELS.md from data already on the machine:
 * color photos from Debian's python3-skimage (none of them a Berkeley scene, so no overlap with
 * Train400/CBSD432), and Set12 rescaled to 16-bit TIFF (x 257) and to 32-bit float FITS
 * (100 + 4x, like a CCD frame with a bias), to run 'denoiser eval' through the percentile
 * normalization. From the colour JPEG sets (which 'denoiser eval' does not read) it writes PNG
 * copies: cbsd-held, the CBSD432 photos the gaussian-color preset holds out for validation (every
 * 20th by sorted name), and polyu-color / polyu-gray, PolyU_dev's real camera-noise pairs as
 * noisy/NAME.png and clean/NAME.png (gray = rounded ITU-R 601 luma). camera-gray-P and camera-color-P
 * hold BSD68 and cbsd-held under the camera-gray/camera-color presets' synthetic phone noise
 * (CameraPipelineNoise at P photons at raw full scale, read noise 0.004, no JPEG; image i seeded
 * with i), laid out as the PolyU sets. These copies stay outside the repository (the datasets' terms). Usage (from the repository root, after ./denoiser has built once):
 *
 *   java -cp "$(cat kafka-demo/target/denoiser.classpath)" scripts/EvalSets.java OUTDIR [SET12 [DATASETS]]
 */
public class EvalSets {
    static final Path SKIMAGE = Path.of("/usr/lib/python3/dist-packages/skimage/data");
    static final int[] CAMERA_PHOTONS = {40, 150};
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
        Path datasets = Path.of(args.length > 2 ? args[2] : "../shared/datasets");
        List<Path> cbsd = jpegs(datasets.resolve("CBSD432"));
        for (int i = 19; i < cbsd.size(); i += 20) {
            writePng(codec, ImageIO.read(cbsd.get(i).toFile()), false, out.resolve("cbsd-held"), stem(cbsd.get(i)));
        }
        List<Path> bsd68 = pngs(datasets.resolve("BSD68"));
        for (int photons : CAMERA_PHOTONS) {
            for (int i = 0; i < bsd68.size(); i++) {
                cameraPair(codec, bsd68.get(i), 1, photons, i, out.resolve("camera-gray-" + photons));
            }
            for (int i = 19, k = 0; i < cbsd.size(); i += 20, k++) {
                Path png = out.resolve("cbsd-held").resolve(stem(cbsd.get(i)) + ".png");
                cameraPair(codec, png, 3, photons, k, out.resolve("camera-color-" + photons));
            }
        }
        for (Path noisy : jpegs(datasets.resolve("PolyU_dev").resolve("noisy"))) {
            String name = stem(noisy).replace("_real", "");
            Path clean = noisy.resolveSibling("../clean/" + name + "_mean.JPG").normalize();
            for (boolean gray : new boolean[] {false, true}) {
                Path set = out.resolve(gray ? "polyu-gray" : "polyu-color");
                writePng(codec, ImageIO.read(noisy.toFile()), gray, set.resolve("noisy"), name);
                writePng(codec, ImageIO.read(clean.toFile()), gray, set.resolve("clean"), name);
            }
        }
    }

    static List<Path> jpegs(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            System.err.println("no " + dir + ": its evaluation set stays empty");
            return List.of();
        }
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.toString().toLowerCase().endsWith(".jpg")).sorted().toList();
        }
    }

    static List<Path> pngs(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            System.err.println("no " + dir + ": its camera-noise sets stay empty");
            return List.of();
        }
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".png")).sorted().toList();
        }
    }

    /** clean/NAME.png as read, noisy/NAME.png under the camera pipeline's noise (8 bits, no JPEG). */
    static void cameraPair(ImageCodec codec, Path file, int channels, int photons, long seed, Path set) throws IOException {
        ImageData image = codec.read(file);
        ArrayImg<UnsignedByteType, ByteArray> pixels = ArrayImgs.unsignedBytes(image.width(), image.height(), channels, 1);
        LoopBuilder.setImages(Views.interval(image.pixels(), pixels), pixels)
                .forEachPixel((from, to) -> to.setReal(from.getRealDouble()));
        new CameraPipelineNoise(photons, photons, 0.004, 0, 90, 90, channels)
                .applyTo(pixels, 255, new java.util.Random(seed));
        String name = file.getFileName().toString();
        Files.createDirectories(set.resolve("noisy"));
        Files.createDirectories(set.resolve("clean"));
        codec.write(ImageData.of(ImageFormat.PNG, pixels), set.resolve("noisy").resolve(name));
        Files.copy(file, set.resolve("clean").resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    static String stem(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.lastIndexOf('.'));
    }

    static void writePng(ImageCodec codec, BufferedImage photo, boolean gray, Path dir, String stem) throws IOException {
        int width = photo.getWidth();
        int height = photo.getHeight();
        ArrayImg<UnsignedByteType, ByteArray> pixels = ArrayImgs.unsignedBytes(width, height, gray ? 1 : 3, 1);
        var access = pixels.randomAccess();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int rgb = photo.getRGB(x, y);
                int[] c = {(rgb >> 16) & 255, (rgb >> 8) & 255, rgb & 255};
                if (gray) {
                    access.setPosition(new long[] {x, y, 0, 0});
                    access.get().set((int) Math.round(0.299 * c[0] + 0.587 * c[1] + 0.114 * c[2]));
                } else {
                    for (int ch = 0; ch < 3; ch++) {
                        access.setPosition(new long[] {x, y, ch, 0});
                        access.get().set(c[ch]);
                    }
                }
            }
        }
        Files.createDirectories(dir);
        codec.write(ImageData.of(ImageFormat.PNG, pixels), dir.resolve(stem + ".png"));
    }

    static <A extends RealType<?>, B extends RealType<B>> void copy(Img<A> from, Img<B> to, double scale, double offset) {
        Cursor<A> in = from.cursor();
        Cursor<B> o = to.cursor();
        while (in.hasNext()) {
            o.next().setReal(in.next().getRealDouble() * scale + offset);
        }
    }
}
