/**
 * hpacell on Apache Spark: the prediction pipeline ({@code hpacell-spark predict}) and CAM extraction
 * ({@code hpacell-spark cams}) distributed over the fields of a dataset on any Hadoop-compatible file
 * system.
 *
 * <p>The driver lists the fields and cuts them into partitions; each executor JVM loads the models once
 * per concurrent task ({@link org.hpacell.spark.ModelPool}) and streams its fields through the very
 * per-field step the single-JVM commands use ({@link org.hpacell.predict.PredictionPipeline#predict},
 * {@link org.hpacell.cam.CamJob#maps}), so a cluster run and {@code hpacell predict} agree by
 * construction. A field that fails becomes a row of the errors table; the job goes on. Every row depends
 * only on its field, and results reach the output through Spark's commit protocol, so a retried task
 * neither duplicates nor loses rows.
 */
package org.hpacell.spark;
