package org.hpacell.train;

import java.nio.file.Path;

/**
 * The layout of a training run's folder:
 * <pre>
 *   config.json            the resolved configuration (every key, normalisation filled in)
 *   provenance.json        seed, git commit, data hash, library versions, start time
 *   metrics.csv            one row per epoch (learning rate, losses, validation macro AP, per-class AP)
 *   metrics.png            loss and AP curves
 *   checkpoints/last.ckpt  the latest epoch (weights, optimiser state, engine state)
 *   checkpoints/best.ckpt  the epoch with the best validation macro AP
 *   bad-fields.txt         fields that could not be read (only if any)
 * </pre>
 */
public record RunDirectory(Path root) {
    public Path config() {
        return root.resolve("config.json");
    }

    public Path provenance() {
        return root.resolve("provenance.json");
    }

    public Path metricsCsv() {
        return root.resolve("metrics.csv");
    }

    public Path metricsPlot() {
        return root.resolve("metrics.png");
    }

    public Path lastCheckpoint() {
        return root.resolve("checkpoints").resolve("last.ckpt");
    }

    public Path bestCheckpoint() {
        return root.resolve("checkpoints").resolve("best.ckpt");
    }

    public Path badFields() {
        return root.resolve("bad-fields.txt");
    }
}
