package org.denoiser.tiling;

import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.ArrayDataAccess;
import net.imglib2.transform.integer.MixedTransform;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.DoubleType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.util.Util;
import net.imglib2.view.IntervalView;
import net.imglib2.view.MixedTransformView;

/**
 * Row-at-a-time access to a 2-D plane of real pixels, in coordinates relative to the plane's min.
 *
 * <p>Tiles are filled and written back row by row. When the plane is an {@code ArrayImg}, or one
 * plane of one (a hyper-slice along axes 2 and up, which is how stacks and channels are split),
 * rows are read straight from the backing Java array: going through stacked ImgLib2 views costs
 * several virtual calls per pixel, which was most of the per-pixel Java time around the network.
 * Any other plane goes through a {@link RandomAccess}, with the same values.
 *
 * <p>Values travel as {@code double}, which holds 8- and 16-bit integers and floats exactly.
 * {@link #set} stores like {@link RealType#setReal(double)} (integer types round half away from
 * zero, then wrap), so both paths write identical pixels.
 */
public abstract class PlaneRows {
    private PlaneRows() {
    }

    /** The fastest access for {@code plane}; a view, so writes go to the caller's pixels. */
    public static PlaneRows of(RandomAccessibleInterval<? extends RealType<?>> plane) {
        if (plane.numDimensions() != 2) {
            throw new IllegalArgumentException("Expected a 2-D plane, got " + plane.numDimensions() + " dimensions");
        }
        PlaneRows flat = flat(plane);
        return flat != null ? flat : new Generic<>(plane);
    }

    /** Reads pixels {@code x .. x + length - 1} of row {@code y}, all inside the plane. */
    public abstract void get(long x, long y, double[] dst, int length);

    /** Writes pixels {@code x .. x + length - 1} of row {@code y}, all inside the plane. */
    public abstract void set(long x, long y, double[] src, int length);

    /**
     * A flat-array view of {@code plane}, or {@code null} if it is not stored as one contiguous
     * run of a supported array. ImgLib2 folds nested hyper-slices into one {@link MixedTransform},
     * so a plane of a stack is an interval over a transform that keeps axes 0 and 1 as they are
     * and fixes every other axis of the underlying {@code ArrayImg}.
     */
    private static PlaneRows flat(RandomAccessibleInterval<? extends RealType<?>> plane) {
        if (plane instanceof ArrayImg<?, ?> img) {
            return flat(img, 0, (int) plane.dimension(0));
        }
        if (!(plane instanceof IntervalView<?> interval) || plane.min(0) != 0 || plane.min(1) != 0
                || !(interval.getSource() instanceof MixedTransformView<?> view)
                || !(view.getSource() instanceof ArrayImg<?, ?> img)) {
            return null;
        }
        MixedTransform transform = view.getTransformToSource();
        long offset = 0;
        long stride = 1;
        for (int d = 0; d < img.numDimensions(); d++) {
            if (d < 2) {
                boolean identity = !transform.getComponentZero(d) && transform.getComponentMapping(d) == d
                        && !transform.getComponentInversion(d) && transform.getTranslation(d) == 0
                        && plane.dimension(d) == img.dimension(d);
                if (!identity) {
                    return null;
                }
            } else if (transform.getComponentZero(d)) {
                offset += transform.getTranslation(d) * stride;
            } else {
                return null;
            }
            stride *= img.dimension(d);
        }
        return flat(img, Math.toIntExact(offset), (int) img.dimension(0));
    }

    private static PlaneRows flat(ArrayImg<?, ?> img, int offset, int width) {
        Object type = img.firstElement();
        if (!(img.update(null) instanceof ArrayDataAccess<?> access)) {
            return null;
        }
        Object array = access.getCurrentStorageArray();
        // Exact classes: a subclass may map stored values to pixel values differently.
        if (type.getClass() == UnsignedByteType.class && array instanceof byte[] a) {
            return new Unsigned(a, null, offset, width);
        }
        if (type.getClass() == UnsignedShortType.class && array instanceof short[] a) {
            return new Unsigned(null, a, offset, width);
        }
        if (type.getClass() == FloatType.class && array instanceof float[] a) {
            return new Floats(a, offset, width);
        }
        if (type.getClass() == DoubleType.class && array instanceof double[] a) {
            return new Doubles(a, offset, width);
        }
        return null;
    }

