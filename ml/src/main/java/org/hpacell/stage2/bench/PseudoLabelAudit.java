package org.hpacell.stage2.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hpacell.atlas.LabelSet;
import org.hpacell.atlas.Location;
import org.hpacell.cam.CamMaps;
import org.hpacell.cam.CamMapsFile;
import org.hpacell.cam.cell.CellPooling;
import org.hpacell.cam.cell.CellPredictions;
import org.hpacell.cam.cell.CellScorer;
import org.hpacell.cam.cell.CellScores;
import org.hpacell.image.LabelImage;
import org.hpacell.io.HpaDataset;
import org.hpacell.io.ImageFiles;
import org.hpacell.io.SubmissionWriter;
import org.hpacell.metric.IouKind;
import org.hpacell.metric.SubmissionScorer;
import org.hpacell.pipeline.PipelineLayout;
import org.hpacell.pipeline.PipelineLayout.Split;
import org.hpacell.predict.CombinationRule;
import org.hpacell.progress.Progress;
import org.hpacell.pseudo.CellGrader;
import org.hpacell.pseudo.CellPseudoLabels;
import org.hpacell.pseudo.ClassMaps;
import org.hpacell.pseudo.PseudoLabelConfig;
import org.hpacell.synth.SynthDataset;

/**
 * How good are the cell pseudo labels, before any stage-2 model sees them? Scores candidate grading
 * rules on a finished {@link org.hpacell.pipeline.Pipeline} run's <em>training</em> fields directly
 * against the synthetic truth of those fields: each rule's per-cell evidence, restricted to the field's
 * image labels, is written as a submission and scored by the challenge metric (cell-level mAP at mask
 * IoU 0.6). This isolates the grading from the stage-2 classifier: a rule that ranks cells no better
 * than "every cell gets its field's labels" cannot teach a cell classifier anything the image labels do
 * not already say.
 *
 * <p>Usage: {@code PseudoLabelAudit PIPELINE_DIR TRAIN_DIR [OUT_DIR]} (a {@code hpacell demo} folder has
 * them as {@code OUT/pipeline} and {@code OUT/data/train}). Prints a Markdown table.
 */
public final class PseudoLabelAudit {
    /** One grading rule: the evidence of each cell for each class of the field. */
    @FunctionalInterface
    interface Rule {
        List<CellScores> score(CamMaps maps, LabelImage cells, LabelSet imageLabels);
    }

    private PseudoLabelAudit() {
    }

    /** The rules compared, in table order. */
    static Map<String, Rule> rules() {
        Map<String, Rule> r = new LinkedHashMap<>();
        r.put("image labels broadcast (every cell its field's labels)", (m, c, l) -> restrict(pooled(
                CellPooling.max(), m, c), l, true));
        r.put("five-level grades (default cuts, threshold 0.225)", grades(PseudoLabelConfig.defaults()));
        r.put("five-level grades, threshold 0.1", grades(PseudoLabelConfig.defaults().withPixelThreshold(0.1f)));
        r.put("five-level grades, threshold 0.4", grades(PseudoLabelConfig.defaults().withPixelThreshold(0.4f)));
        r.put("five-level grades, no minimum coverage", grades(PseudoLabelConfig.defaults().withMinCoverage(0f)));
        r.put("CAM mean in cell", (m, c, l) -> restrict(pooled(CellPooling.mean(), m, c), l, false));
        r.put("CAM max in cell", (m, c, l) -> restrict(pooled(CellPooling.max(), m, c), l, false));
        r.put("CAM top-25% mean in cell", (m, c, l) -> restrict(pooled(CellPooling.topFraction(0.25), m, c), l, false));
        r.put("CAM mean in cell / field's best cell", (m, c, l) -> relative(restrict(pooled(CellPooling.mean(), m, c),
                l, false)));
        return r;
    }

    private static Rule grades(PseudoLabelConfig config) {
        CellGrader grader = new CellGrader(config);
        return (m, c, l) -> {
            CellPseudoLabels g = grader.grade(m.id(), new ClassMaps(m.width(), m.height(), m.array()), c, l);
            List<CellScores> out = new ArrayList<>(g.size());
            for (int r = 0; r < g.size(); r++) {
                out.add(new CellScores(g.cellId(r), g.targets(r)));
            }
            return out;
        };
    }

