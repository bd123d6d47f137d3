package org.hpacell.metric;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The headline figure of every evaluation with cell truth: the fraction of the gap between broadcasting
 * the image labels to every cell and the segmentation-limited ceiling that a method recovers,
 * {@code (mAP - broadcast) / (ceiling - broadcast)}. 0 is no better than the image labels, 1 is as good as
 * any cell model can be on that segmentation; negative is worse than broadcasting.
 */
public final class GapRecovered {
    /** The broadcast baseline's name in an evaluation table. */
    public static final String BROADCAST = "image labels broadcast";
    /** The ceiling's name in an evaluation table. */
    public static final String CEILING = "segmentation-limited ceiling";

    private GapRecovered() {}

    /**
     * The fraction of the gap {@code map} recovers, or empty when the table has no broadcast or ceiling
     * row, or the ceiling is not above the broadcast (there is no gap to recover).
     */
    public static OptionalDouble of(double map, Map<String, Double> table) {
        Double broadcast = table.get(BROADCAST);
        Double ceiling = table.get(CEILING);
        if (broadcast == null || ceiling == null || !(ceiling - broadcast > 1e-9)) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of((map - broadcast) / (ceiling - broadcast));
    }

    /** Every row's gap recovered, by method (rows without one are left out). */
    public static Map<String, Double> all(Map<String, Double> table) {
        Map<String, Double> out = new LinkedHashMap<>();
        table.forEach((k, v) -> of(v, table).ifPresent(g -> out.put(k, g)));
        return out;
    }

    /** The table as text, one method a line: name, mAP and (where defined) the gap recovered in percent. */
    public static String format(Map<String, Double> table) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-52s %12s %14s%n", "method", "cell mAP@0.6", "gap recovered"));
        table.forEach((k, v) -> {
            OptionalDouble g = of(v, table);
            sb.append(String.format(Locale.ROOT, "%-52s %12.4f %14s%n", k, v,
                    g.isPresent() ? String.format(Locale.ROOT, "%.0f%%", 100 * g.getAsDouble()) : "-"));
        });
        return sb.toString();
    }
}
