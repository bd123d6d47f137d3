package org.hpacell.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hpacell.train.EngineLog.Level;
import org.junit.jupiter.api.Test;

class EngineLogTest {

    @Test
    void quietUnlessVerboseOrTheVariableSaysOtherwise() {
        assertEquals(Level.ERROR, EngineLog.choose(null, false));
        assertEquals(Level.ERROR, EngineLog.choose(" ", false));
        assertEquals(Level.WARNING, EngineLog.choose(null, true));
        assertEquals(Level.INFO, EngineLog.choose("info", false));
        assertEquals(Level.INFO, EngineLog.choose("INFO", true), "verbose never hides what the variable shows");
        assertEquals(Level.WARNING, EngineLog.choose("FATAL", true), "verbose shows warnings");
        assertEquals(Level.FATAL, EngineLog.choose("3", false));
        assertEquals(Level.WARNING, EngineLog.choose("1", false));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EngineLog.choose("loud", false));
        assertEquals("TORCH_CPP_LOG_LEVEL=loud: expected INFO, WARNING, ERROR, FATAL or 0-3", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> EngineLog.choose("4", false));
    }

    @Test
    void writesTheThresholdIntoTheLoadedLibrary() {
        Level before = EngineLog.current().orElseThrow(() -> new AssertionError("libc10 exports no log flag"));
        try {
            assertTrue(EngineLog.apply(Level.FATAL));
            assertEquals(Level.FATAL, EngineLog.current().orElseThrow());
            assertTrue(EngineLog.apply(Level.WARNING));
            assertEquals(Level.WARNING, EngineLog.current().orElseThrow());
        } finally {
            EngineLog.apply(before);
        }
    }

    /**
     * The flag is the one libtorch's warnings obey: a fresh JVM triggers a libtorch warning (DJL's
     * {@code NDArray.set(float[])} runs under the deprecated AutoNonVariableTypeMode, which libtorch warns about
     * once) at each threshold, and its standard error is read.
     */
    @Test
    void libtorchWarningsFollowTheThreshold() throws Exception {
        String atWarning = probe(Level.WARNING);
        assertTrue(atWarning.contains("AutoNonVariableTypeMode"),
                "at WARNING libtorch should print its deprecation warning (if DJL no longer triggers it, the probe "
                        + "needs another trigger); stderr was:\n" + atWarning);
        String atError = probe(Level.ERROR);
        assertTrue(atError.contains("probe done"), atError);
        assertFalse(atError.lines().anyMatch(l -> l.startsWith("[W") || l.contains("AutoNonVariableTypeMode")),
                "at ERROR no libtorch warning; stderr was:\n" + atError);
    }

    private static String probe(Level level) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                Probe.class.getName(), level.name())).redirectErrorStream(true).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "probe JVM did not finish");
        String text = new String(out, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), text);
        return text;
    }

    /** The child JVM: sets the threshold, then runs an operation that makes libtorch warn. */
    static final class Probe {
        private Probe() {
        }

        public static void main(String[] args) {
            EngineLog.apply(Level.valueOf(args[0]));
            try (NDManager m = NDManager.newBaseManager()) {
                NDArray x = m.zeros(new Shape(2, 2));
                x.set(new float[4]);
            }
            System.out.println("probe done");
        }
    }
}
