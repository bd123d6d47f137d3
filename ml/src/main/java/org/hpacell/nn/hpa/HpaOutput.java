package org.hpacell.nn.hpa;

import org.hpacell.image.resample.AreaUpscale;
import org.hpacell.segment.HpaPrediction;

/**
 * A network's softmax output turned into {@code CellSegmentator}'s result: padding cropped, channel 0
 * (unused) dropped, resized back to the field's size with OpenCV's {@code INTER_AREA} and converted to
 * 0..255 by {@code img_as_ubyte} - in the order HPA uses, which differs between the two networks:
 * {@code pred_nuclei} converts to uint8 first and resizes the uint8 image, {@code pred_cells} resizes
 * the float image and converts after.
 *
 * <p>Two deliberate differences, neither of which changes a square field's result: HPA resizes to
 * {@code (target_shape[0], target_shape[1])}, which OpenCV reads as (width, height), so a non-square
 * field would come back transposed in shape; here the output has the field's width and height. And
 * where a float output resized by OpenCV exceeds 1 by a rounding error, {@code img_as_ubyte} raises an
 * error in HPA; here it is clipped to 255.
 */
final class HpaOutput {
    private HpaOutput() {
    }

    /** {@code pred_nuclei}: {@code img_as_ubyte}, then crop, zero channel 0 and {@code cv2.resize(INTER_AREA)} on uint8. */
    static HpaPrediction nuclei(float[] probabilities, HpaInput in, int width, int height) {
        int[] border = toUbyte(crop(probabilities, 1, in));
        int[] foreground = toUbyte(crop(probabilities, 2, in));
        if (in.scaledWidth() == width && in.scaledHeight() == height) {
            return new HpaPrediction(width, height, border, foreground);
        }
        return new HpaPrediction(width, height,
                AreaUpscale.resize8(border, in.scaledWidth(), in.scaledHeight(), width, height),
                AreaUpscale.resize8(foreground, in.scaledWidth(), in.scaledHeight(), width, height));
    }

    /** {@code pred_cells}: crop, zero channel 0, {@code cv2.resize(INTER_AREA)} on float32, then {@code img_as_ubyte}. */
    static HpaPrediction cells(float[] probabilities, HpaInput in, int width, int height) {
        float[] border = crop(probabilities, 1, in);
        float[] foreground = crop(probabilities, 2, in);
        if (in.scaledWidth() != width || in.scaledHeight() != height) {
            border = AreaUpscale.resize(border, in.scaledWidth(), in.scaledHeight(), width, height);
            foreground = AreaUpscale.resize(foreground, in.scaledWidth(), in.scaledHeight(), width, height);
        }
        return new HpaPrediction(width, height, toUbyte(border), toUbyte(foreground));
    }

    /** Channel {@code c} of the padded {@code (3, h, w)} output without its padding. */
    private static float[] crop(float[] chw, int c, HpaInput in) {
        int sw = in.scaledWidth();
        int sh = in.scaledHeight();
        float[] out = new float[sw * sh];
        int base = c * in.width() * in.height();
        for (int y = 0; y < sh; y++) {
            System.arraycopy(chw, base + (y + in.border()) * in.width() + in.border(), out, y * sw, sw);
        }
        return out;
    }

    /**
     * skimage's {@code img_as_ubyte} on float32: {@code rint(x * 255)} computed in float32 (halves to
     * even), clipped to 0..255.
     */
    static int[] toUbyte(float[] x) {
        int[] out = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            float v = (float) Math.rint(x[i] * 255f);
            out[i] = (int) Math.min(255f, Math.max(0f, v));
        }
        return out;
    }
}
