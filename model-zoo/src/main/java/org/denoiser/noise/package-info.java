/**
 * Seeded, reproducible synthetic noise for training and evaluation data. Start with
 * {@link org.denoiser.noise.NoiseModels#parse}.
 */
package org.denoiser.noise;
