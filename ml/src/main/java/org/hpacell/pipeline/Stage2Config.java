package org.hpacell.pipeline;

import java.util.List;

/**
 * The pipeline's stage-2 method: where the cell classifier's training targets come from. The classifier
 * itself ({@code cellModel}: network, crop size, epochs) is the same for every method. {@code cellwise} is
 * the default: with crops scaled per cell it recovered 35% of the gap against 23% for {@code five-level}
 * on a 300-field atlas, whose stage-1 CAMs were weak (docs/BENCHMARKS.md, "Cell-level accuracy").
 * <ul>
 *   <li>{@code five-level}: the five-level pseudo labels graded from the stage-1 CAMs (the seed's stage 2);</li>
 *   <li>{@code cellwise}: every cell takes its field's image labels (the HPA challenge's cellwise baseline:
 *       noisy, but independent of the CAMs' quality).</li>
 * </ul>
 */
public final class Stage2Config {
    /** The methods by name. */
    public static final List<String> METHODS = List.of("five-level", "cellwise");

    /** One of {@link #METHODS}. */
    public String method = "cellwise";

    /** @throws IllegalArgumentException naming the key if the method is unknown */
    void validate() {
        if (!METHODS.contains(method)) {
            throw new IllegalArgumentException("stage2.method: unknown method '" + method + "' (known: "
                    + String.join(", ", METHODS) + ")");
        }
    }
}
