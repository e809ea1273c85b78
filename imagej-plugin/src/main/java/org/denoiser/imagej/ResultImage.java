package org.denoiser.imagej;

import ij.CompositeImage;
import ij.ImagePlus;
import ij.ImageStack;
import ij.WindowManager;
import ij.process.ImageProcessor;
import ij.process.LUT;

/**
 * Dresses denoised pixels as an image like the original: title {@code <name>-denoised}, same
 * calibration, hyperstack layout, LUTs, display ranges, slice labels, info and selection. The
 * original is only read.
 */
final class ResultImage {
    static final String SUFFIX = "-denoised";

    private ResultImage() {
    }

    /** The whole stack, denoised, with the original's layout and display settings. */
    static ImagePlus wholeStack(ImagePlus original, ImageStack denoised) {
        ImageStack source = original.getStack();
        for (int i = 1; i <= denoised.size(); i++) {
            denoised.setSliceLabel(source.getSliceLabel(i), i);
        }
        denoised.setColorModel(source.getColorModel());
        ImagePlus result = new ImagePlus(titleFor(original), denoised);
        result.setDimensions(original.getNChannels(), original.getNSlices(), original.getNFrames());
        result.setOpenAsHyperStack(original.isHyperStack());
        if (original.isComposite()) {
            CompositeImage composite = new CompositeImage(result, ((CompositeImage) original).getMode());
            composite.copyLuts(original);
            result = composite;
        } else {
            copyDisplay(original.getProcessor(), result.getProcessor());
        }
        copyMetadata(original, result);
        int[] czt = HyperstackPixels.onDisplay(original);
        result.setPosition(czt[0], czt[1], czt[2]);
        return result;
    }

    /** One plane (the one on display), with that channel's colours and display range. */
    static ImagePlus plane(ImagePlus original, ImageProcessor denoised) {
        if (original.isComposite()) {
            LUT lut = ((CompositeImage) original).getChannelLut(HyperstackPixels.onDisplay(original)[0]);
            denoised.setLut(lut); // a LUT carries its channel's display range
        } else {
            copyDisplay(original.getProcessor(), denoised);
        }
        ImagePlus result = new ImagePlus(titleFor(original), denoised);
        copyMetadata(original, result);
        return result;
    }

    /**
     * {@code cells.tif} becomes {@code cells-denoised} (saving it adds its own extension); if an
     * image of that title is open already, {@code cells-denoised-2}, {@code -3}, ... so that a
     * macro's {@code selectImage(title)} never picks the wrong one.
     */
    static String titleFor(ImagePlus original) {
        String title = original.getTitle();
        int dot = title.lastIndexOf('.');
        String base = (dot > 0 && title.length() - dot <= 5 ? title.substring(0, dot) : title) + SUFFIX;
        String unique = base;
        for (int n = 2; WindowManager.getImage(unique) != null; n++) {
            unique = base + "-" + n;
        }
        return unique;
    }

    private static void copyDisplay(ImageProcessor from, ImageProcessor to) {
        if (from.getBitDepth() == 24) {
            return; // RGB has no LUT; its display range is applied to the pixels themselves
        }
        to.setColorModel(from.getColorModel());
        to.setMinAndMax(from.getMin(), from.getMax());
    }

    private static void copyMetadata(ImagePlus original, ImagePlus result) {
        result.setCalibration(original.getCalibration().copy());
        Object info = original.getProperty("Info");
        if (info != null) {
            result.setProperty("Info", info);
        }
        String[] properties = original.getPropertiesAsArray();
        if (properties != null) {
            result.setProperties(properties);
        }
        if (original.getRoi() != null) {
            result.setRoi((ij.gui.Roi) original.getRoi().clone());
        }
    }
}
