package org.hpacell.cli;

import java.util.function.IntSupplier;
import org.hpacell.nn.host.EngineHost;
import org.hpacell.train.EngineLog;
import picocli.CommandLine;

/**
 * The engine's logging during a command. By default neither DJL's warnings (for example "Failed to detect GPU
 * count" on a host without CUDA; {@code simplelogger.properties} sets {@code ai.djl} to {@code error}) nor
 * libtorch's own C++ warnings reach the output; with {@code --verbose} both do. libtorch's threshold follows
 * {@code TORCH_CPP_LOG_LEVEL} when it is set, as in PyTorch ({@link EngineLog#choose}).
 */
final class EngineLogging {
    /** The SLF4J simple logger's level for DJL's loggers; a system property overrides the properties file. */
    static final String DJL_LEVEL = "org.slf4j.simpleLogger.log.ai.djl";

    private EngineLogging() {
    }

    /**
     * Loads the engine with the run's logging, then runs {@code command}. A verbose run raises DJL's loggers
     * to {@code warn} while it lasts (loggers take their level when they are created, which for DJL's is
     * while the engine loads).
     */
    static int run(boolean verbose, CommandLine cl, IntSupplier command) {
        boolean raise = verbose && System.getProperty(DJL_LEVEL) == null;
        if (raise) {
            System.setProperty(DJL_LEVEL, "warn");
        }
        if (verbose) {
            System.setProperty(EngineHost.VERBOSE_PROPERTY, "true");
        }
        try {
            try {
                // the host's engine choices are made (and said, once) before the engine loads
                EngineHost.decision();
                EngineLog.apply(EngineLog.choose(System.getenv(EngineLog.ENV), verbose));
            } catch (RuntimeException e) {
                throw new CommandLine.ExecutionException(cl, e.getMessage(), e);
            }
            return command.getAsInt();
        } finally {
            if (raise) {
                System.clearProperty(DJL_LEVEL);
            }
        }
    }
}
