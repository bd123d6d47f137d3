package org.hpacell.synth;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntPredicate;
import org.hpacell.atlas.Location;
import org.hpacell.image.Channel;
import org.junit.jupiter.api.Test;

/**
 * Each class's protein sits where the class says. Every test makes fields whose cells all carry the one
 * class (no heterogeneity, no unspecific haze, nearly noise-free optics) and measures the green channel
 * in compartments found from the truth label images.
 */
class ProteinPatternTest {
    private static final int SIZE = 192;
    private static final int FIELDS = 3;

    /** Green and compartments of the fields of one class, concatenated. */
    private static final class Sample {
        final double[] green;
        final int[] cells, nuclei;
        final float[] edge, nucDist, red, yellow;
        final boolean[] mitotic;
        final double rn;

        Sample(Location cls) {
            SynthParams p = clean(cls);
            FieldGenerator gen = new FieldGenerator(p);
            int n = SIZE * SIZE;
            green = new double[FIELDS * n];
            red = new float[FIELDS * n];
            yellow = new float[FIELDS * n];
            cells = new int[FIELDS * n];
            nuclei = new int[FIELDS * n];
            edge = new float[FIELDS * n];
            nucDist = new float[FIELDS * n];
            mitotic = new boolean[FIELDS * n];
            double nucArea = 0;
            int nucCount = 0;
            for (int f = 0; f < FIELDS; f++) {
                SyntheticField sf = gen.generate(f);
                int[] c = sf.cells().array(), nu = sf.nuclei().array();
                float[] e = ChamferDistance.toEdge(SIZE, SIZE, c);
                float[] inner = ChamferDistance.toEdge(SIZE, SIZE, nu);
                float[] outer = ChamferDistance.toSeeds(SIZE, SIZE, c, nu);
                float[] g = sf.image().channel(Channel.GREEN);
                for (int i = 0; i < n; i++) {
                    int j = f * n + i;
                    green[j] = g[i];
                    red[j] = sf.image().channel(Channel.RED)[i];
                    yellow[j] = sf.image().channel(Channel.YELLOW)[i];
                    // Distinct ids across fields: field f's cell k becomes f * 1000 + k.
                    cells[j] = c[i] == 0 ? 0 : f * 1000 + c[i];
                    nuclei[j] = nu[i] == 0 ? 0 : f * 1000 + nu[i];
                    edge[j] = e[i];
                    nucDist[j] = nu[i] != 0 ? -inner[i] : outer[i];
                    mitotic[j] = c[i] != 0 && sf.isMitotic(c[i]);
                    if (nu[i] != 0) nucArea++;
                }
                for (int id = 1; id <= sf.cellCount(); id++) {
                    if (!sf.isMitotic(id)) nucCount++;
                }
            }
            rn = Math.sqrt(nucArea / Math.max(1, nucCount) / Math.PI);
        }

        double mean(IntPredicate where) {
            double s = 0;
            long n = 0;
            for (int i = 0; i < green.length; i++) {
                if (where.test(i)) {
                    s += green[i];
                    n++;
                }
            }
            assertTrue(n > 0, "no pixels in the compartment");
            return s / n;
        }

        double quantile(IntPredicate where, double q) {
            double[] v = Arrays.stream(indices(where)).mapToDouble(i -> green[i]).sorted().toArray();
            return v[(int) Math.min(v.length - 1, q * v.length)];
        }

        int[] indices(IntPredicate where) {
            return java.util.stream.IntStream.range(0, green.length).filter(where).toArray();
        }

        boolean nucleus(int i) {
            return nuclei[i] != 0;
        }

        boolean cytoplasm(int i) {
            return cells[i] != 0 && nuclei[i] == 0;
        }

        boolean cell(int i) {
            return cells[i] != 0;
        }

        /** Pearson correlation of green with another channel over the given pixels. */
        double correlation(float[] other, IntPredicate where) {
            int[] idx = indices(where);
            double mx = 0, my = 0;
            for (int i : idx) {
                mx += green[i];
                my += other[i];
            }
            mx /= idx.length;
            my /= idx.length;
            double sxy = 0, sxx = 0, syy = 0;
            for (int i : idx) {
                double a = green[i] - mx, b = other[i] - my;
                sxy += a * b;
                sxx += a * a;
                syy += b * b;
            }
            return sxy / Math.sqrt(sxx * syy);
        }
    }

    private static final Map<Location, Sample> CACHE = new HashMap<>();

    private static synchronized Sample sample(Location l) {
        return CACHE.computeIfAbsent(l, Sample::new);
    }

