package org.hpacell.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hpacell.identity.Fingerprints;
import org.hpacell.identity.StageIdentity;

/**
 * The identity of every {@link Pipeline} stage before any of them runs: hpacell's version, the
 * fingerprints of the {@code --train} and {@code --test} folders a stage reads, and the config sections
 * it and the stages it reads depend on (with the segmenter's own weight files, listed as for a folder).
 * A stage's identity holds every part of the stages it reads that
 * concerns what it reads: stage 1 holds the segmenter section and the training folder (it reads the
 * training cells) but not the test folder, so another {@code --test} folder redoes segment, cams and
 * predict and keeps the trained models. Keys of the config that no section names (new ones included)
 * are in every stage's identity, so a key no one thought of can only cause too much work, never stale
 * results; {@code threads} is in none, since it does not change what a stage makes.
 */
final class StageIdentities {
    /** Top-level config keys of each section; every other key but {@code threads} is in every stage. */
    private static final Map<String, List<String>> SECTIONS = Map.of(
            "segmenter", List.of("segmenter", "segmenterModel", "hpa"),
            "stage1", List.of("stage1"),
            "tta", List.of("tta"),
            "pixelThreshold", List.of("pixelThreshold"),
            "cellModel", List.of("cellModel", "cropPadding", "cropPaddingFraction", "cropPerCellIntensity"),
            "stage2", List.of("stage2"),
            "oracle", List.of("oracle"));
    private static final Set<String> NO_EFFECT = Set.of("threads");

    static final String TRAIN = "--train data";
    static final String TEST = "--test data";

    private StageIdentities() {
    }

    /** Each stage's identity, by name in {@link Pipeline#STAGES} order. */
    static Map<String, StageIdentity> of(PipelineConfig config, Path train, Path test) throws IOException {
        ObjectNode tree = PipelineConfig.json().valueToTree(config);
        ObjectNode other = tree.deepCopy();
        SECTIONS.values().forEach(other::remove);
        NO_EFFECT.forEach(other::remove);
        String testData = Fingerprints.folder(test);

        StageIdentity base = StageIdentity.ofVersion().withText("config (other keys)", other.toString());
        StageIdentity segmentedTrain = base.withFolder(TRAIN, train).withText("config segmenter",
                section(tree, "segmenter")).with("segmenter weights", segmenterWeights(config));
        StageIdentity stage1 = segmentedTrain.withText("config stage1", section(tree, "stage1"));
        StageIdentity trainMaps = stage1.withText("config tta", section(tree, "tta"));
        StageIdentity pseudo = trainMaps.withText("config pixelThreshold", section(tree, "pixelThreshold"));
        StageIdentity stage2 = pseudo.withText("config cellModel", section(tree, "cellModel"))
                .withText("config stage2", section(tree, "stage2"));
        // the oracle: the cell model on the true labels of the training cells stage 2 trains on (stage 1's
        // split decides which), so the segmented training folder, stage 1's config and the cell model's
        StageIdentity oracle = stage1.withText("config cellModel", section(tree, "cellModel"))
                .withText("config oracle", section(tree, "oracle"));

        Map<String, StageIdentity> m = new LinkedHashMap<>();
        m.put("segment", segmentedTrain.with(TEST, testData));
        m.put("stage1", stage1);
        m.put("cams", trainMaps.with(TEST, testData));
        m.put("pseudo", pseudo);
        m.put("stage2", stage2);
        m.put("oracle", oracle);
        m.put("predict", stage2.withText("config oracle", section(tree, "oracle")).with(TEST, testData));
        if (!m.keySet().equals(new java.util.LinkedHashSet<>(Pipeline.STAGES))) {
            throw new IllegalStateException("stage identities " + m.keySet() + " do not match the stages "
                    + Pipeline.STAGES);
        }
        return m;
    }

    /** The fingerprint of the segmenter's weight files, when they are the user's (not shipped in the jar). */
    private static String segmenterWeights(PipelineConfig config) throws IOException {
        if (config.segmenterModel != null && "unet".equals(config.segmenter)) {
            return Fingerprints.folder(Path.of(config.segmenterModel));
        }
        if (config.hpa != null && "hpa".equals(config.segmenter)) {
            return Fingerprints.files(List.of(Path.of(config.hpa.nucleiModel), Path.of(config.hpa.cellModel)));
        }
        return "none";
    }

    private static String section(ObjectNode tree, String name) {
        ObjectNode s = tree.objectNode();
        for (String key : SECTIONS.get(name)) {
            if (tree.has(key)) {
                s.set(key, tree.get(key));
            }
        }
        return s.toString();
    }
}
