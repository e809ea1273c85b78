package org.denoiser.bioimage;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Little-endian float32 arrays in NumPy's .npy format (version 1.0), the format bioimage.io test
 * tensors are stored in: a magic string, a header dict padded to 64 bytes, then the C-order data.
 */
public final class NpyArrays {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0};
    private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\(([^)]*)\\)");

    private NpyArrays() {
    }

    /** A float array of the given shape (C order: the last axis varies fastest). */
    public record FloatArray(long[] shape, float[] values) {
        public FloatArray {
            if (Arrays.stream(shape).reduce(1, Math::multiplyExact) != values.length) {
                throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " does not hold " + values.length + " values");
            }
        }
    }

    public static byte[] write(FloatArray array) {
        String shape = Arrays.stream(array.shape()).mapToObj(Long::toString).collect(Collectors.joining(", "))
                + (array.shape().length == 1 ? "," : "");
        StringBuilder header = new StringBuilder("{'descr': '<f4', 'fortran_order': False, 'shape': (" + shape + "), }");
        while ((MAGIC.length + 2 + header.length() + 1) % 64 != 0) {
            header.append(' ');
        }
        header.append('\n');
        byte[] text = header.toString().getBytes(StandardCharsets.US_ASCII);
        ByteBuffer data = ByteBuffer.allocate(array.values().length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        data.asFloatBuffer().put(array.values());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(MAGIC);
        out.write(text.length & 0xFF);
        out.write(text.length >> 8);
        out.writeBytes(text);
        out.writeBytes(data.array());
        return out.toByteArray();
    }

    /** Reads what {@link #write} writes (little-endian float32, C order); anything else is refused. */
    public static FloatArray read(byte[] bytes) {
        if (bytes.length < 10 || !Arrays.equals(bytes, 0, 6, MAGIC, 0, 6)) {
            throw new IllegalArgumentException("not a .npy array");
        }
        int headerLength = (bytes[8] & 0xFF) | (bytes[9] & 0xFF) << 8;
        String header = new String(bytes, 10, headerLength, StandardCharsets.US_ASCII);
        Matcher shape = SHAPE.matcher(header);
        if (!header.contains("'descr': '<f4'") || !header.contains("'fortran_order': False") || !shape.find()) {
            throw new IllegalArgumentException("only little-endian float32 C-order arrays are read, got " + header.trim());
        }
        long[] dims = Arrays.stream(shape.group(1).split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .mapToLong(Long::parseLong).toArray();
        float[] values = new float[(int) Arrays.stream(dims).reduce(1, Math::multiplyExact)];
        ByteBuffer.wrap(bytes, 10 + headerLength, values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN)
                .asFloatBuffer().get(values);
        return new FloatArray(dims, values);
    }
}