    /** Fields whose every cell has exactly class {@code cls}, through nearly clean optics. */
    static SynthParams clean(Location cls) {
        double[] freq = new double[Location.COUNT];
        freq[cls.index()] = 1;
        Map<String, String> o = new HashMap<>();
        o.put("labels.classFrequencies", Arrays.toString(freq));
        o.put("labels.classesPerImage", "[1,0,0]");
        o.put("labels.heterogeneity", "0");
        o.put("labels.mitoticRate", "0");
        o.put("labels.spindleShare", "0.4");
        o.put("stains.nonspecific", "0");
        o.put("stains.cellCv", "0.1");
        o.put("optics.photons", "1e9");
        o.put("optics.readNoise", "0");
        o.put("optics.blackLevel", "0");
        o.put("optics.background", "0");
        o.put("optics.illumination", "0");
        o.put("optics.exposureMin", "1");
        o.put("optics.exposureMax", "1");
        return SynthParams.defaults(100 + cls.index(), FIELDS, SIZE, 16).withOverrides(o);
    }

    private static void ratio(String what, double high, double low, double atLeast) {
        assertTrue(high > atLeast * low, what + ": " + high + " vs " + low + " (want x" + atLeast + ")");
    }

    @Test
    void nucleoplasmFillsNucleiSparingNucleoli() {
        Sample s = sample(Location.NUCLEOPLASM);
        ratio("nucleus vs cytoplasm", s.mean(s::nucleus), s.mean(s::cytoplasm), 5);
        // Nucleoli are spared: the darkest 3% of the nucleus is far below its median.
        ratio("nucleus median vs 3rd percentile", s.quantile(s::nucleus, 0.5), s.quantile(s::nucleus, 0.03), 1.8);
    }

    @Test
    void nuclearMembraneIsARimOfTheNucleus() {
        Sample s = sample(Location.NUCLEAR_MEMBRANE);
        double rim = s.mean(i -> s.cell(i) && Math.abs(s.nucDist[i]) <= 1.5);
        ratio("rim vs nucleus interior", rim, s.mean(i -> s.nucDist[i] < -0.4 * s.rn), 4);
        ratio("rim vs cytoplasm", rim, s.mean(i -> s.cytoplasm(i) && s.nucDist[i] > 0.4 * s.rn), 4);
    }

    /**
     * A nuclear class: its nuclei are {@code overCytoplasm} times brighter than its cytoplasm, and
     * within the nucleus quantile {@code high} is {@code factor} times quantile {@code low} (spots).
     */
    private static void nuclearSpots(Location l, double overCytoplasm, double high, double low, double factor) {
        Sample s = sample(l);
        ratio(l + ": nucleus vs cytoplasm", s.mean(s::nucleus), s.mean(s::cytoplasm), overCytoplasm);
        ratio(l + ": nucleus quantile " + high + " vs " + low, s.quantile(s::nucleus, high),
                s.quantile(s::nucleus, low) + 1, factor);
    }

    @Test
    void nucleoliAreBrightBlobsInTheNucleus() {
        nuclearSpots(Location.NUCLEOLI, 3, 0.97, 0.5, 4);
    }

    @Test
    void fibrillarCentresAreSmallDotsInTheNucleus() {
        nuclearSpots(Location.NUCLEOLI_FIBRILLAR_CENTER, 3, 0.995, 0.8, 4);
    }

    @Test
    void speckleAndBodiesAreNuclearSpots() {
        nuclearSpots(Location.NUCLEAR_SPECKLES, 3, 0.95, 0.5, 1.8);
        nuclearSpots(Location.NUCLEAR_BODIES, 3, 0.995, 0.5, 5);
    }

    @Test
    void reticulumAndMicrotubulesFollowTheirStains() {
        Sample er = sample(Location.ENDOPLASMIC_RETICULUM);
        double cErYellow = er.correlation(er.yellow, er::cell);
        assertTrue(cErYellow > 0.7, "ER green follows yellow: r = " + cErYellow);
        Sample mt = sample(Location.MICROTUBULES);
        double cMtRed = mt.correlation(mt.red, i -> mt.cell(i) && !mt.mitotic[i]);
        assertTrue(cMtRed > 0.7, "microtubule green follows red: r = " + cMtRed);
        assertTrue(er.correlation(er.red, er::cell) < cErYellow, "ER follows yellow more than red");
    }

