package org.denoiser.train;

/**
 * Outcome of a run. PSNR is in dB on [0,1] data, averaged over the held-out images:
 * {@code psnrNoisy} for the noisy input, {@code psnrDenoised} for the network's output.
 */
public record TrainingResult(int steps, double seconds, float finalLoss, double psnrNoisy, double psnrDenoised) {

    public double psnrGain() {
        return psnrDenoised - psnrNoisy;
    }
}
