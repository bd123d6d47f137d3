/** Throughput of the Spark jobs on synthetic fields with models trained on the spot. */
package org.hpacell.spark.bench;
