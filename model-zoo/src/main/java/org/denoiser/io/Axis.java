package org.denoiser.io;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * One named axis of an image as its file describes it: x and y of every plane, then what the
 * pages of a stack stand for (channels c, slices z, frames t of an ImageJ hyperstack; a FITS
 * cube's third axis with its CTYPE3), with the physical size of one step when the file gives it.
 * {@link ImageData} stores pixels as (x, y, c, z) whatever the file's axes; these say what that
 * z (and x, y) mean, so a user sees "c 2, z 3, t 2" rather than "12 planes".
 *
 * @param spacing the physical size of one step, NaN when the file gives none
 * @param unit the unit of {@code spacing}, empty when the file gives none
 */
public record Axis(String name, long length, double spacing, String unit) {

    public Axis {
        if (name == null || name.isBlank() || length < 1) {
            throw new IllegalArgumentException("an axis needs a name and a length >= 1, got '" + name + "' " + length);
        }
        unit = unit == null ? "" : unit;
    }

    /** An axis without calibration. */
    public static Axis of(String name, long length) {
        return new Axis(name, length, Double.NaN, "");
    }

    public boolean isCalibrated() {
        return !Double.isNaN(spacing);
    }

    /** E.g. {@code x 512 (0.065 micron)}, {@code t 20}. */
    @Override
    public String toString() {
        String size = name + " " + length;
        if (!isCalibrated()) {
            return size;
        }
        return size + String.format(Locale.ROOT, " (%s%s)", plain(spacing), unit.isEmpty() ? "" : " " + unit);
    }

    /** The axes joined for one line of output: {@code x 512, y 512, c 2, z 3}. */
    public static String describe(List<Axis> axes) {
        return axes.stream().map(Axis::toString).collect(Collectors.joining(", "));
    }

    /**
     * A length as a file writes it (NAXISn, SizeZ, slices=), or -1 when it is absent or malformed:
     * file text is hostile, and an axis it cannot name is simply not named.
     */
    static long parseLength(String text) {
        try {
            return text == null ? -1 : Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return -1; // no usable length: the caller falls back to a plain stack
        }
    }

    /** A spacing as a file writes it (FITS may write 1.5D-3), or NaN when absent, malformed or not finite. */
    static double parseSpacing(String text) {
        try {
            double value = text == null ? Double.NaN : Double.parseDouble(text.trim().replace('D', 'E'));
            return Double.isFinite(value) ? value : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN; // no usable calibration
        }
    }

    private static String plain(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%.6g", value).replaceAll("\\.?0+$", "");
    }
}
