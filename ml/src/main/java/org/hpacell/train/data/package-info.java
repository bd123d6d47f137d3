/**
 * The training data layer: a source of labelled fields ({@link org.hpacell.train.data.FieldSample}),
 * deterministic epoch orders, augmentation in pure Java over primitive arrays, the background loader
 * and the batch-builder plug-in point. All randomness comes from {@link java.util.SplittableRandom}s
 * derived from the run's seed and the sample's position ({@link org.hpacell.train.data.Seeds}), never
 * from the native engine's global generator, so the data of an epoch is the same whatever the thread
 * count and whether the run was resumed.
 */
package org.hpacell.train.data;
