/**
 * The synthetic protein atlas: a seeded, deterministic generator of HPA-like fields of view whose
 * cells each carry known localisation labels.
 *
 * <p>{@link org.hpacell.synth.FieldGenerator} makes one {@link org.hpacell.synth.SyntheticField}
 * from {@link org.hpacell.synth.SynthParams} and a field index: a cell layout
 * ({@link org.hpacell.synth.CellLayout}, {@link org.hpacell.synth.Tessellation}), per-cell label sets
 * ({@link org.hpacell.synth.LabelPlanner}), the reference stains ({@link org.hpacell.synth.StainRenderer}),
 * the protein patterns of the 19 classes ({@link org.hpacell.synth.ProteinRenderer}) and the optics
 * ({@link org.hpacell.synth.Optics}). Every field draws its random numbers from its own generator
 * derived from (seed, field index) ({@link org.hpacell.synth.FieldSeeds}), so a dataset is identical
 * whatever the number of threads that made it. {@link org.hpacell.synth.SynthDataset} writes datasets,
 * its PNG files through {@link org.hpacell.synth.PngEncoder}, a writer tuned for these images.
 */
package org.hpacell.synth;
