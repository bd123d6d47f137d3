package org.hpacell.train.data;

import java.util.ArrayList;
import java.util.List;
import org.hpacell.synth.FieldGenerator;
import org.hpacell.synth.SynthParams;
import org.hpacell.synth.SyntheticField;

/**
 * {@link FieldSample}s of the synthetic atlas generated in memory (for tests, demos and benchmarks that
 * need no files): each field with its image-level labels and its cell label image.
 */
public final class SynthSamples {
    private SynthSamples() {
    }

    /** Generates fields {@code 0 .. params.images() - 1} of {@code params}. */
    public static List<FieldSample> generate(SynthParams params) {
        FieldGenerator generator = new FieldGenerator(params.validate());
        List<FieldSample> out = new ArrayList<>(params.images());
        for (int i = 0; i < params.images(); i++) {
            SyntheticField f = generator.generate(i);
            out.add(new InMemorySample(f.image(), f.imageLabels(), f.cells()));
        }
        return out;
    }
}
