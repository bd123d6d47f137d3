package org.hpacell.nn.weights;

import java.util.List;

/**
 * What a weight import did.
 *
 * @param loaded network parameters set from the file (including expanded ones)
 * @param expanded parameters whose input channels were expanded (see {@link ImportOptions})
 * @param skipped file entries skipped by the options (and {@code num_batches_tracked})
 * @param kept network parameters absent from the file that kept their values, as allowed
 */
public record ImportReport(List<String> loaded, List<String> expanded, List<String> skipped, List<String> kept) {
    public ImportReport {
        loaded = List.copyOf(loaded);
        expanded = List.copyOf(expanded);
        skipped = List.copyOf(skipped);
        kept = List.copyOf(kept);
    }
}
