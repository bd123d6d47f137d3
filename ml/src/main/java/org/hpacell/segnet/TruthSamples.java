package org.hpacell.segnet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hpacell.atlas.LabelSet;
import org.hpacell.image.FieldImage;
import org.hpacell.image.LabelImage;
import org.hpacell.io.HpaDataset;
import org.hpacell.io.ImageFiles;
import org.hpacell.synth.FieldGenerator;
import org.hpacell.synth.SynthParams;
import org.hpacell.synth.SyntheticField;
import org.hpacell.train.data.FieldSample;
import org.hpacell.train.data.InMemorySample;

/**
 * Training samples for a segmentation network: each field with the true label image of the objects the
 * network segments (nuclei or cells) as its {@link FieldSample#cells()}, which the training engine
 * resamples through the same augmentation as the pixels and {@link HpaTargetBatchBuilder} turns into
 * HPA's classes. Image labels are empty (segmentation needs none).
 */
public final class TruthSamples {
    private TruthSamples() {
    }

    /** A field of a synthetic atlas on disk; its truth label image is read when the loader needs it. */
    public record OnDisk(HpaDataset dataset, String id, Path truth) implements FieldSample {
        @Override
        public LabelSet labels() {
            return LabelSet.EMPTY;
        }

        @Override
        public FieldImage image() throws IOException {
            return dataset.read(id);
        }

        @Override
        public Optional<LabelImage> cells() throws IOException {
            return Optional.of(ImageFiles.readLabels(truth));
        }
    }

    /**
     * The fields of a synthetic atlas folder ({@code hpacell synth} output) with the truth of
     * {@code target} ({@code truth/ID_nuclei.png} or {@code truth/ID_cells.png}).
     *
     * @throws IllegalArgumentException naming the file when a field has no truth label image (the folder is
     *                                  not a synthetic atlas)
     */
    public static List<FieldSample> of(HpaDataset dataset, SegmentationTarget target) {
        List<FieldSample> out = new ArrayList<>(dataset.size());
        for (String id : dataset.ids()) {
            Path labels = target.truthPath(dataset.dir(), id);
            if (!Files.isRegularFile(labels)) {
                throw new IllegalArgumentException(labels + ": missing; segmentation networks train on a synthetic "
                        + "atlas with true label images (hpacell synth)");
            }
            out.add(new OnDisk(dataset, id, labels));
        }
        return out;
    }

    /** Fields {@code 0 .. params.images() - 1} of a synthetic atlas generated in memory. */
    public static List<FieldSample> generate(SynthParams params, SegmentationTarget target) {
        FieldGenerator generator = new FieldGenerator(params.validate());
        List<FieldSample> out = new ArrayList<>(params.images());
        for (int i = 0; i < params.images(); i++) {
            SyntheticField f = generator.generate(i);
            out.add(new InMemorySample(f.image(), LabelSet.EMPTY,
                    target == SegmentationTarget.NUCLEI ? f.nuclei() : f.cells()));
        }
        return out;
    }
}
