package org.hpacell.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Headless Chromium for browser tests, offline: no network, no first-run or background work, a fresh
 * profile per run. Missing Chromium fails the test under CI ({@code CI=true}) and skips it elsewhere.
 */
final class HeadlessChromium {
    private static final List<String> NAMES = List.of("chromium", "chromium-browser", "google-chrome");
    private static final long TIMEOUT_SECONDS = 180;

    /** What one run printed. */
    record Run(int exitCode, String stdout, String stderr) {
        /**
         * The page's console messages. The report has no script, so any message (an uncaught exception,
         * a blocked resource, a console.error) is a fault.
         */
        List<String> consoleMessages() {
            List<String> out = new ArrayList<>();
            for (String line : stderr.split("\n")) {
                if (line.contains(":CONSOLE") || line.contains("Uncaught")) {
                    out.add(line);
                }
            }
            return out;
        }
    }

    private final Path executable;

    private HeadlessChromium(Path executable) {
        this.executable = executable;
    }

    /** The browser on PATH; fails under CI and skips the test elsewhere when there is none. */
    static HeadlessChromium require() {
        Optional<Path> found = find();
        if (found.isEmpty()) {
            String message = "Chromium is not installed (none of " + NAMES + " on PATH): install it with "
                    + "'apt-get install chromium' to run the browser test of the HTML report";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message);
            }
            Assumptions.abort(message);
        }
        return new HeadlessChromium(found.get());
    }

    static Optional<Path> find() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String name : NAMES) {
            for (String dir : path.split(File.pathSeparator)) {
                Path p = Path.of(dir).resolve(name);
                if (Files.isExecutable(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Renders {@code page} and checks it as every report test does: the browser exits normally, the page
     * logs no console message, and each of {@code sections} ({@code <section id=...>}) is in the DOM.
     *
     * @return the rendered DOM
     */
    String renderChecked(Path page, Path scratch, List<String> sections) throws IOException, InterruptedException {
        Run dom = open(page, scratch, "--dump-dom");
        assertEquals(0, dom.exitCode(), dom.stderr());
        assertEquals(List.of(), dom.consoleMessages(), "console messages while rendering " + page);
        for (String id : sections) {
            assertTrue(dom.stdout().contains("<section id=\"" + id + "\">"), "rendered section " + id);
        }
        return dom.stdout();
    }

    /**
     * Opens {@code page} with the given extra flags (e.g. {@code --dump-dom}), with console logging to
     * stderr.
     *
     * @param scratch a folder for the fresh profile
     */
    Run open(Path page, Path scratch, String... flags) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(scratch, "chromium-profile");
        List<String> command = new ArrayList<>(List.of(executable.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--hide-scrollbars",
                "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0"));
        command.addAll(List.of(flags));
        command.add(page.toUri().toString());
        Path out = scratch.resolve("chromium.out");
        Path err = scratch.resolve("chromium.err");
        Process p = new ProcessBuilder(command).directory(scratch.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor();
            fail("Chromium did not finish within " + TIMEOUT_SECONDS + " s: " + command);
        }
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
