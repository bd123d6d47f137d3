package org.hpacell.io;

import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferUShort;
import java.awt.image.Raster;
import java.awt.image.SampleModel;

/**
 * Copies one band of a decoded {@link Raster} into a row-major {@code int[]} of raw unsigned samples.
 * Byte and unsigned-short rasters with a component layout (what the PNG and TIFF readers produce for
 * 8- and 16-bit data) are copied straight from their data arrays; any other layout goes through
 * {@link Raster#getSamples}, which is slower but exact.
 */
final class RasterSamples {
    private RasterSamples() {
    }

    /** Band {@code band} of {@code raster}, row-major, {@code width * height} values. */
    static int[] band(Raster raster, int band) {
        int w = raster.getWidth();
        int h = raster.getHeight();
        SampleModel sm = raster.getSampleModel();
        DataBuffer db = raster.getDataBuffer();
        if (sm instanceof ComponentSampleModel csm
                && (db instanceof DataBufferByte || db instanceof DataBufferUShort)) {
            // Position of pixel (minX, minY) in the sample model's coordinates.
            int sx = raster.getMinX() - raster.getSampleModelTranslateX();
            int sy = raster.getMinY() - raster.getSampleModelTranslateY();
            int bank = csm.getBankIndices()[band];
            int origin = db.getOffsets()[bank] + csm.getOffset(sx, sy, band);
            int stride = csm.getScanlineStride();
            int step = csm.getPixelStride();
            int[] out = new int[w * h];
            if (db instanceof DataBufferByte b) {
                byte[] a = b.getData(bank);
                for (int y = 0; y < h; y++) {
                    int src = origin + y * stride;
                    int dst = y * w;
                    for (int x = 0; x < w; x++, src += step) {
                        out[dst + x] = a[src] & 0xFF;
                    }
                }
            } else {
                short[] a = ((DataBufferUShort) db).getData(bank);
                for (int y = 0; y < h; y++) {
                    int src = origin + y * stride;
                    int dst = y * w;
                    for (int x = 0; x < w; x++, src += step) {
                        out[dst + x] = a[src] & 0xFFFF;
                    }
                }
            }
            return out;
        }
        return raster.getSamples(raster.getMinX(), raster.getMinY(), w, h, band, (int[]) null);
    }
}
