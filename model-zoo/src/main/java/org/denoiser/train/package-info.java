/**
 * Training denoising networks in plain Java with TensorFlow graph ops, and exporting them as
 * SavedModels for the model zoo.
 *
 * <p>How the pieces fit, in the order a run uses them:
 * <ol>
 *   <li>{@link org.denoiser.train.Preset} (see {@link org.denoiser.train.Presets}) names an
 *       {@link org.denoiser.train.Architecture} ({@link org.denoiser.train.UNet},
 *       {@link org.denoiser.train.ConvAutoencoder}), a {@link org.denoiser.train.DataSource}
 *       ({@link org.denoiser.train.ImageFolder} for Train400), the training and validation
 *       {@link org.denoiser.train.NoiseModel}s ({@link org.denoiser.train.GaussianNoiseRange},
 *       {@link org.denoiser.train.PoissonGaussianRange}), a {@link org.denoiser.train.Loss}, the
 *       patch size and the {@link org.denoiser.train.LearningRateSchedule}.</li>
 *   <li>The architecture builds its graph from {@link org.denoiser.train.GraphLayers}; a
 *       {@link org.denoiser.train.TrainingSession} adds the loss and {@link org.denoiser.train.AdamUpdate}
 *       and owns the TF session.</li>
 *   <li>{@link org.denoiser.train.Trainer} feeds it batches from a
 *       {@link org.denoiser.train.BatchSource} ({@link org.denoiser.train.PatchSampler}: batch n is a
 *       function of the seed and n), measures validation PSNR with
 *       {@link org.denoiser.train.HeldOutEvaluation} and saves a
 *       {@link org.denoiser.train.Checkpoint} (all variables + {@link org.denoiser.train.TrainingState})
 *       every few minutes; a resumed run ends with the same weights as an uninterrupted one.</li>
 *   <li>{@link org.denoiser.train.SavedModelExporter} writes the SavedModel (float32 and bfloat16),
 *       {@link org.denoiser.train.SavedModelRunner} reloads it to check it,
 *       {@link org.denoiser.train.CurvePlot}, {@code io.Montage} and
 *       {@link org.denoiser.train.TrainingReport} document it.</li>
 * </ol>
 * {@link org.denoiser.train.TrainingRun} strings these together for {@code denoiser train}.
 */
package org.denoiser.train;
