package org.hpacell.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hpacell.nn.host.ConvolutionRoute;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each registry network runs one forward and backward pass in a JVM of its own ({@link NetworkSmoke}), so
 * a crash in native code (a SIGFPE in a oneDNN kernel on some hosts, issue 14) fails the one test that
 * names the network and the input shape instead of killing the whole test fork. The bottleneck ResNets also
 * run with their 1x1 convolutions as matrix products, the route of the hosts where oneDNN's crash.
 */
class NativeCrashIsolationTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} at {1}x4x{2}x{2}, 1x1 route {3}")
    @CsvSource({
        "small, 2, 64, auto",
        "resnet18, 2, 64, auto",
        "resnet34, 1, 64, auto",
        "resnet50, 2, 64, auto",
        "resnet50, 2, 64, matmul",
        "resnet50-os16, 1, 64, matmul",
        "resnet101, 1, 64, auto",
        "resnet152, 1, 64, auto",
        "resnet152, 1, 64, matmul",
        "unet-resnet50, 1, 64, auto",
        "segnet-cells-w8-d4, 1, 64, auto",
    })
    void forwardAndBackwardRunInAChildJvm(String network, int batch, int size, String route) throws Exception {
        Path log = dir.resolve(network + ".log");
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.add("-Xmx2g");
        cmd.add("-D" + ConvolutionRoute.PROPERTY + "=" + route);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(NetworkSmoke.class.getName());
        cmd.add(network);
        cmd.add(Integer.toString(batch));
        cmd.add(Integer.toString(size));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        String what = network + " forward+backward on " + batch + "x4x" + size + "x" + size + " (1x1 route " + route + ")";
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            fail(what + ": did not finish in 5 minutes\n" + tail(log));
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            fail(what + ": the child JVM exited with " + p.exitValue()
                    + (p.exitValue() > 128 ? " (killed by signal " + (p.exitValue() - 128) + ")" : "") + "\n" + tail(log));
        }
        assertTrue(out.contains("ok"), what + ": no 'ok' in\n" + out);
        if (!route.equals("auto")) {
            assertTrue(out.contains("route of 1x1 convolutions: " + route), out);
        }
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    }
}
