package org.denoiser.io;

import java.util.Optional;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.FloatType;

/**
 * The pixel layouts an {@link ImageData} can hold: gray or RGB, with 8-bit, 16-bit unsigned or
 * 32-bit float samples. Each maps to one ImgLib2 element type.
 */
public enum PixelType {
    GRAY8(1, Sample.UINT8),
    GRAY16(1, Sample.UINT16),
    GRAY32F(1, Sample.FLOAT32),
    RGB8(3, Sample.UINT8),
    RGB16(3, Sample.UINT16);

    /** How one sample is stored. */
    enum Sample {
        UINT8(8),
        UINT16(16),
        FLOAT32(32);

        final int bits;

        Sample(int bits) {
            this.bits = bits;
        }
    }

    private final int channels;
    private final Sample sample;

    PixelType(int channels, Sample sample) {
        this.channels = channels;
        this.sample = sample;
    }

    /** 1 for gray, 3 for RGB. */
    public int channels() {
        return channels;
    }

    public int bitsPerSample() {
        return sample.bits;
    }

    public boolean isFloat() {
        return sample == Sample.FLOAT32;
    }

    Sample sample() {
        return sample;
    }

    /** The type for a sample kind and a channel count, if this package supports the pair. */
    static Optional<PixelType> of(Sample sample, int channels) {
        for (PixelType type : values()) {
            if (type.sample == sample && type.channels == channels) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** The type whose ImgLib2 element is {@code element}, with {@code channels} channels. */
    static Optional<PixelType> of(RealType<?> element, int channels) {
        return sampleOf(element).flatMap(sample -> of(sample, channels));
    }

    /** True when {@code element} is the ImgLib2 type this pixel type is stored in. */
    boolean isStoredAs(RealType<?> element) {
        return sampleOf(element).map(found -> found == sample).orElse(false);
    }

    /** Allocates a zeroed image with axes (x, y, c, z) of this type. */
    public Img<? extends RealType<?>> allocate(long width, long height, long planes) {
        return switch (sample) {
            case UINT8 -> ArrayImgs.unsignedBytes(width, height, channels, planes);
            case UINT16 -> ArrayImgs.unsignedShorts(width, height, channels, planes);
            case FLOAT32 -> ArrayImgs.floats(width, height, channels, planes);
        };
    }

    /** Allocates a zeroed alpha plane with axes (x, y, 1, z) of this type's sample. */
    Img<? extends RealType<?>> allocateAlpha(long width, long height, long planes) {
        return switch (sample) {
            case UINT8 -> ArrayImgs.unsignedBytes(width, height, 1, planes);
            case UINT16 -> ArrayImgs.unsignedShorts(width, height, 1, planes);
            case FLOAT32 -> ArrayImgs.floats(width, height, 1, planes);
        };
    }

    private static Optional<Sample> sampleOf(RealType<?> element) {
        // Exact classes on purpose: a subclass such as a volatile type would not round-trip.
        if (element.getClass() == UnsignedByteType.class) {
            return Optional.of(Sample.UINT8);
        }
        if (element.getClass() == UnsignedShortType.class) {
            return Optional.of(Sample.UINT16);
        }
        if (element.getClass() == FloatType.class) {
            return Optional.of(Sample.FLOAT32);
        }
        return Optional.empty();
    }
}
