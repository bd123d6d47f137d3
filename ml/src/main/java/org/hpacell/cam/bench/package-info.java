/**
 * The methods comparison of the CAM family: every method trained on the same synthetic atlas with the
 * same backbone and budget, scored at cell level with the challenge's metric.
 */
package org.hpacell.cam.bench;
