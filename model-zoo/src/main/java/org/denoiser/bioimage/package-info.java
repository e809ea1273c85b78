/**
 * Export of a model as a bioimage.io model package (rdf.yaml, the TensorFlow SavedModel, test
 * input and output tensors), so other tools (deepImageJ, ilastik, the bioimage.io core library)
 * can run the same network. Start with {@link org.denoiser.bioimage.BioImagePackage#export}.
 */
package org.denoiser.bioimage;
