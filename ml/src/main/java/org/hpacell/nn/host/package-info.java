/**
 * What the native engine needs to know about the host before it runs: the CPU's facts as the operating
 * system reports them ({@link org.hpacell.nn.host.CpuFacts}) and the convolution route chosen from them
 * ({@link org.hpacell.nn.host.ConvolutionRoute}, decided once per process by {@link
 * org.hpacell.nn.host.EngineHost}). Nothing here loads the engine: the decision is made before the
 * first convolution runs, so a host on which a native kernel would crash is never exposed to it.
 */
package org.hpacell.nn.host;
