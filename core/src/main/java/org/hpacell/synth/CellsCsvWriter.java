package org.hpacell.synth;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hpacell.atlas.LabelSet;
import org.hpacell.io.AtomicFiles;

/**
 * Streams {@code cells.csv} - {@code ID,CellId,Label}, one row per cell, labels pipe-separated in
 * ascending order - to a temporary file that {@link #commit()} moves into place; closing without a
 * commit deletes it.
 */
final class CellsCsvWriter implements Closeable {
    static final String HEADER = "ID,CellId,Label";

    private final Path target;
    private final Path tmp;
    private final BufferedWriter out;
    private boolean done;

    private CellsCsvWriter(Path target, Path tmp, BufferedWriter out) {
        this.target = target;
        this.tmp = tmp;
        this.out = out;
    }

    static CellsCsvWriter open(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        CellsCsvWriter w = new CellsCsvWriter(target, tmp, Files.newBufferedWriter(tmp, StandardCharsets.UTF_8));
        w.out.write(HEADER);
        w.out.write('\n');
        return w;
    }

    void add(String id, int cellId, LabelSet labels) throws IOException {
        out.write(id + "," + cellId + "," + labels + "\n");
    }

    void commit() throws IOException {
        done = true;
        out.close();
        AtomicFiles.moveIntoPlace(tmp, target);
    }

    @Override
    public void close() throws IOException {
        if (!done) {
            done = true;
            try {
                out.close();
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
    }
}