    private static List<CellScores> pooled(CellPooling pooling, CamMaps maps, LabelImage cells) {
        return new CellScorer(pooling, new CombinationRule.CellOnly()).score(maps, cells);
    }

    /** Zero outside the image labels; {@code constant}: 1 inside them (the broadcast of the labels). */
    private static List<CellScores> restrict(List<CellScores> scores, LabelSet labels, boolean constant) {
        List<CellScores> out = new ArrayList<>(scores.size());
        for (CellScores s : scores) {
            float[] v = new float[Location.COUNT];
            for (int k : labels.indices()) {
                v[k] = constant ? 1f : s.scores()[k];
            }
            out.add(new CellScores(s.cellId(), v));
        }
        return out;
    }

    /** Each class's scores divided by the field's largest score of that class (0 stays 0). */
    private static List<CellScores> relative(List<CellScores> scores) {
        float[] best = new float[Location.COUNT];
        for (CellScores s : scores) {
            for (int k = 0; k < best.length; k++) {
                best[k] = Math.max(best[k], s.scores()[k]);
            }
        }
        List<CellScores> out = new ArrayList<>(scores.size());
        for (CellScores s : scores) {
            float[] v = new float[Location.COUNT];
            for (int k = 0; k < v.length; k++) {
                v[k] = best[k] > 0 ? s.scores()[k] / best[k] : 0f;
            }
            out.add(new CellScores(s.cellId(), v));
        }
        return out;
    }

    /**
     * Scores every rule on the training fields of a pipeline run.
     *
     * @return cell-level mAP per rule, in {@link #rules()} order
     */
    public static Map<String, Double> audit(Path pipelineDir, Path trainDir, Path outDir) throws IOException {
        PipelineLayout layout = new PipelineLayout(pipelineDir);
        HpaDataset train = HpaDataset.open(trainDir, HpaDataset.LabelPolicy.REQUIRED);
        Map<String, Rule> rules = rules();
        Map<String, SubmissionWriter> writers = new LinkedHashMap<>();
        Map<String, Path> files = new LinkedHashMap<>();
        Files.createDirectories(outDir);
        int i = 0;
        for (String name : rules.keySet()) {
            Path f = outDir.resolve("rule-" + i++ + ".csv");
            files.put(name, f);
            writers.put(name, SubmissionWriter.open(f));
        }
        try {
            for (String id : train.ids()) {
                Path maps = CamMapsFile.of(layout.cams(Split.TRAIN).resolve("maps"), id);
                Path cellsFile = layout.cellsOf(Split.TRAIN, id);
                if (!Files.exists(maps) || !Files.exists(cellsFile)) {
                    continue;
                }
                CamMaps m = CamMapsFile.read(maps);
                LabelImage cells = ImageFiles.readLabels(cellsFile);
                LabelSet labels = train.labels(id).orElseThrow();
                for (Map.Entry<String, Rule> e : rules.entrySet()) {
                    CellPredictions.write(writers.get(e.getKey()), id, cells, e.getValue().score(m, cells, labels));
                }
            }
            for (SubmissionWriter w : writers.values()) {
                w.commit();
            }
        } finally {
            for (SubmissionWriter w : writers.values()) {
                w.close();
            }
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (Map.Entry<String, Path> e : files.entrySet()) {
            out.put(e.getKey(), SubmissionScorer.score(trainDir.resolve(SynthDataset.TRUTH_CSV), e.getValue(),
                    IouKind.MASK, Progress.Factory.NONE).meanAveragePrecision());
        }
        return out;
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: PseudoLabelAudit PIPELINE_DIR TRAIN_DIR [OUT_DIR]");
            System.exit(2);
        }
        Path out = args.length > 2 ? Path.of(args[2]) : Path.of(args[0]).resolve("audit");
        Map<String, Double> r = audit(Path.of(args[0]), Path.of(args[1]), out);
        System.out.println("| pseudo-label rule (training fields) | cell mAP@0.6 vs truth |\n|---|---|");
        r.forEach((k, v) -> System.out.printf(Locale.ROOT, "| %s | %.4f |%n", k, v));
    }
}
