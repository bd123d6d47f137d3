package org.hpacell.synth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hpacell.atlas.LabelSet;
import org.hpacell.image.Channel;
import org.hpacell.image.FieldImage;
import org.hpacell.image.LabelImage;
import org.hpacell.image.LabelObject;
import org.hpacell.io.AtomicFiles;
import org.hpacell.io.AtomicTextWriter;
import org.hpacell.io.HpaLayout;
import org.hpacell.io.ImageFiles;
import org.hpacell.io.ImageFormat;
import org.hpacell.io.MaskCodec;
import org.hpacell.io.Prediction;
import org.hpacell.io.SubmissionRow;
import org.hpacell.io.SubmissionWriter;
import org.hpacell.io.TrainCsvWriter;
import org.hpacell.progress.Progress;

/**
 * Generates a whole synthetic dataset into a folder, in parallel and streaming (only the fields in
 * flight are in memory). The folder holds:
 * <ul>
 *   <li>{@code ID_red|green|blue|yellow.png} - the fields, 8- or 16-bit, in the HPA layout;</li>
 *   <li>{@code train.csv} - image-level labels (the union of each field's cell labels; Negative
 *       only when every cell is Negative);</li>
 *   <li>{@code truth.csv} - the ground truth in Kaggle submission layout: for every cell, one
 *       {@code class 1 mask} triple per class of the cell;</li>
 *   <li>{@code cells.csv} - {@code ID,CellId,Label} for every cell;</li>
 *   <li>{@code truth/ID_cells.png}, {@code truth/ID_nuclei.png} - 16-bit label images (nuclei carry
 *       their cell's id);</li>
 *   <li>{@code synth.json} - every parameter; regenerating from it gives identical files.</li>
 * </ul>
 * Fields are made on {@code threads} workers; the CSV rows are written in field order, so the output is
 * byte-identical whatever the number of threads.
 */
public final class SynthDataset {
    /** Name of the parameter file. */
    public static final String PARAMS_JSON = "synth.json";
    /** Name of the per-cell truth in submission layout. */
    public static final String TRUTH_CSV = "truth.csv";
    /** Name of the per-cell label table. */
    public static final String CELLS_CSV = "cells.csv";
    /** Header of {@code cells.csv}. */
    public static final String CELLS_HEADER = "ID,CellId,Label";
    /** Sub-folder of the label images. */
    public static final String TRUTH_DIR = "truth";

    private final SynthParams params;
    private final FieldGenerator generator;

    public SynthDataset(SynthParams params) {
        this.params = params.validate();
        this.generator = new FieldGenerator(params);
    }

    /** The cell label image of field {@code id} in a dataset folder. */
    public static Path cellsPath(Path dir, String id) {
        return dir.resolve(TRUTH_DIR).resolve(id + "_cells.png");
    }

    /** The nucleus label image of field {@code id} in a dataset folder. */
    public static Path nucleiPath(Path dir, String id) {
        return dir.resolve(TRUTH_DIR).resolve(id + "_nuclei.png");
    }

    /**
     * Writes the dataset into {@code out}.
     *
     * @param preview if not null, receives the first {@code previewFields} fields
     * @return counts over the dataset
     * @throws IOException naming the file that could not be written
     */
    public SynthSummary write(Path out, int threads, Progress progress, PreviewSheet preview, int previewFields)
            throws IOException {
        Files.createDirectories(out.resolve(TRUTH_DIR));
        AtomicFiles.writeString(out.resolve(PARAMS_JSON), params.toJson());
        SynthSummary summary = new SynthSummary();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "synth-worker");
            t.setDaemon(true);
            return t;
        });
        try (TrainCsvWriter train = TrainCsvWriter.open(out.resolve("train.csv"));
             SubmissionWriter truth = SubmissionWriter.open(out.resolve(TRUTH_CSV));
             AtomicTextWriter cells = AtomicTextWriter.open(out.resolve(CELLS_CSV))) {
            cells.line(CELLS_HEADER);
            int window = 2 * Math.max(1, threads);
            Deque<Future<Written>> inFlight = new ArrayDeque<>();
            int next = 0;
            for (int done = 0; done < params.images(); done++) {
                while (next < params.images() && inFlight.size() < window) {
                    int index = next++;
                    inFlight.add(pool.submit(() -> writeField(out, index, index < previewFields ? preview : null)));
                }
                Written w = await(inFlight.poll());
                summary.add(w.imageLabels, w.cellLabels, w.mitotic);
                train.add(w.id, w.imageLabels);
                truth.write(w.truth);
                for (int id = 1; id <= w.cellLabels.size(); id++) {
                    cells.line(w.id + "," + id + "," + w.cellLabels.get(id - 1));
                }
                progress.step();
            }
            truth.commit();
            cells.commit();
        } finally {
            pool.shutdownNow();
        }
        return summary;
    }

    /** What a worker hands back: the rows of one written field (its images are already on disk). */
    private record Written(String id, LabelSet imageLabels, List<LabelSet> cellLabels, SubmissionRow truth,
                           int mitotic) {
    }

    private Written writeField(Path out, int index, PreviewSheet preview) throws IOException {
        SyntheticField f = generator.generate(index);
        FieldImage image = f.image();
        for (Channel c : Channel.values()) {
            ImageFiles.writeGray(HpaLayout.channelPath(out, f.id(), c, ImageFormat.PNG), image.width(), image.height(),
                    image.bitDepth(), image.channel(c));
        }
        ImageFiles.writeLabels(cellsPath(out, f.id()), f.cells());
        ImageFiles.writeLabels(nucleiPath(out, f.id()), f.nuclei());
        if (preview != null) {
            preview.add(index, f);
        }
        int mitotic = 0;
        for (int id = 1; id <= f.cellCount(); id++) {
            if (f.isMitotic(id)) mitotic++;
        }
        // Only labels and encoded masks wait for the ordered writer; the pixels are released here.
        return new Written(f.id(), f.imageLabels(), f.cellLabels(), truthRow(f), mitotic);
    }

    /** The field's truth: each cell's mask once per class of the cell, confidence 1. */
    static SubmissionRow truthRow(SyntheticField f) {
        LabelImage cells = f.cells();
        List<Prediction> preds = new ArrayList<>();
        for (LabelObject o : cells.objects()) {
            String mask = MaskCodec.encode(cells.mask(o));
            for (int c : f.labelsOf(o.id()).indices()) {
                preds.add(new Prediction(c, 1.0, mask));
            }
        }
        return new SubmissionRow(f.id(), cells.width(), cells.height(), preds);
    }

    private static Written await(Future<Written> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while generating", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof IOException io) throw io;
            if (c instanceof UncheckedIOException u) throw u.getCause();
            if (c instanceof RuntimeException r) throw r;
            throw new IllegalStateException(c);
        }
    }
}
