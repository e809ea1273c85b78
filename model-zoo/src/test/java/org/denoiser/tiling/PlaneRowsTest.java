package org.denoiser.tiling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.cell.CellImgFactory;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.DoubleType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;
import org.junit.jupiter.api.Test;

class PlaneRowsTest {
    private static final long[] DIMS = {7, 5, 3, 2};

    @Test
    void planesOfStacksReadAndWriteTheSamePixelsAsTheirViews() {
        List<Img<? extends RealType<?>>> images = List.of(ArrayImgs.unsignedBytes(DIMS), ArrayImgs.unsignedShorts(DIMS),
                ArrayImgs.floats(DIMS), ArrayImgs.doubles(DIMS),
                new CellImgFactory<>(new UnsignedByteType(), 4).create(DIMS)); // no flat array: the RandomAccess path
        for (Img<? extends RealType<?>> image : images) {
            fill(image);
            for (RandomAccessibleInterval<? extends RealType<?>> plane : planes(image)) {
                assertArrayEquals(viaCursor(plane), viaRows(plane), image.firstElement().getClass().getSimpleName());
            }
        }
    }

    @Test
    void writesStoreLikeSetReal() {
        double[] values = {-3.5, -0.5, 0.4, 0.5, 1.5, 254.5, 255.5, 300, 65535.5, 70000.25};
        List<RealType<?>> types = List.of(new UnsignedByteType(), new UnsignedShortType(), new FloatType(), new DoubleType());
        for (RealType<?> type : types) {
            Img<? extends RealType<?>> flat = image(type, values.length);
            Img<? extends RealType<?>> cells = cellImage(type, values.length);
            PlaneRows.of(flat).set(0, 0, values.clone(), values.length);
            Cursor<? extends RealType<?>> cursor = cells.cursor();
            for (double value : values) {
                cursor.next().setReal(value);
            }
            assertArrayEquals(viaCursor(cells), viaCursor(flat), type.getClass().getSimpleName());
        }
    }

    @Test
    void mirrorMatchesExtendMirrorDouble() {
        for (long size = 1; size <= 4; size++) {
            RandomAccessibleInterval<DoubleType> line = ArrayImgs.doubles(size, 1);
            int i = 0;
            for (DoubleType p : Views.iterable(line)) {
                p.set(i++);
            }
            var mirrored = Views.extendMirrorDouble(line).randomAccess();
            for (long x = -3 * size - 2; x < 4 * size + 2; x++) {
                mirrored.setPosition(new long[] {x, 0});
                assertArrayEquals(new double[] {mirrored.get().get()}, new double[] {Tiler.mirror(x, size)},
                        "size " + size + " at " + x);
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Img<? extends RealType<?>> image(RealType<?> type, int width) {
        return new net.imglib2.img.array.ArrayImgFactory((net.imglib2.type.NativeType) type).create(width, 1);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Img<? extends RealType<?>> cellImage(RealType<?> type, int width) {
        return new CellImgFactory((net.imglib2.type.NativeType) type, 3).create(width, 1);
    }

    private static void fill(Img<? extends RealType<?>> image) {
        SplittableRandom random = new SplittableRandom(1);
        for (RealType<?> p : image) {
            p.setReal(random.nextInt(256));
        }
    }

    /** The planes as the Denoiser cuts them: a channel slice (axis 2), then z slices. */
    private static List<RandomAccessibleInterval<? extends RealType<?>>> planes(Img<? extends RealType<?>> image) {
        List<RandomAccessibleInterval<? extends RealType<?>>> planes = new ArrayList<>();
        for (long c = 0; c < DIMS[2]; c++) {
            var channel = Views.hyperSlice(image, 2, c);
            for (long z = 0; z < DIMS[3]; z++) {
                planes.add(Views.hyperSlice(channel, 2, z));
            }
        }
        return planes;
    }

    private static double[] viaCursor(RandomAccessibleInterval<? extends RealType<?>> plane) {
        double[] values = new double[(int) (plane.dimension(0) * plane.dimension(1))];
        Cursor<? extends RealType<?>> cursor = Views.flatIterable(plane).cursor();
        for (int i = 0; cursor.hasNext(); i++) {
            values[i] = cursor.next().getRealDouble();
        }
        return values;
    }

    private static double[] viaRows(RandomAccessibleInterval<? extends RealType<?>> plane) {
        PlaneRows rows = PlaneRows.of(plane);
        int width = (int) plane.dimension(0);
        double[] values = new double[(int) (width * plane.dimension(1))];
        double[] row = new double[width];
        for (int y = 0; y < plane.dimension(1); y++) {
            rows.get(0, y, row, width);
            System.arraycopy(row, 0, values, y * width, width);
        }
        return values;
    }
}
