/** Image quality metrics: {@link org.denoiser.metrics.Psnr} and {@link org.denoiser.metrics.Ssim}. */
package org.denoiser.metrics;
