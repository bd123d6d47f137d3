/**
 * The HTML report of a pipeline run or of predictions alone ({@code hpacell report}, also written by
 * {@code hpacell pipeline} and {@code hpacell demo}): one self-contained page a person reads to judge a
 * run - the summary of cell-level mAP per method, the predicted cells of test fields (with their class
 * activation maps for a run), per-class AP and precision-recall curves, training curves, the class
 * distribution, the config and provenance. {@link org.hpacell.report.RunReport} makes it from
 * {@link org.hpacell.report.ReportInputs}, choosing the sections by what the inputs hold.
 */
package org.hpacell.report;
