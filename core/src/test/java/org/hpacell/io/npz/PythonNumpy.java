package org.hpacell.io.npz;

import java.util.List;
import java.util.concurrent.TimeUnit;

/** Finds a Python interpreter that can import NumPy, for tests that check files open in NumPy. */
final class PythonNumpy {
    private PythonNumpy() {
    }

    /** {@code /usr/bin/python3} or {@code python3} on the PATH if it imports numpy, else null. */
    static String find() {
        for (String candidate : List.of("/usr/bin/python3", "python3")) {
            try {
                Process p = new ProcessBuilder(candidate, "-c", "import numpy").redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                if (p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    return candidate;
                }
            } catch (Exception e) {
                // not installed or not runnable: try the next one
            }
        }
        return null;
    }
}
