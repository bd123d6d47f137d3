package org.hpacell.train;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.LibUtils;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * libtorch's own log threshold: whether its C++ warnings (for example "Could not initialize NNPACK" or
 * "AutoNonVariableTypeMode is deprecated") reach standard error.
 *
 * <p>libtorch reads {@value #ENV} only when Python's {@code torch} module initialises its logging; loaded
 * through DJL it never does, so the variable alone changes nothing. This class writes the threshold into
 * libc10's {@code FLAGS_caffe2_log_level} (the flag that variable would set) once the engine has loaded.
 */
public final class EngineLog {
    /** The environment variable PyTorch reads its C++ log level from; hpacell honours it the same way. */
    public static final String ENV = "TORCH_CPP_LOG_LEVEL";

    private static final String FLAG = "FLAGS_caffe2_log_level";

    /** libtorch's log levels, lowest first; messages below the threshold are not printed. */
    public enum Level {
        INFO, WARNING, ERROR, FATAL
    }

    private EngineLog() {
    }

    /**
     * The threshold for a run: {@value #ENV} when set ({@code INFO}, {@code WARNING}, {@code ERROR},
     * {@code FATAL} or {@code 0}-{@code 3}, as PyTorch accepts), otherwise {@code ERROR}. Verbose runs show
     * warnings: the threshold is then at most {@code WARNING}.
     *
     * @param env     the variable's value, or null when it is not set
     * @param verbose whether the user asked for detail
     * @throws IllegalArgumentException if {@code env} is not one of the accepted values
     */
    public static Level choose(String env, boolean verbose) {
        Level level = env == null || env.isBlank() ? Level.ERROR : parse(env.trim());
        return verbose && level.compareTo(Level.WARNING) > 0 ? Level.WARNING : level;
    }

    private static Level parse(String s) {
        if (s.length() == 1 && s.charAt(0) >= '0' && s.charAt(0) <= '3') {
            return Level.values()[s.charAt(0) - '0'];
        }
        try {
            return Level.valueOf(s.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(ENV + "=" + s + ": expected INFO, WARNING, ERROR, FATAL or 0-3", e);
        }
    }

    /**
     * Loads the PyTorch engine if it is not loaded yet and sets libtorch's threshold to {@code level}.
     *
     * @return whether the threshold was set (false when this libtorch build does not export the flag)
     */
    public static boolean apply(Level level) {
        return flag().map(p -> {
            p.setInt(0, level.ordinal());
            return true;
        }).orElse(false);
    }

    /** libtorch's current threshold, read back from the loaded library (empty if the flag is not exported). */
    public static Optional<Level> current() {
        return flag().map(p -> Level.values()[Math.max(0, Math.min(Level.FATAL.ordinal(), p.getInt(0)))]);
    }

    private static Optional<Pointer> flag() {
        Engine.getEngine("PyTorch");
        // The library DJL loaded: opening the same file again returns the same, already loaded, instance.
        Path c10 = Path.of(LibUtils.getLibtorchPath(), System.mapLibraryName("c10"));
        try {
            return Optional.of(NativeLibrary.getInstance(c10.toString()).getGlobalVariableAddress(FLAG));
        } catch (UnsatisfiedLinkError e) {
            return Optional.empty();
        }
    }
}
