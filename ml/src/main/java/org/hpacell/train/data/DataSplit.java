package org.hpacell.train.data;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A deterministic train/validation split: fields are sorted by id, ranked by a seeded hash of the id,
 * and the first {@code fraction} go to validation. The split depends only on the ids and the seed (not
 * on the order the source lists them), so a resumed run and a prediction job agree on it.
 */
public record DataSplit(List<FieldSample> train, List<FieldSample> validation) {

    public static DataSplit of(List<? extends FieldSample> samples, double fraction, long seed) {
        List<FieldSample> sorted = new ArrayList<>(samples);
        sorted.sort(Comparator.comparing(FieldSample::id));
        List<FieldSample> ranked = new ArrayList<>(sorted);
        ranked.sort(Comparator.comparingLong(s -> Seeds.derive(seed, s.id().hashCode(), s.id().length())));
        int nVal = (int) Math.round(fraction * ranked.size());
        if (fraction > 0 && ranked.size() >= 2) {
            nVal = Math.max(1, Math.min(nVal, ranked.size() - 1));
        }
        List<FieldSample> val = new ArrayList<>(ranked.subList(0, nVal));
        List<FieldSample> train = new ArrayList<>(ranked.subList(nVal, ranked.size()));
        Comparator<FieldSample> byId = Comparator.comparing(FieldSample::id);
        val.sort(byId);
        train.sort(byId);
        return new DataSplit(List.copyOf(train), List.copyOf(val));
    }
}
