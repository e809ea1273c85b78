/**
 * Cutting a 2-D plane into overlapping tiles so a pooling network can denoise images of any size
 * in bounded memory, with the same result as one whole-image pass. Start with
 * {@link org.denoiser.tiling.Tiler}; {@link org.denoiser.tiling.WriteBehind} lets the result
 * overwrite the input plane itself (denoising in place).
 */
package org.denoiser.tiling;
