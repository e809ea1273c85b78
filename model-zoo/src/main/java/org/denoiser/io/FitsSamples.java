package org.denoiser.io;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.denoiser.api.UnsupportedPixelTypeException;

/**
 * Rows of FITS samples in one {@link FitsLayout.Storage}, big-endian as FITS stores them, read as
 * physical values ({@code BZERO + BSCALE * raw}, BLANK as NaN) and written back from them.
 * Integer samples written back are rounded and clamped to their type's range: the file keeps its
 * own BITPIX, as an astronomer's pipeline expects.
 */
final class FitsSamples {

    private final FitsLayout.Storage storage;
    private final int width;
    private final byte[] raw;

    FitsSamples(FitsLayout.Storage storage, int width) {
        this.storage = storage;
        this.width = width;
        this.raw = new byte[width * storage.bytesPerSample()];
    }

    /** Reads one row of {@code row.length == width} physical values. */
    void readPhysicalRow(DataInputStream in, double[] row) throws IOException {
        in.readFully(raw);
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(raw); // big-endian by default, as FITS
        for (int x = 0; x < width; x++) {
            row[x] = switch (storage.bitpix()) {
                case 8 -> physical(raw[x] & 0xFF); // FITS 8-bit data is unsigned
                case 16 -> physical(buffer.getShort());
                case 32 -> physical(buffer.getInt());
                case 64 -> physical(buffer.getLong());
                case -32 -> storage.scale() * buffer.getFloat() + storage.zero();
                default -> storage.scale() * buffer.getDouble() + storage.zero();
            };
        }
    }

    private double physical(long value) {
        if (storage.blank() != null && value == storage.blank()) {
            return Double.NaN;
        }
        return storage.scale() * value + storage.zero();
    }

    /** Writes one row of physical values in the storage's BITPIX. */
    void writePhysicalRow(double[] row, DataOutputStream out) throws IOException {
        for (int x = 0; x < width; x++) {
            double value = row[x];
            switch (storage.bitpix()) {
                case 8 -> out.writeByte((int) integer(value, 0, 255));
                case 16 -> out.writeShort((int) integer(value, Short.MIN_VALUE, Short.MAX_VALUE));
                case 32 -> out.writeInt((int) integer(value, Integer.MIN_VALUE, Integer.MAX_VALUE));
                case 64 -> out.writeLong(integer(value, Long.MIN_VALUE, Long.MAX_VALUE));
                case -32 -> out.writeFloat((float) ((value - storage.zero()) / storage.scale()));
                default -> out.writeDouble((value - storage.zero()) / storage.scale());
            }
        }
    }

    private long integer(double value, long min, long max) {
        if (Double.isNaN(value)) {
            if (storage.blank() == null) {
                throw new UnsupportedPixelTypeException("an undefined (NaN) pixel cannot be written as " + storage.bitpix()
                        + "-bit FITS integers without a BLANK keyword");
            }
            return storage.blank();
        }
        double raw = Math.rint((value - storage.zero()) / storage.scale());
        return (long) Math.max(min, Math.min(max, raw));
    }
}
