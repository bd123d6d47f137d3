package org.hpacell.nn.host;

import java.io.PrintStream;

/**
 * The process-wide engine choices for this host, decided once from {@link CpuFacts#ofThisHost()} and the
 * user's override before the first convolution runs, and announced once on standard error in one line when
 * they differ from the engine's defaults ({@code hpacell.verbose=true} adds the CPU facts behind it).
 */
public final class EngineHost {
    /** The system property that asks for the detail behind the choice. */
    public static final String VERBOSE_PROPERTY = "hpacell.verbose";

    private EngineHost() {}

    private static final class Holder {
        static final ConvolutionRoute.Decision DECISION = decideAndAnnounce(System.err);
    }

    /** The route of 1x1 convolutions in this process. */
    public static ConvolutionRoute conv1x1() {
        return Holder.DECISION.route();
    }

    /** The decision of this process, with its reason. */
    public static ConvolutionRoute.Decision decision() {
        return Holder.DECISION;
    }

    static ConvolutionRoute.Decision decideAndAnnounce(PrintStream err) {
        CpuFacts host = CpuFacts.ofThisHost();
        String override = System.getProperty(ConvolutionRoute.PROPERTY, System.getenv(ConvolutionRoute.ENVIRONMENT));
        ConvolutionRoute.Decision d = ConvolutionRoute.decide(host, override, System.getenv("ONEDNN_MAX_CPU_ISA"));
        boolean verbose = Boolean.getBoolean(VERBOSE_PROPERTY);
        if (d.notable() || verbose) {
            err.println("hpacell: " + d.reason() + (d.overridden() ? "" : " (override: " + ConvolutionRoute.ENVIRONMENT
                    + "=onednn|matmul)") + (verbose ? "; host: " + host.describe() : ""));
        }
        return d;
    }
}
