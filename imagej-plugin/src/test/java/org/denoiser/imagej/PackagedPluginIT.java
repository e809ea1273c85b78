package org.denoiser.imagej;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import net.imglib2.img.Img;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import org.denoiser.api.AutoModel;
import org.denoiser.testimages.SyntheticImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The folder {@code mvn package} makes, used as a user would: a plain ImageJ 1.54p from Maven
 * Central with {@code -Dplugins.dir} pointing at it, running the shipped folder macro from the
 * command line ({@code ImageJ -batch denoise-folder.ijm <folder>}).
 */
class PackagedPluginIT {
    @TempDir
    Path dir;

    @Test
    void layoutIsLikeFijiApp() throws IOException {
        Path fiji = ChildImageJ.packagedFolder();
        try (JarFile plugin = new JarFile(fiji.resolve("plugins/Denoise_.jar").toFile())) {
            assertNotNull(plugin.getEntry("plugins.config"));
            assertNotNull(plugin.getEntry("org/denoiser/imagej/DenoisePlugin.class"));
            assertNotNull(plugin.getEntry("META-INF/json/org.scijava.plugin.Plugin"), "SciJava plugin index");
        }
        List<String> jars;
        try (Stream<Path> files = Files.list(fiji.resolve("jars"))) {
            jars = files.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertTrue(jars.stream().anyMatch(n -> n.startsWith("model-zoo-")), jars.toString());
        assertTrue(jars.stream().anyMatch(n -> n.startsWith("tensorflow-core-native-") && n.endsWith("-linux-x86_64.jar")),
                jars.toString());
        assertTrue(jars.stream().anyMatch(n -> n.startsWith("tensorflow-engine-")), jars.toString());
        for (String provided : List.of("ij-", "imglib2-", "scijava-common-", "picocli-", "slf4j-simple-")) {
            assertFalse(jars.stream().anyMatch(n -> n.startsWith(provided)), provided + " must not be shipped: " + jars);
        }
        assertTrue(Files.exists(fiji.resolve("macros/denoise-folder.ijm")));
    }

    /**
     * The plain-ImageJ folder holds the plugin and every jar the start-up check asks for, under
     * the name it gives (so the message "missing jar X" names a file the user can find).
     */
    @Test
    void plainImageJFolderHoldsEveryRequiredJar() throws IOException {
        Path folder = ChildImageJ.plainImageJFolder();
        assertTrue(Files.exists(folder.resolve("Denoise_.jar")));
        assertTrue(Files.exists(folder.resolve("denoise-folder.ijm")));
        for (Map.Entry<String, String> required : RequiredJars.all().entrySet()) {
            Path jar = folder.resolve(required.getValue());
            assertTrue(Files.exists(jar), required.getValue() + " is not in " + folder);
            try (JarFile file = new JarFile(jar.toFile())) {
                assertNotNull(file.getEntry(required.getKey().replace('.', '/') + ".class"),
                        required.getValue() + " does not hold " + required.getKey());
            }
        }
        try (Stream<Path> files = Files.list(folder)) {
            List<String> names = files.map(p -> p.getFileName().toString()).toList();
            for (String provided : List.of("ij-", "scijava-common-", "picocli-", "slf4j-simple-")) {
                assertFalse(names.stream().anyMatch(n -> n.startsWith(provided)), provided + " must not be shipped: " + names);
            }
        }
    }

    @Test
    void commandLineBatchOverAFolderLoadsTheModelOnce() throws Exception {
        Path data = Files.createDirectories(dir.resolve("run42"));
        for (int i = 0; i < 3; i++) {
            ImagePlus noisy = Fixtures.gray("movie" + i + ".tif",
                    SyntheticImages.fluorescenceTimeLapse(20 + i, 96, 64, 3).noisy(), 1, 1, 3);
            noisy.getCalibration().pixelWidth = 0.5;
            noisy.getCalibration().setUnit("micron");
            IJ.saveAsTiff(noisy, data.resolve(noisy.getTitle()).toString());
        }
        Path macro = ChildImageJ.packagedFolder().resolve("macros/denoise-folder.ijm").toAbsolutePath();

        String output = new ChildImageJ(dir.resolve("home")).headless().run(List.of(), "ij.ImageJ",
                List.of("-batch", macro.toString(), data.toString()), 300, dir.resolve("imagej.log"));

        assertEquals(1, output.split("loaded model", -1).length - 1, "model loads in:\n" + output);
        for (int i = 0; i < 3; i++) {
            ImagePlus result = IJ.openImage(data.resolve("denoised/movie" + i + "-denoised.tif").toString());
            assertNotNull(result, "no result for movie" + i + ":\n" + output);
            assertEquals(16, result.getBitDepth());
            assertEquals(3, result.getNFrames());
            assertEquals(0.5, result.getCalibration().pixelWidth, 1e-6);
            Img<UnsignedShortType> expected = Fixtures.direct(SyntheticImages.fluorescenceTimeLapse(20 + i, 96, 64, 3).noisy(), -1,
                    AutoModel.CAMERA_MODEL); // denoise/auto's pick for 16-bit
            Fixtures.assertSamePixels(expected, Fixtures.pixels(result));
        }
        assertTrue(output.contains("Denoise: 3 files in"), output);
    }

    @Test
    void aBadImageInTheFolderStopsTheMacroWithAMessageAndWritesNothingWrong() throws Exception {
        Path data = Files.createDirectories(dir.resolve("bad"));
        IJ.saveAsTiff(Fixtures.gray("a.tif", SyntheticImages.fluorescenceTimeLapse(1, 32, 32, 1).noisy(), 1, 1, 1),
                data.resolve("a.tif").toString());
        Path macro = dir.resolve("unknown-model.ijm");
        Files.writeString(macro, "open(getArgument() + \"/a.tif\");\n"
                + "run(\"Denoise...\", \"model=denoise/missing stack\");\n"
                + "saveAs(\"Tiff\", getArgument() + \"/out.tif\");\n");

        String output = new ChildImageJ(dir.resolve("home")).headless().run(List.of(), "ij.ImageJ",
                List.of("-batch", macro.toString(), data.toString()), 300, dir.resolve("imagej.log"));

        assertTrue(output.contains("unknown model 'denoise/missing'; available: " + AutoModel.ID + ", "), output);
        assertFalse(Files.exists(data.resolve("out.tif")), "the macro went on and saved the noisy image");
        assertFalse(output.contains("\tat org.denoiser"), "a stack trace reached the user:\n" + output);
    }
}
