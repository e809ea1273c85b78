/**
 * Mapping pixel values to and from the network's [0,1] range: fixed for 8-bit, robust
 * percentiles for 16-bit and float, with NaN/±Inf kept out of the network and restored after.
 * Start with {@link org.denoiser.normalize.Normalizations#fit}.
 */
package org.denoiser.normalize;
