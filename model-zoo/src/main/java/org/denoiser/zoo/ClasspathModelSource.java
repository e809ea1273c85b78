package org.denoiser.zoo;

import java.io.BufferedReader;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Models shipped inside a jar under {@code org/denoiser/zoo/models/}. A jar cannot be listed
 * portably, so {@code index.txt} there names the model folders, one per line.
 */
public final class ClasspathModelSource implements ModelSource {
    public static final String ROOT = "org/denoiser/zoo/models/";
    private final ClassLoader loader;

    public ClasspathModelSource(ClassLoader loader) {
        this.loader = loader;
    }

    @Override
    public String describe() {
        return "classpath:" + ROOT;
    }

    @Override
    public List<String> names() {
        InputStream index = loader.getResourceAsStream(ROOT + "index.txt");
        if (index == null) {
            return List.of();
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(index, StandardCharsets.UTF_8))) {
            return reader.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled model index", e);
        }
    }

    @Override
    public InputStream open(String name, String relativePath) throws IOException {
        InputStream in = loader.getResourceAsStream(ROOT + name + "/" + relativePath);
        if (in == null) {
            throw new FileNotFoundException(describe() + name + "/" + relativePath);
        }
        return in;
    }
}
