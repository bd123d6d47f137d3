package org.hpacell.synth;

/**
 * A float image of one stain being painted, with drawing primitives that deposit only inside a given
 * {@link Region} of a given cell, so no structure leaks into a neighbour or out of its compartment.
 */
final class Canvas {
    final FieldGeometry g;
    final float[] data;

    Canvas(FieldGeometry g) {
        this.g = g;
        this.data = new float[g.w * g.h];
    }

    /**
     * A Gaussian spot of peak {@code amp} and width {@code sigma} px centred at (x, y). Spots narrower
     * than half a pixel are deposited as a bilinear point of the same integral.
     */
    void dot(double x, double y, double sigma, double amp, int id, Region region) {
        if (sigma < 0.5) {
            point(x, y, amp * 2 * Math.PI * sigma * sigma, id, region);
            return;
        }
        int rad = (int) Math.ceil(2.5 * sigma);
        int xc = (int) Math.round(x), yc = (int) Math.round(y);
        int n = 2 * rad + 1;
        float[] gx = new float[n], gy = new float[n];
        double k = -0.5 / (sigma * sigma);
        for (int j = 0; j < n; j++) {
            double dx = xc - rad + j - x, dy = yc - rad + j - y;
            gx[j] = (float) Math.exp(k * dx * dx);
            gy[j] = (float) (amp * Math.exp(k * dy * dy));
        }
        int w = g.w;
        for (int j = 0; j < n; j++) {
            int yy = yc - rad + j;
            if (yy < 0 || yy >= g.h) continue;
            for (int m = 0; m < n; m++) {
                int xx = xc - rad + m;
                if (xx < 0 || xx >= w) continue;
                int i = yy * w + xx;
                if (region.contains(g, i, id)) data[i] += gx[m] * gy[j];
            }
        }
    }

    /** Deposits {@code mass} at a sub-pixel position, split bilinearly over the four nearest pixels. */
    void point(double x, double y, double mass, int id, Region region) {
        int x0 = (int) Math.floor(x), y0 = (int) Math.floor(y);
        double fx = x - x0, fy = y - y0;
        put(x0, y0, mass * (1 - fx) * (1 - fy), id, region);
        put(x0 + 1, y0, mass * fx * (1 - fy), id, region);
        put(x0, y0 + 1, mass * (1 - fx) * fy, id, region);
        put(x0 + 1, y0 + 1, mass * fx * fy, id, region);
    }

    private void put(int x, int y, double v, int id, Region region) {
        if (x < 0 || y < 0 || x >= g.w || y >= g.h) return;
        int i = y * g.w + x;
        if (region.contains(g, i, id)) data[i] += (float) v;
    }

    /** A straight segment of line density {@code amp} (intensity per pixel of length). */
    void segment(double x0, double y0, double x1, double y1, double amp, int id, Region region) {
        double len = Math.hypot(x1 - x0, y1 - y0);
        int steps = Math.max(1, (int) Math.ceil(len / 0.7));
        double mass = amp * len / steps;
        for (int s = 0; s <= steps; s++) {
            double t = s / (double) steps;
            point(x0 + t * (x1 - x0), y0 + t * (y1 - y0), mass, id, region);
        }
    }
}
