package org.hpacell.train.data;

import java.util.SplittableRandom;
import org.hpacell.train.config.AugmentConfig;

/**
 * A geometric view of a field as a square {@code size x size} image: a crop rectangle of the source
 * (the whole field, or a random resized crop) scaled to the output, then a rotation by
 * {@code quarterTurns * 90} degrees and optional flips. {@link #sourceX}/{@link #sourceY} map an output
 * pixel centre back to continuous source coordinates (pixel centres at integer + 0.5), so images are
 * resampled once, whatever the chain of operations.
 *
 * <p>Order of operations, forward: crop + resize, rotate clockwise by {@code quarterTurns} quarter
 * turns, flip horizontally, flip vertically.
 */
public record Geometry(double cropX, double cropY, double cropWidth, double cropHeight, int size,
                       int quarterTurns, boolean flipHorizontal, boolean flipVertical) {

    /** The whole field resized to {@code size}, with no rotation or flip. */
    public static Geometry identity(int fieldWidth, int fieldHeight, int size) {
        return new Geometry(0, 0, fieldWidth, fieldHeight, size, 0, false, false);
    }

    /** A random geometry per {@code config}, drawn from {@code rng} in a fixed order. */
    public static Geometry random(int fieldWidth, int fieldHeight, int size, AugmentConfig config,
                                  SplittableRandom rng) {
        double cx = 0;
        double cy = 0;
        double cw = fieldWidth;
        double ch = fieldHeight;
        if (rng.nextDouble() < config.cropProbability) {
            // torchvision's RandomResizedCrop: area share and log-uniform aspect ratio, 10 attempts, then whole.
            double area = (double) fieldWidth * fieldHeight;
            double logRatio = Math.log(config.cropMaxRatio);
            for (int attempt = 0; attempt < 10; attempt++) {
                double target = area * (config.cropMinScale + rng.nextDouble() * (1 - config.cropMinScale));
                double ratio = Math.exp((2 * rng.nextDouble() - 1) * logRatio);
                double w = Math.sqrt(target * ratio);
                double h = Math.sqrt(target / ratio);
                if (w <= fieldWidth && h <= fieldHeight) {
                    cx = rng.nextDouble() * (fieldWidth - w);
                    cy = rng.nextDouble() * (fieldHeight - h);
                    cw = w;
                    ch = h;
                    break;
                }
            }
        }
        int turns = config.rotate90 ? rng.nextInt(4) : 0;
        boolean fh = config.horizontalFlip && rng.nextBoolean();
        boolean fv = config.verticalFlip && rng.nextBoolean();
        return new Geometry(cx, cy, cw, ch, size, turns, fh, fv);
    }

    /**
     * Undoes flips and rotation: the position in the resized crop (before rotation) of output pixel
     * (ox, oy), as {@code u + v * size} packed into a long pair via the two methods below.
     */
    private int unrotatedU(int ox, int oy) {
        int x = flipHorizontal ? size - 1 - ox : ox;
        int y = flipVertical ? size - 1 - oy : oy;
        // clockwise turn k maps (u, v) to: k=1 (size-1-v, u), k=2 (size-1-u, size-1-v), k=3 (v, size-1-u)
        return switch (quarterTurns) {
            case 1 -> y;
            case 2 -> size - 1 - x;
            case 3 -> size - 1 - y;
            default -> x;
        };
    }

    private int unrotatedV(int ox, int oy) {
        int x = flipHorizontal ? size - 1 - ox : ox;
        int y = flipVertical ? size - 1 - oy : oy;
        return switch (quarterTurns) {
            case 1 -> size - 1 - x;
            case 2 -> size - 1 - y;
            case 3 -> x;
            default -> y;
        };
    }

    /** Continuous source x (pixel centres at i + 0.5) of the centre of output pixel (ox, oy). */
    public double sourceX(int ox, int oy) {
        return cropX + (unrotatedU(ox, oy) + 0.5) * cropWidth / size;
    }

    /** Continuous source y (pixel centres at i + 0.5) of the centre of output pixel (ox, oy). */
    public double sourceY(int ox, int oy) {
        return cropY + (unrotatedV(ox, oy) + 0.5) * cropHeight / size;
    }

    /** Source pixels per output pixel along the smaller side (above 1 = downscaling). */
    public double reduction() {
        return Math.min(cropWidth, cropHeight) / size;
    }
}
