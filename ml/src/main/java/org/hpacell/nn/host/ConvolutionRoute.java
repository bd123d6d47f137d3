package org.hpacell.nn.host;

import java.util.Locale;

/**
 * How hpacell's 1x1 convolutions run, and why: through libtorch's convolution (oneDNN), or as a matrix
 * product over the channels.
 *
 * <p>The two compute the same function. A 1x1 convolution of channels-last activations is exactly the
 * product of the {@code (N*H*W) x Cin} pixel matrix with the transposed {@code Cout x Cin} weight matrix
 * (a stride first subsamples the pixels), so the matrix route runs the same arithmetic in another order
 * of summation, with the same autograd graph shape (one product forward, two backward).
 *
 * <p>Why a second route: oneDNN 3.7.1 (inside libtorch 2.7.1) chooses the blocking of its brgemm 1x1
 * convolution kernels from the CPU's cache sizes, and on a host that reports none it divides by zero
 * ({@code brg_blocking_t::est_eff_1x1}, SIGFPE), which kills the JVM. Those kernels run at AVX2 and above.
 * {@link #decide} picks the matrix route on exactly such hosts and oneDNN everywhere else.
 */
public enum ConvolutionRoute {
    /** libtorch's convolution, with oneDNN's kernels. */
    ONEDNN("onednn"),
    /** A matrix product over the channels (PyTorch's GEMM); no oneDNN convolution kernel runs. */
    MATRIX_PRODUCT("matmul");

    /** The system property that overrides the choice ({@code auto}, {@code onednn}, {@code matmul}). */
    public static final String PROPERTY = "hpacell.conv1x1";
    /** The environment variable that overrides the choice when the property is not set. */
    public static final String ENVIRONMENT = "HPACELL_CONV1X1";

    private final String key;

    ConvolutionRoute(String key) {
        this.key = key;
    }

    /** The name a user gives in {@link #PROPERTY} or {@link #ENVIRONMENT}. */
    public String key() {
        return key;
    }

    /**
     * A choice and its reason.
     *
     * @param route      the route of the 1x1 convolutions
     * @param overridden whether the user chose it
     * @param reason     one sentence on why
     */
    public record Decision(ConvolutionRoute route, boolean overridden, String reason) {
        /** Whether the choice is worth telling the user (anything but oneDNN on a healthy host). */
        public boolean notable() {
            return route != ONEDNN || overridden;
        }
    }

    /**
     * Chooses the route of the 1x1 convolutions.
     *
     * @param host      the CPU's facts
     * @param override  the user's choice ({@code auto}, {@code onednn}, {@code matmul}; null or blank = auto)
     * @param maxIsa    the {@code ONEDNN_MAX_CPU_ISA} in effect, or null: a cap below AVX2 keeps oneDNN away
     *                  from its brgemm kernels, so oneDNN is then safe
     * @throws IllegalArgumentException naming the setting if {@code override} is none of the three
     */
    public static Decision decide(CpuFacts host, String override, String maxIsa) {
        String o = override == null ? "" : override.trim().toLowerCase(Locale.ROOT);
        switch (o) {
            case "", "auto" -> {
            }
            case "onednn" -> {
                return new Decision(ONEDNN, true, "1x1 convolutions run on oneDNN as " + PROPERTY + "/" + ENVIRONMENT
                        + " asks");
            }
            case "matmul" -> {
                return new Decision(MATRIX_PRODUCT, true, "1x1 convolutions run as matrix products as "
                        + PROPERTY + "/" + ENVIRONMENT + " asks");
            }
            default -> throw new IllegalArgumentException(PROPERTY + "/" + ENVIRONMENT + ": unknown value '" + override
                    + "' (known: auto, onednn, matmul)");
        }
        if (!host.x86_64() || host.cacheSizesReported()) {
            return new Decision(ONEDNN, false, "the CPU reports its cache sizes");
        }
        if (!host.avx2()) {
            return new Decision(ONEDNN, false, "the CPU has no AVX2, so oneDNN's brgemm kernels do not run");
        }
        if (maxIsa != null && isaBelowAvx2(maxIsa)) {
            return new Decision(ONEDNN, false, "ONEDNN_MAX_CPU_ISA=" + maxIsa + " keeps oneDNN below AVX2");
        }
        return new Decision(MATRIX_PRODUCT, false, "this CPU reports no cache sizes, on which oneDNN 3.7.1's 1x1 "
                + "convolutions divide by zero; they run as matrix products instead");
    }

    private static boolean isaBelowAvx2(String isa) {
        String i = isa.trim().toUpperCase(Locale.ROOT);
        return i.equals("SSE41") || i.equals("AVX");
    }
}
