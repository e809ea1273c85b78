package org.denoiser.metrics;

/**
 * Where aperture photometry measures one source: the light within {@code radius} of (x, y), with
 * the sky level taken as the median of the annulus between {@code skyInner} and {@code skyOuter}.
 * Pixels count when their centre is inside; parts outside the image are left out.
 */
public record Aperture(double x, double y, double radius, double skyInner, double skyOuter) {

    public Aperture {
        if (!Double.isFinite(x) || !Double.isFinite(y)
                || !(radius > 0 && skyInner >= radius && skyOuter > skyInner && Double.isFinite(skyOuter))) {
            throw new IllegalArgumentException("an aperture needs finite centre and 0 < radius <= sky inner < sky "
                    + "outer, got (" + x + ", " + y + ") " + radius + ", " + skyInner + ", " + skyOuter);
        }
    }
}
