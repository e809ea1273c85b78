package org.denoiser.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.denoiser.bioimage.BioImagePackage;
import org.denoiser.zoo.ModelRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code denoiser export-bioimage}: a model as a bioimage.io model package other tools can run. */
@Command(name = "export-bioimage", description = "Write a model as a bioimage.io model package (rdf.yaml, SavedModel, test tensors).")
final class ExportBioImageCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "ID", description = "The model, e.g. denoise/gaussian-gray.")
    String model;

    @Option(names = "--license", required = true, paramLabel = "SPDX",
            description = "License of the weights as an SPDX id (bioimage.io requires one), e.g. MIT or CC-BY-4.0.")
    String license;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "ZIP", description = "The package to write.")
    Path output;

    @Override
    public Integer call() {
        Path written = BioImagePackage.export(ModelRepository.standard(), model, license, output);
        spec.commandLine().getOut().println("wrote " + written + " (bioimage.io model package, format "
                + BioImagePackage.FORMAT_VERSION + ")");
        return 0;
    }
}
