package org.hpacell.train.data;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.hpacell.atlas.LabelSet;
import org.hpacell.image.FieldImage;
import org.hpacell.io.HpaDataset;

/**
 * {@link FieldSample}s over a folder in the HPA layout ({@link HpaDataset}): each field is read from disk
 * when a loader thread needs it, so a dataset of any size streams.
 */
public final class HpaSamples {
    private HpaSamples() {
    }

    /** One field of a dataset; fields without a train.csv row carry the empty label set. */
    public record HpaSample(HpaDataset dataset, String id, LabelSet labels) implements FieldSample {
        @Override
        public FieldImage image() throws IOException {
            return dataset.read(id);
        }
    }

    /** The usable fields of {@code dataset} in id order (its {@link HpaDataset#problems()} are left out). */
    public static List<FieldSample> of(HpaDataset dataset) {
        List<FieldSample> out = new ArrayList<>(dataset.size());
        for (String id : dataset.ids()) {
            out.add(new HpaSample(dataset, id, dataset.labels(id).orElse(LabelSet.EMPTY)));
        }
        return out;
    }
}
