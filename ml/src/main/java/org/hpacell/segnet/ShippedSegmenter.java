package org.hpacell.segnet;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.hpacell.segment.NetworkSegmenter;
import org.hpacell.train.RunDirectory;

/**
 * The segmentation U-Nets shipped with hpacell as a resource ({@value #RESOURCE}{@code
 * {nuclei,cells}/{config.json,checkpoints/best.ckpt}}), trained on the synthetic atlas by the command in
 * docs/ARCHITECTURE.md ("Segmentation networks"), and the {@code unet} segmenter built on them or on a
 * model folder a user trained.
 */
public final class ShippedSegmenter {
    /** Where the shipped model lives on the class path. */
    public static final String RESOURCE = "org/hpacell/models/segmenter/";

    private ShippedSegmenter() {
    }

    /** Loads the shipped networks (copied from the class path to a temporary folder, removed after loading). */
    public static UNetSegmentationNetworks networks() throws IOException {
        Path tmp = Files.createTempDirectory("hpacell-segmenter");
        try {
            for (SegmentationTarget t : SegmentationTarget.values()) {
                RunDirectory run = new RunDirectory(tmp.resolve(t.key()));
                copy(t.key() + "/config.json", run.config());
                copy(t.key() + "/checkpoints/best.ckpt", run.bestCheckpoint());
            }
            return UNetSegmentationNetworks.load(tmp);
        } finally {
            try (Stream<Path> files = Files.walk(tmp)) {
                List<Path> all = files.sorted(Comparator.reverseOrder()).toList();
                for (Path p : all) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /**
     * The {@code unet} segmenter: the networks of {@code model} (a folder from {@code hpacell
     * train-segmenter}), or the shipped ones when {@code model} is null, followed by HPA's post-processing
     * with cut-offs scaled to each field ({@link NetworkSegmenter#scaledToField}).
     *
     * @param quarterScale post-process at 1/4 scale (the fast Kaggle variant)
     */
    public static NetworkSegmenter segmenter(Path model, boolean quarterScale) throws IOException {
        UNetSegmentationNetworks networks = model == null ? networks() : UNetSegmentationNetworks.load(model);
        return NetworkSegmenter.scaledToField(networks, quarterScale);
    }

    private static void copy(String name, Path dest) throws IOException {
        try (InputStream in = ShippedSegmenter.class.getClassLoader().getResourceAsStream(RESOURCE + name)) {
            if (in == null) {
                throw new IOException("the shipped segmentation model is missing from the class path: " + RESOURCE + name);
            }
            Files.createDirectories(dest.getParent());
            Files.copy(in, dest);
        }
    }
}
