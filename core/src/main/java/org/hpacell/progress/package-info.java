/** Progress reporting from long jobs, independent of how it is displayed. */
package org.hpacell.progress;
