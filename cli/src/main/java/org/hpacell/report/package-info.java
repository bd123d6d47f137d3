/**
 * The HTML report of a pipeline run ({@code hpacell report}, also written by {@code hpacell pipeline} and
 * {@code hpacell demo}): one self-contained page a person reads to judge a run - the summary of cell-level
 * mAP per method, the predicted cells of test fields with their class activation maps, per-class AP and
 * precision-recall curves, training curves, the class distribution, the config and provenance.
 * {@link org.hpacell.report.RunReport} makes it from {@link org.hpacell.report.ReportInputs}.
 */
package org.hpacell.report;
