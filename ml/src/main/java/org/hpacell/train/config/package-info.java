/**
 * The training configuration: one JSON file holding every hyper-parameter of a run, bound to small
 * section classes with Jackson; unknown keys are errors, so a misspelt key never silently falls back to a
 * default. The resolved configuration (defaults filled in) is saved in each run directory.
 */
package org.hpacell.train.config;
