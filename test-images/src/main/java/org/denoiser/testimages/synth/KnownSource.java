package org.denoiser.testimages.synth;

/**
 * A star, galaxy or cell placed in a synthetic scene, where aperture photometry should look for
 * it: the light inside {@code apertureRadius} of (x, y), minus the median of the sky annulus
 * between {@code skyInner} and {@code skyOuter}.
 *
 * @param x centre, in pixels (x of the first column's centre is 0)
 * @param y centre, in pixels
 * @param apertureRadius radius that holds nearly all of the source's light
 * @param skyInner inner radius of the sky annulus, {@code > apertureRadius}
 * @param skyOuter outer radius of the sky annulus, {@code > skyInner}
 */
public record KnownSource(double x, double y, double apertureRadius, double skyInner, double skyOuter) {

    public KnownSource {
        if (!(apertureRadius > 0 && skyInner > apertureRadius && skyOuter > skyInner)) {
            throw new IllegalArgumentException("need 0 < aperture < sky inner < sky outer radius, got "
                    + apertureRadius + ", " + skyInner + ", " + skyOuter);
        }
    }

    /** A source whose sky annulus starts 3 px outside the aperture and is 5 px wide. */
    static KnownSource withAperture(double x, double y, double apertureRadius) {
        return new KnownSource(x, y, apertureRadius, apertureRadius + 3, apertureRadius + 8);
    }

    /** Whether the whole sky annulus lies inside a {@code width x height} image. */
    boolean fitsIn(int width, int height) {
        return x - skyOuter >= 0 && y - skyOuter >= 0 && x + skyOuter <= width - 1 && y + skyOuter <= height - 1;
    }
}
