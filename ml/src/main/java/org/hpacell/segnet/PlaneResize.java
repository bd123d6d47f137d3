package org.hpacell.segnet;

/**
 * Bilinear resizing of a row-major float plane to any size, pixel centres aligned (source coordinate of
 * destination pixel {@code x} is {@code (x + 0.5) * srcWidth / dstWidth - 0.5}, clamped at the edges),
 * as OpenCV's and PyTorch's {@code align_corners=False} resizing does when enlarging.
 */
final class PlaneResize {
    private PlaneResize() {
    }

    static float[] bilinear(float[] src, int srcWidth, int srcHeight, int dstWidth, int dstHeight) {
        float[] out = new float[dstWidth * dstHeight];
        double sx = (double) srcWidth / dstWidth;
        double sy = (double) srcHeight / dstHeight;
        int[] x0 = new int[dstWidth];
        int[] x1 = new int[dstWidth];
        float[] ax = new float[dstWidth];
        for (int x = 0; x < dstWidth; x++) {
            double fx = Math.max(0, (x + 0.5) * sx - 0.5);
            x0[x] = Math.min((int) fx, srcWidth - 1);
            x1[x] = Math.min(x0[x] + 1, srcWidth - 1);
            ax[x] = (float) (fx - (int) fx);
        }
        for (int y = 0; y < dstHeight; y++) {
            double fy = Math.max(0, (y + 0.5) * sy - 0.5);
            int ya = Math.min((int) fy, srcHeight - 1) * srcWidth;
            int yb = Math.min((int) fy + 1, srcHeight - 1) * srcWidth;
            float ay = (float) (fy - (int) fy);
            for (int x = 0; x < dstWidth; x++) {
                float top = src[ya + x0[x]] + ax[x] * (src[ya + x1[x]] - src[ya + x0[x]]);
                float bottom = src[yb + x0[x]] + ax[x] * (src[yb + x1[x]] - src[yb + x0[x]]);
                out[y * dstWidth + x] = top + ay * (bottom - top);
            }
        }
        return out;
    }
}
