package org.denoiser.zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.imglib2.img.array.ArrayImgs;
import org.denoiser.cli.DenoiserCommand;
import org.denoiser.io.ImageCodec;
import org.denoiser.io.ImageData;
import org.denoiser.io.ImageFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The command line over a user models folder holding one good model and one of each kind of
 * broken model: {@code models} names each broken folder in one line and lists the rest, a shipped
 * model still denoises, and asking for a broken model by id is one line and exit code 2.
 */
class BrokenUserModelsCliTest {
    private static final List<String> BROKEN = List.of("nofiles", "deleted", "badjson", "badhash", "garbled");

    @TempDir
    Path tmp;

    private String previousHome;

    private record Run(int exitCode, String out, String err) {}

    private static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = DenoiserCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return new Run(cli.execute(args), out.toString(), err.toString());
    }

    private Path models() {
        return tmp.resolve("home/models");
    }

    @BeforeEach
    void homeWithBrokenModels() throws IOException {
        previousHome = System.getProperty("denoiser.home");
        System.setProperty("denoiser.home", tmp.resolve("home").toString());
        TinyModels.pack(models(), "denoise/mine", "1", 2f);
        for (String name : BROKEN) {
            TinyModels.pack(models(), "denoise/" + name, "1", 2f);
        }
        Path noFiles = models().resolve("nofiles/model.json");
        Files.writeString(noFiles, Files.readString(noFiles).replaceAll("(?s),\\s*\"files\".*}", "}"));
        Files.delete(models().resolve("deleted/model.json"));
        Files.writeString(models().resolve("badjson/model.json"), "{\"info\": {\"id\": \"denoise/badjson\",");
        Path weights = models().resolve("badhash/savedmodel/saved_model.pb");
        byte[] bytes = Files.readAllBytes(weights);
        bytes[bytes.length / 3] ^= 0x01;
        Files.write(weights, bytes);
        Path garbled = models().resolve("garbled/savedmodel/saved_model.pb");
        String oldSha1 = Sha1.of(Files.readAllBytes(garbled));
        Files.writeString(garbled, "not a graph");
        Path manifest = models().resolve("garbled/model.json");
        Files.writeString(manifest, Files.readString(manifest).replace(oldSha1, Sha1.of(Files.readAllBytes(garbled))));
    }

    @AfterEach
    void restoreHome() {
        if (previousHome == null) {
            System.clearProperty("denoiser.home");
        } else {
            System.setProperty("denoiser.home", previousHome);
        }
    }

    @Test
    void modelsNamesEachBrokenFolderInOneLineAndListsTheRest() {
        Run run = cli("models");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("denoise/mine") && run.out().contains("denoise/mnist-seed"), run.out());
        List<String> lines = run.err().lines().toList();
        assertEquals(BROKEN.size(), lines.size(), run.err());
        for (String name : BROKEN) {
            assertFalse(run.out().contains("denoise/" + name + " "), name + " is not listed as usable");
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("denoiser: skipped broken model: ")
                    && l.contains(models().resolve(name).toString())), name + ": " + run.err());
        }
    }

    @Test
    void aShippedModelStillDenoisesAndABrokenOneByIdIsOneLineAndExit2() {
        Path input = tmp.resolve("in.png");
        ImageCodec.defaults().write(ImageData.of(ImageFormat.PNG, ArrayImgs.unsignedBytes(new byte[32 * 32], 32, 32, 1, 1)), input);
        Run shipped = cli("denoise", "--model", "denoise/mnist-seed", input.toString(), "-o", tmp.resolve("out").toString());
        assertEquals(0, shipped.exitCode(), shipped.err());
        assertTrue(Files.isRegularFile(tmp.resolve("out/in.png")));

        for (String name : BROKEN) {
            Run broken = cli("denoise", "--model", "denoise/" + name, input.toString(), "-o", tmp.resolve("out-" + name).toString());
            assertEquals(2, broken.exitCode(), name + ": " + broken.err());
            assertEquals(1, broken.err().lines().count(), broken.err());
            assertTrue(broken.err().contains(models().resolve(name).toString()), broken.err());
        }
    }

    /** In a fresh JVM, so that whatever TensorFlow itself prints to the terminal is seen too. */
    @Test
    void weightsTensorFlowCannotReadPrintNoStackTraceFromAFreshProcess() throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Ddenoiser.home=" + tmp.resolve("home"),
                DenoiserCommand.class.getName(), "models"));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("TF_CPP_MIN_LOG_LEVEL", "2"); // as ./denoiser sets it
        Path outFile = tmp.resolve("stdout.txt");
        Path errFile = tmp.resolve("stderr.txt");
        Process process = builder.redirectOutput(outFile.toFile()).redirectError(errFile.toFile()).start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS));
        String out = Files.readString(outFile, StandardCharsets.UTF_8);
        String err = Files.readString(errFile, StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), err);
        assertTrue(out.contains("denoise/mine"), out);
        assertEquals(BROKEN.size(), err.lines().count(), "one line per broken folder, nothing else:\n" + err);
        assertTrue(err.contains("TensorFlow cannot load model denoise/garbled from " + models().resolve("garbled")), err);
    }
}
