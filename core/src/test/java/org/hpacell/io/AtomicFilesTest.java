package org.hpacell.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @Test
    void publishedFilesAreWorldReadableAndNoTemporaryFileRemains(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("sub/out.txt");
        AtomicFiles.writeString(f, "hello");
        assertEquals("hello", Files.readString(f));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
        try (var s = Files.list(f.getParent())) {
            assertEquals(1, s.count());
        }
    }

    @Test
    void aFailedWriteKeepsTheOldFileAndRemovesTheTemporary(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("out.txt");
        AtomicFiles.writeString(f, "old");
        assertThrows(IOException.class, () -> AtomicFiles.write(f, out -> {
            out.write("half".getBytes());
            throw new IOException("disk full");
        }));
        assertEquals("old", Files.readString(f));
        try (var s = Files.list(dir)) {
            assertEquals(1, s.count());
        }
    }

    @Test
    void leftoversOfKilledWritesAreRemovedAndNothingElse(@TempDir Path dir) throws IOException {
        // the names a killed AtomicFiles.write leaves: .NAME<random>.tmp beside the target
        Path metrics = Files.createTempFile(Files.createDirectories(dir.resolve("stage2")), ".metrics.png", ".tmp");
        Path csv = Files.createTempFile(dir, ".train.csv", ".tmp");
        Path other = Files.createTempFile(dir, ".submission.csv", ".tmp");
        for (String keep : new String[] {"a.tmp", ".hpacell.lock", ".config.json", "stage2/metrics.png"}) {
            Files.writeString(dir.resolve(keep), "x");
        }
        assertEquals(1, AtomicFiles.removeLeftoversOf(dir.resolve("train.csv")));
        assertFalse(Files.exists(csv));
        assertTrue(Files.exists(other), "another target's temporary file stays");

        assertEquals(2, AtomicFiles.removeLeftovers(dir));
        assertFalse(Files.exists(metrics));
        assertFalse(Files.exists(other));
        for (String keep : new String[] {"a.tmp", ".hpacell.lock", ".config.json", "stage2/metrics.png"}) {
            assertTrue(Files.exists(dir.resolve(keep)), keep);
        }
        assertEquals(0, AtomicFiles.removeLeftovers(dir.resolve("missing")));
    }

    @Test
    void failuresNameTheTargetAndTheProblemNeverTheTemporaryFile(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("report.html");
        IOException full = assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            out.write('x');
            throw new IOException("No space left on device");
        }));
        assertEquals(target + ": cannot write: No space left on device", full.getMessage());

        Files.writeString(dir.resolve("file"), "a file, not a folder");
        Path under = dir.resolve("file/mask.png");
        IOException notFolder = assertThrows(IOException.class, () -> AtomicFiles.writeString(under, "x"));
        assertTrue(notFolder.getMessage().startsWith(under + ": cannot write: "), notFolder.getMessage());
        assertFalse(notFolder.getMessage().contains(".tmp"), notFolder.getMessage());

        BadInputException bad = new BadInputException(dir.resolve("in.png"), "truncated");
        assertEquals(bad, assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            throw bad;
        })), "a bad input met while writing names its own file");

        try (AtomicTextWriter w = AtomicTextWriter.open(dir.resolve("truth.csv"))) {
            w.line("ok");
        }
        IOException text = assertThrows(IOException.class, () -> AtomicTextWriter.open(dir.resolve("file/t.csv")));
        assertTrue(text.getMessage().startsWith(dir.resolve("file/t.csv") + ": cannot write: "), text.getMessage());
    }

    @Test
    void anUnwritableOutputFolderIsNamedBeforeAnyWork(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("file"), "x");
        Path out = dir.resolve("file/seg");
        BadInputException e = assertThrows(BadInputException.class, () -> IoProblems.checkWritableFolder(out));
        assertTrue(e.getMessage().startsWith(out + ": cannot write in this folder: "), e.getMessage());
        Path relative = Path.of("").toAbsolutePath().relativize(out); // as a user types it
        BadInputException r = assertThrows(BadInputException.class, () -> IoProblems.checkWritableFolder(relative));
        assertEquals(relative + ": cannot write in this folder: Not a directory", r.getMessage());
        IoProblems.checkWritableFolder(dir.resolve("new/seg"));
        try (var s = Files.list(dir.resolve("new/seg"))) {
            assertEquals(0, s.count(), "the probe is removed");
        }
    }
}
