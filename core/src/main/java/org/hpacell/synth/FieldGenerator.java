package org.hpacell.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.hpacell.atlas.LabelSet;
import org.hpacell.atlas.Location;
import org.hpacell.image.Channel;
import org.hpacell.image.FieldImage;
import org.hpacell.image.LabelImage;

/**
 * Generates field {@code i} of a synthetic dataset: a pure function of the parameters and {@code i}.
 * Thread-safe (holds no mutable state), so one generator serves every worker thread.
 *
 * <p>Each stage draws from its own generator split off the field's ({@link FieldSeeds}) in a fixed
 * order: labels, layout, textures, stains, protein, optics.
 */
public final class FieldGenerator {
    private final SynthParams params;
    private final CellLayout layout;
    private final LabelPlanner planner;

    public FieldGenerator(SynthParams params) {
        this.params = params.validate();
        this.layout = new CellLayout(params);
        this.planner = new LabelPlanner(params);
    }

    public SynthParams params() {
        return params;
    }

    /** The id of field {@code index}: {@code synth-000042}. */
    public static String fieldId(long index) {
        return String.format(Locale.ROOT, "synth-%06d", index);
    }

    /** Generates field {@code index}. */
    public SyntheticField generate(long index) {
        SplittableRandom root = FieldSeeds.forField(params.seed(), index);
        SplittableRandom labelRng = root.split();
        SplittableRandom layoutRng = root.split();
        SplittableRandom textureRng = root.split();
        SplittableRandom stainRng = root.split();
        SplittableRandom proteinRng = root.split();
        SplittableRandom opticsRng = root.split();
        int size = params.size();

        LabelSet field = planner.fieldClasses(labelRng);
        boolean spindle = field.contains(Location.MITOTIC_SPINDLE);
        double mitoticShare = spindle
                ? Math.max(params.labels().mitoticRate(), params.labels().spindleShare())
                : params.labels().mitoticRate();
        int n = layout.drawCount(layoutRng);
        double refRadius = layout.referenceRadius(n);
        List<CellPlan> plans = layout.plan(layoutRng, n, mitoticShare, spindle);
        Textures tex = new Textures(size, params.cells().nucleusScale() * refRadius, textureRng);
        FieldGeometry g = Tessellation.build(size, plans, refRadius, params.cells().roughness(), tex.rough, tex.fine,
                layoutRng);
        planner.assign(g.plans, field, params.stains().green(), labelRng);

        StainRenderer stains = new StainRenderer(g, tex);
        float[] blue = stains.nuclei(stainRng);
        float[] red = stains.microtubules(stainRng);
        float[] yellow = stains.reticulum();
        PatternContext ctx = new PatternContext(g, tex, red, yellow, proteinRng);
        float[] green = ProteinRenderer.paint(ctx, params.stains().nonspecific() * params.stains().green());

        Optics optics = new Optics(params, g.unit, opticsRng);
        float[][] channels = new float[Channel.COUNT][];
        channels[Channel.RED.ordinal()] = optics.image(red, params.stains().red());
        channels[Channel.GREEN.ordinal()] = optics.image(green, 1.0);
        channels[Channel.BLUE.ordinal()] = optics.image(blue, params.stains().blue());
        channels[Channel.YELLOW.ordinal()] = optics.image(yellow, params.stains().yellow());
        FieldImage image = new FieldImage(fieldId(index), size, size, params.bitDepth(), channels);

        List<LabelSet> labels = new ArrayList<>(g.plans.size());
        boolean[] mitotic = new boolean[g.plans.size()];
        for (CellPlan c : g.plans) {
            labels.add(c.labels);
            mitotic[c.id - 1] = c.mitotic;
        }
        return new SyntheticField(image, new LabelImage(size, size, g.cells), new LabelImage(size, size, g.nuclei),
                labels, mitotic);
    }
}
