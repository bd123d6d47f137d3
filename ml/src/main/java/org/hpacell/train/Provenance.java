package org.hpacell.train;

import ai.djl.engine.Engine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hpacell.train.data.FieldSample;

/**
 * How a run was made (Tribuo-style provenance), saved as {@code provenance.json}.
 *
 * @param seed        the run's seed
 * @param gitCommit   {@code git rev-parse HEAD} of the working directory, or "unknown"
 * @param dataHash    SHA-256 over the sorted "id,labels" lines of the training and validation fields
 * @param fields      number of fields (training + validation)
 * @param djl         DJL version
 * @param engine      native engine and version, e.g. "PyTorch 2.7.1"
 * @param java        Java runtime version
 * @param cores       available processors
 * @param startedAt   ISO-8601 start time
 */
public record Provenance(long seed, String gitCommit, String dataHash, int fields, String djl, String engine,
                         String java, int cores, String startedAt) {

    /** The provenance of a run starting now over {@code samples}. */
    public static Provenance of(long seed, List<? extends FieldSample> samples) {
        Engine e = Engine.getInstance();
        return new Provenance(seed, currentGitCommit(), dataHash(samples), samples.size(), Engine.getDjlVersion(),
                e.getEngineName() + " " + e.getVersion(), Runtime.version().toString(),
                Runtime.getRuntime().availableProcessors(), Instant.now().toString());
    }

    /** SHA-256 (hex) of the sorted "id,labels" lines: identifies the labelled field list, not the pixels. */
    public static String dataHash(List<? extends FieldSample> samples) {
        List<String> lines = new ArrayList<>(samples.size());
        for (FieldSample s : samples) {
            lines.add(s.id() + "," + s.labels());
        }
        lines.sort(null);
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String l : lines) {
                md.update(l.getBytes(StandardCharsets.UTF_8));
                md.update((byte) '\n');
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 missing from the JDK", ex);
        }
    }

    private static String currentGitCommit() {
        try {
            Process p = new ProcessBuilder("git", "rev-parse", "HEAD").directory(Path.of("").toAbsolutePath().toFile())
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0 && out.matches("[0-9a-f]{40}")) {
                return out;
            }
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "unknown";
    }
}
