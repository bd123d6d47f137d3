package org.hpacell.predict;

import java.util.ArrayList;
import java.util.List;
import org.hpacell.cam.cell.CellScores;

/** An ensemble of models for one field: the mean of their scores per cell and class. */
public final class CellScoreEnsemble {
    private CellScoreEnsemble() {
    }

    /**
     * @param members each model's scores of the same field's cells, in the same cell order
     * @throws IllegalArgumentException if the list is empty or the members disagree on cells or classes
     */
    public static List<CellScores> mean(List<List<CellScores>> members) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("an ensemble needs at least one member");
        }
        List<CellScores> first = members.get(0);
        List<CellScores> out = new ArrayList<>(first.size());
        float inv = 1f / members.size();
        for (int r = 0; r < first.size(); r++) {
            int id = first.get(r).cellId();
            float[] sum = new float[first.get(r).scores().length];
            for (List<CellScores> m : members) {
                if (m.size() != first.size() || m.get(r).cellId() != id || m.get(r).scores().length != sum.length) {
                    throw new IllegalArgumentException("ensemble members disagree on the cells or classes of a field: "
                            + first.size() + " cells vs " + m.size() + (m.size() == first.size()
                            ? ", cell " + id + " vs " + m.get(r).cellId() : ""));
                }
                float[] s = m.get(r).scores();
                for (int k = 0; k < sum.length; k++) {
                    sum[k] += s[k];
                }
            }
            for (int k = 0; k < sum.length; k++) {
                sum[k] *= inv;
            }
            out.add(new CellScores(id, sum));
        }
        return out;
    }
}