    /** Where pixel (x, y) of a flat plane sits in its backing array. */
    private abstract static class Flat extends PlaneRows {
        private final int offset;
        private final int width;

        Flat(int offset, int width) {
            this.offset = offset;
            this.width = width;
        }

        final int index(long x, long y) {
            return offset + (int) (y * width + x);
        }
    }

    /** 8- or 16-bit unsigned pixels: exactly one of the two arrays is set. */
    private static final class Unsigned extends Flat {
        private final byte[] bytes;
        private final short[] shorts;

        Unsigned(byte[] bytes, short[] shorts, int offset, int width) {
            super(offset, width);
            this.bytes = bytes;
            this.shorts = shorts;
        }

        @Override
        public void get(long x, long y, double[] dst, int length) {
            int start = index(x, y);
            if (bytes != null) {
                for (int i = 0; i < length; i++) {
                    dst[i] = bytes[start + i] & 0xff;
                }
            } else {
                for (int i = 0; i < length; i++) {
                    dst[i] = shorts[start + i] & 0xffff;
                }
            }
        }

        @Override
        public void set(long x, long y, double[] src, int length) {
            int start = index(x, y);
            for (int i = 0; i < length; i++) {
                long value = Util.round(src[i]);
                if (bytes != null) {
                    bytes[start + i] = (byte) value;
                } else {
                    shorts[start + i] = (short) value;
                }
            }
        }
    }

    private static final class Floats extends Flat {
        private final float[] pixels;

        Floats(float[] pixels, int offset, int width) {
            super(offset, width);
            this.pixels = pixels;
        }

        @Override
        public void get(long x, long y, double[] dst, int length) {
            int start = index(x, y);
            for (int i = 0; i < length; i++) {
                dst[i] = pixels[start + i];
            }
        }

        @Override
        public void set(long x, long y, double[] src, int length) {
            int start = index(x, y);
            for (int i = 0; i < length; i++) {
                pixels[start + i] = (float) src[i];
            }
        }
    }

    private static final class Doubles extends Flat {
        private final double[] pixels;

        Doubles(double[] pixels, int offset, int width) {
            super(offset, width);
            this.pixels = pixels;
        }

        @Override
        public void get(long x, long y, double[] dst, int length) {
            System.arraycopy(pixels, index(x, y), dst, 0, length);
        }

        @Override
        public void set(long x, long y, double[] src, int length) {
            System.arraycopy(src, 0, pixels, index(x, y), length);
        }
    }

    /** Any other plane (cell images, converted or transformed views): one RandomAccess per row. */
    private static final class Generic<T extends RealType<?>> extends PlaneRows {
        private final RandomAccessibleInterval<T> plane;

        Generic(RandomAccessibleInterval<T> plane) {
            this.plane = plane;
        }

        @Override
        public void get(long x, long y, double[] dst, int length) {
            RandomAccess<T> access = rowStart(x, y);
            for (int i = 0; i < length; i++, access.fwd(0)) {
                dst[i] = access.get().getRealDouble();
            }
        }

        @Override
        public void set(long x, long y, double[] src, int length) {
            RandomAccess<T> access = rowStart(x, y);
            for (int i = 0; i < length; i++, access.fwd(0)) {
                access.get().setReal(src[i]);
            }
        }

        private RandomAccess<T> rowStart(long x, long y) {
            RandomAccess<T> access = plane.randomAccess();
            access.setPosition(plane.min(0) + x, 0);
            access.setPosition(plane.min(1) + y, 1);
            return access;
        }
    }
}
