/**
 * What a result was made from, and who is making it: fingerprints of input folders and config sections
 * ({@link org.hpacell.identity.Fingerprints}), the identity of one stage of a job
 * ({@link org.hpacell.identity.StageIdentity}), hpacell's version ({@link org.hpacell.identity.HpacellVersion})
 * and the lock that keeps two runs out of one output folder ({@link org.hpacell.identity.OutputLock}).
 */
package org.hpacell.identity;
