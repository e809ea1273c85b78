package org.denoiser.io;

import java.util.List;

/**
 * What a file holds besides the pixels the denoiser changes (for FITS: every header card and the
 * other HDUs), carried from the decoder through to the encoder so the written file differs from
 * the read one only in its pixels and in one line of provenance.
 */
public interface FileMetadata {

    /** Nothing to keep: a file made from pixels alone. */
    FileMetadata NONE = line -> FileMetadata.NONE;

    /**
     * A copy that also records {@code line} (e.g. which model denoised the pixels) where the format
     * keeps provenance; FITS adds a HISTORY card. Formats without such a place ignore it.
     */
    FileMetadata withNote(String line);

    /**
     * Which channel each of {@code pages} gray pages belongs to when the file says its pages hold
     * several channels (an ImageJ hyperstack, an OME-TIFF), so each channel is normalized on its
     * own as the ImageJ plugin does; null when the pages are one channel (a plain stack).
     */
    default int[] pageChannels(int pages) {
        return null;
    }

    /**
     * Whether the file says a microscope made it: a TIFF written by ImageJ/Fiji or carrying OME-XML.
     * An 8-bit gray picture from a microscope holds photon (Poisson-Gaussian) noise, not a
     * photograph's, and gets a model for that (see {@code api.AutoModel}).
     */
    default boolean fromMicroscope() {
        return false;
    }

    /** x and y of every plane, calibrated when the file says how large a pixel is. */
    default List<Axis> planeAxes(int width, int height) {
        return List.of(Axis.of("x", width), Axis.of("y", height));
    }

    /**
     * What the {@code pages} gray or RGB pages stand for, the fastest-varying axis first (an ImageJ
     * hyperstack: c, z, t); by default one axis z, or none for a single page.
     */
    default List<Axis> pageAxes(int pages) {
        return pages > 1 ? List.of(Axis.of("z", pages)) : List.of();
    }
}
