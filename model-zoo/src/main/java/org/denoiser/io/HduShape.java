package org.denoiser.io;

import nom.tam.fits.Header;
import org.denoiser.api.CorruptImageException;

/** The BITPIX and axis lengths of one FITS HDU, and how many bytes its data take. */
record HduShape(int bitpix, long[] axes, long pcount, long gcount) {

    static HduShape of(Header header, String source) {
        int bitpix = header.getIntValue("BITPIX", 0);
        if (bitpix != 8 && bitpix != 16 && bitpix != 32 && bitpix != 64 && bitpix != -32 && bitpix != -64) {
            throw new CorruptImageException(source + ": invalid FITS BITPIX " + bitpix);
        }
        int naxis = header.getIntValue("NAXIS", -1);
        if (naxis < 0 || naxis > 999) {
            throw new CorruptImageException(source + ": invalid FITS NAXIS " + naxis);
        }
        long[] axes = new long[naxis];
        for (int i = 0; i < naxis; i++) {
            axes[i] = header.getLongValue("NAXIS" + (i + 1), -1);
            if (axes[i] < 0) {
                throw new CorruptImageException(source + ": invalid FITS NAXIS" + (i + 1) + " " + axes[i]);
            }
        }
        long pcount = header.getLongValue("PCOUNT", 0);
        long gcount = header.getLongValue("GCOUNT", 1);
        if (pcount < 0 || gcount < 0) {
            throw new CorruptImageException(source + ": invalid FITS PCOUNT " + pcount + " or GCOUNT " + gcount);
        }
        return new HduShape(bitpix, axes, pcount, gcount);
    }

    /** At least two axes, all of them non-empty. */
    boolean isImage() {
        if (axes.length < 2) {
            return false;
        }
        for (long axis : axes) {
            if (axis < 1) {
                return false;
            }
        }
        return true;
    }

    int axis(int i) {
        if (axes[i] > Integer.MAX_VALUE) {
            throw new CorruptImageException("FITS axis " + (i + 1) + " of " + axes[i] + " is too long");
        }
        return (int) axes[i];
    }

    /** The product of the axes after the first two: a cube's planes. */
    long planes() {
        long planes = 1;
        for (int i = 2; i < axes.length; i++) {
            planes = Math.multiplyExact(planes, axes[i]);
        }
        return planes;
    }

    /** Data bytes as the standard defines them: |BITPIX|/8 * GCOUNT * (PCOUNT + product of the axes). */
    long dataBytes() {
        if (axes.length == 0) {
            return 0;
        }
        try {
            long samples = 1;
            for (long axis : axes) {
                samples = Math.multiplyExact(samples, axis);
            }
            return Math.multiplyExact(Math.multiplyExact(Math.abs(bitpix) / 8L, gcount), Math.addExact(pcount, samples));
        } catch (ArithmeticException e) {
            throw new CorruptImageException("FITS data size overflows: axes " + java.util.Arrays.toString(axes));
        }
    }

    /** Data bytes rounded up to whole 2880-byte blocks. */
    long paddedDataBytes() {
        long bytes = dataBytes();
        return (bytes + FitsDecoder.BLOCK - 1) / FitsDecoder.BLOCK * FitsDecoder.BLOCK;
    }
}
