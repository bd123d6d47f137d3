/** The stage-2 methods benchmark: every stage-2 model on the CAM methods benchmark's synthetic atlas. */
package org.hpacell.stage2.bench;
