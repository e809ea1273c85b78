/**
 * Training denoising networks in plain Java with TensorFlow graph ops, and exporting them as
 * SavedModels for the model zoo.
 *
 * <p>How the pieces fit, in the order a run uses them:
 * <ol>
 *   <li>{@link org.denoiser.train.Preset} (e.g. {@link org.denoiser.train.MnistSeedPreset}) names an
 *       {@link org.denoiser.train.Architecture}, a {@link org.denoiser.train.DataSource}, a
 *       {@link org.denoiser.train.NoiseModel}, a {@link org.denoiser.train.Loss} and the schedule.</li>
 *   <li>The architecture builds its graph from {@link org.denoiser.train.GraphLayers}; a
 *       {@link org.denoiser.train.TrainingSession} adds loss and Adam and owns the TF session.</li>
 *   <li>{@link org.denoiser.train.Trainer} feeds it batches from a
 *       {@link org.denoiser.train.BatchSampler} and measures held-out PSNR with
 *       {@link org.denoiser.train.HeldOutEvaluation}.</li>
 *   <li>{@link org.denoiser.train.SavedModelExporter} writes the SavedModel,
 *       {@link org.denoiser.train.SavedModelRunner} reloads it to check it,
 *       {@link org.denoiser.train.Montage} and {@link org.denoiser.train.TrainingReport} document it.</li>
 * </ol>
 * {@link org.denoiser.train.TrainingRun} strings these together for {@code denoiser train}.
 */
package org.denoiser.train;
