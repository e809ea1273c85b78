/**
 * Images for tests, demos and benchmarks.
 *
 * <ul>
 *   <li>{@link org.denoiser.testimages.TestImages}: real sample images ({@link org.denoiser.testimages.SampleImage})
 *       as ImgLib2 images; origins and licences are in {@code SOURCES.md} beside them.</li>
 *   <li>{@link org.denoiser.testimages.SyntheticImages}: seeded {@link org.denoiser.testimages.CleanNoisyPair}s
 *       of fluorescence time-lapses, confocal z-stacks and telescope frames with physical
 *       (Poisson-Gaussian) noise, and Gaussian noise for 8-bit images. Each comes bright (little
 *       noise) and, given a {@link org.denoiser.testimages.LowLight}, dim (tens of electrons at
 *       the peak, noisy PSNR near 22 dB), the kind of data a denoiser is for.</li>
 *   <li>{@link org.denoiser.testimages.ExtraSampleTiff}: small TIFFs with extra samples (data, one
 *       or more alphas), which the JDK's writer cannot make, for the decoders' refusals.</li>
 * </ul>
 *
 * <p>Sub-packages: {@code noise} samples camera noise, {@code synth} draws noise-free scenes.
 */
package org.denoiser.testimages;
