/**
 * Image files and bytes in and out: PNG, TIFF (8/16-bit, 32-bit float, RGB, multi-page stacks)
 * and FITS, decoded into ImgLib2 images with the fixed axis order (x, y, c, z).
 *
 * <p>Start at {@link org.denoiser.io.ImageCodec}; it returns and takes
 * {@link org.denoiser.io.ImageData}. PNG and TIFF go through the JDK's ImageIO plugins
 * ({@code ImageIoDecoder}, {@code ImageIoEncoder}), FITS through nom-tam-fits
 * ({@code FitsDecoder}, {@code FitsEncoder}). Inputs are untrusted (the Kafka worker decodes
 * whatever arrives), hence the header-first pixel limit and the page-chain check for TIFF.
 */
package org.denoiser.io;
