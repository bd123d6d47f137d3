package org.hpacell.synth;

import java.util.EnumMap;
import java.util.Map;
import org.hpacell.atlas.Location;

/**
 * Paints the protein (green) of a field: a faint unspecific haze in every cell, then each class of
 * each cell with its {@link ProteinPattern} at the cell's level for that class.
 */
final class ProteinRenderer {
    private static final Map<Location, ProteinPattern> PATTERNS = new EnumMap<>(Location.class);

    static {
        PATTERNS.put(Location.NUCLEOPLASM, NuclearPatterns::nucleoplasm);
        PATTERNS.put(Location.NUCLEAR_MEMBRANE, NuclearPatterns::nuclearMembrane);
        PATTERNS.put(Location.NUCLEOLI, NuclearPatterns::nucleoli);
        PATTERNS.put(Location.NUCLEOLI_FIBRILLAR_CENTER, NuclearPatterns::fibrillarCenter);
        PATTERNS.put(Location.NUCLEAR_SPECKLES, NuclearPatterns::speckles);
        PATTERNS.put(Location.NUCLEAR_BODIES, NuclearPatterns::nuclearBodies);
        PATTERNS.put(Location.ENDOPLASMIC_RETICULUM, CytoplasmicPatterns::reticulum);
        PATTERNS.put(Location.GOLGI_APPARATUS, CytoplasmicPatterns::golgi);
        PATTERNS.put(Location.INTERMEDIATE_FILAMENTS, FilamentPatterns::intermediateFilaments);
        PATTERNS.put(Location.ACTIN_FILAMENTS, FilamentPatterns::actin);
        PATTERNS.put(Location.MICROTUBULES, FilamentPatterns::microtubules);
        PATTERNS.put(Location.MITOTIC_SPINDLE, FilamentPatterns::mitoticSpindle);
        PATTERNS.put(Location.CENTROSOME, CytoplasmicPatterns::centrosome);
        PATTERNS.put(Location.PLASMA_MEMBRANE, CytoplasmicPatterns::plasmaMembrane);
        PATTERNS.put(Location.MITOCHONDRIA, CytoplasmicPatterns::mitochondria);
        PATTERNS.put(Location.AGGRESOME, CytoplasmicPatterns::aggresome);
        PATTERNS.put(Location.CYTOSOL, CytoplasmicPatterns::cytosol);
        PATTERNS.put(Location.VESICLES, CytoplasmicPatterns::vesicles);
        PATTERNS.put(Location.NEGATIVE, CytoplasmicPatterns::negative);
    }

    private ProteinRenderer() {
    }

    /**
     * The protein density of the field.
     *
     * @param haze level of the unspecific signal every cell shows
     */
    static float[] paint(PatternContext ctx, double haze) {
        for (CellPlan c : ctx.g.plans) {
            ctx.fill(c, Region.CELL, haze, (x, y, i) ->
                    (ctx.g.nuclei[i] == c.id ? 0.6 : 1.0) * (0.4 + 0.6 * ctx.tex.fine[i]));
            for (Location l : c.labels) {
                PATTERNS.get(l).paint(ctx, c, c.level[l.index()]);
            }
        }
        return ctx.canvas.data;
    }
}
