/**
 * Keeping what users measure: after the network, put back the flux it took from faint sources.
 * A network trained for squared error shrinks a barely visible star or cell toward the
 * background (the better bet pixel by pixel), which is a bias in every flux measured on the
 * output. See {@link org.denoiser.flux.FluxRestoration}.
 */
package org.denoiser.flux;