    @Test
    void golgiIsAPerinuclearCap() {
        Sample s = sample(Location.GOLGI_APPARATUS);
        double near = s.mean(i -> s.cytoplasm(i) && s.nucDist[i] < 0.5 * s.rn);
        ratio("near vs far cytoplasm", near, s.mean(i -> s.cytoplasm(i) && s.nucDist[i] > 1.0 * s.rn), 4);
        ratio("near cytoplasm vs nucleus", near, s.mean(s::nucleus), 4);
    }

    @Test
    void filamentsAreCytoplasmicAndActinCrossesTheCell() {
        Sample inf = sample(Location.INTERMEDIATE_FILAMENTS);
        ratio("intermediate filaments: cytoplasm vs nucleus", inf.mean(inf::cytoplasm), inf.mean(inf::nucleus), 4);
        Sample actin = sample(Location.ACTIN_FILAMENTS);
        ratio("actin: cell rim vs interior", actin.mean(i -> actin.cell(i) && actin.edge[i] <= 1.5),
                actin.mean(i -> actin.cell(i) && actin.edge[i] > 4), 1.5);
        // Stress fibres run under the nucleus too, unlike intermediate filaments.
        double actinOverNucleus = actin.mean(actin::nucleus) / actin.mean(actin::cytoplasm);
        double ifOverNucleus = inf.mean(inf::nucleus) / inf.mean(inf::cytoplasm);
        ratio("nucleus share: actin vs intermediate filaments", actinOverNucleus, ifOverNucleus, 3);
    }

    @Test
    void spindleOnlyInMitoticCells() {
        Sample s = sample(Location.MITOTIC_SPINDLE);
        assertTrue(Arrays.stream(s.indices(i -> s.mitotic[i])).count() > 0, "fields with spindle have mitotic cells");
        ratio("mitotic vs interphase cells", s.mean(i -> s.mitotic[i]), s.mean(i -> s.cell(i) && !s.mitotic[i]) + 1, 10);
    }

    @Test
    void centrosomeAndAggresomeAreBrightSpotsBesideTheNucleus() {
        for (Location l : new Location[] {Location.CENTROSOME, Location.AGGRESOME}) {
            Sample s = sample(l);
            double top = s.quantile(s::cell, 0.998);
            int[] bright = s.indices(i -> s.cell(i) && s.green[i] >= top);
            long beside = Arrays.stream(bright).filter(i -> s.nucDist[i] > -0.15 * s.rn && s.nucDist[i] < 0.9 * s.rn).count();
            assertTrue(beside > 0.8 * bright.length, l + ": brightest pixels beside the nucleus " + beside + "/" + bright.length);
            ratio(l + ": 99.8th vs median", top, s.quantile(s::cell, 0.5) + 1, 10);
        }
    }

    @Test
    void plasmaMembraneIsTheCellRim() {
        Sample s = sample(Location.PLASMA_MEMBRANE);
        ratio("edge vs interior", s.mean(i -> s.cell(i) && s.edge[i] <= 1.5), s.mean(i -> s.cell(i) && s.edge[i] > 5), 4);
    }

    @Test
    void mitochondriaVesiclesAndCytosolAreCytoplasmic() {
        for (Location l : new Location[] {Location.MITOCHONDRIA, Location.VESICLES, Location.CYTOSOL}) {
            Sample s = sample(l);
            ratio(l + ": cytoplasm vs nucleus", s.mean(s::cytoplasm), s.mean(s::nucleus) + 1, 3);
        }
        Sample mito = sample(Location.MITOCHONDRIA);
        ratio("mitochondria denser near the nucleus", mito.mean(i -> mito.cytoplasm(i) && mito.nucDist[i] < 0.8 * mito.rn),
                mito.mean(i -> mito.cytoplasm(i) && mito.nucDist[i] > 1.6 * mito.rn), 1.3);
        Sample ves = sample(Location.VESICLES);
        Sample cyt = sample(Location.CYTOSOL);
        double vesSpread = ves.quantile(ves::cytoplasm, 0.99) / (ves.quantile(ves::cytoplasm, 0.5) + 1);
        double cytSpread = cyt.quantile(cyt::cytoplasm, 0.99) / (cyt.quantile(cyt::cytoplasm, 0.5) + 1);
        ratio("vesicles are punctate, cytosol diffuse", vesSpread, cytSpread, 2);
    }

    @Test
    void negativeCellsShowNoProtein() {
        Sample s = sample(Location.NEGATIVE);
        assertTrue(s.mean(s::cell) < 0.02 * sample(Location.CYTOSOL).mean(i -> true) + 1, "negative is dark");
    }
}
