package org.hpacell.train.data;

import java.util.Objects;
import java.util.Optional;
import org.hpacell.atlas.LabelSet;
import org.hpacell.image.FieldImage;
import org.hpacell.image.LabelImage;

/**
 * A {@link FieldSample} whose image (and optionally cell label image) is already in memory, e.g. a
 * synthetic field generated for a test or a demo.
 */
public record InMemorySample(FieldImage field, LabelSet labels, LabelImage cellImage) implements FieldSample {
    public InMemorySample {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(labels, "labels");
    }

    /** A sample without cells. */
    public InMemorySample(FieldImage field, LabelSet labels) {
        this(field, labels, null);
    }

    @Override
    public String id() {
        return field.id();
    }

    @Override
    public FieldImage image() {
        return field;
    }

    @Override
    public Optional<LabelImage> cells() {
        return Optional.ofNullable(cellImage);
    }
}
