/**
 * Classical baselines the trained models are measured against, written from the papers in plain
 * Java (no TensorFlow): {@link org.denoiser.classical.Bm3d} (Dabov et al. 2007, with the
 * parameters of Lebrun's IPOL 2012 analysis) for Gaussian noise of a known sigma, and {@link
 * org.denoiser.classical.VstBm3d}, BM3D between a generalized Anscombe transform and its
 * closed-form exact unbiased inverse (Makitalo and Foi 2011/2013) for Poisson-Gaussian noise fitted
 * per image. {@link org.denoiser.classical.ClassicalMethod} is what {@code eval} and {@code bench}
 * run in place of a model.
 */
package org.denoiser.classical;
