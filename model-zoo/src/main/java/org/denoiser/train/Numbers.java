package org.denoiser.train;

import java.math.BigDecimal;

/** Numbers for descriptions people read: 55 not 55.0000, 0.001 not 1.00000e-03. */
final class Numbers {

    private Numbers() {
    }

    static String plain(double value) {
        return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
    }

    static String plain(float value) {
        return new BigDecimal(Float.toString(value)).stripTrailingZeros().toPlainString();
    }
}
