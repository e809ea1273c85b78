package org.denoiser.imagej;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The start-up check's list and the sentences that name a missing jar. */
class RequiredJarsTest {
    @Test
    void nothingIsMissingHere() {
        assertEquals(List.of(), RequiredJars.missing(RequiredJarsTest.class.getClassLoader()));
    }

    @Test
    void aLoaderWithoutThePluginsJarsMissesEveryOne() {
        try (URLClassLoader bare = new URLClassLoader(new URL[0], ClassLoader.getPlatformClassLoader())) {
            List<String> missing = RequiredJars.missing(bare);
            assertEquals(RequiredJars.all().size(), missing.size(), missing.toString());
            assertTrue(missing.contains("imglib2-8.0.0.jar"), missing.toString());
            assertTrue(RequiredJars.message(missing).startsWith("missing jars "), RequiredJars.message(missing));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aClassMissingMidRunIsTracedToItsJar() {
        String imglib2 = RequiredJars.message(new NoClassDefFoundError("net/imglib2/RandomAccessibleInterval"));
        assertTrue(imglib2.startsWith("class net.imglib2.RandomAccessibleInterval cannot be loaded: missing jar imglib2-8.0.0.jar."),
                imglib2);
        String engine = RequiredJars.message(new NoClassDefFoundError("ai/djl/tensorflow/engine/TfNDArray"));
        assertTrue(engine.contains("missing jar tensorflow-engine-"), "the closest package wins: " + engine);
        String other = RequiredJars.message(new NoClassDefFoundError("com/example/Thing"));
        assertTrue(other.endsWith("is every jar of the plugin in ImageJ's jars folder?"), other);
    }
}
