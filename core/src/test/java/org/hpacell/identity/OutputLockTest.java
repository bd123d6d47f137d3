package org.hpacell.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The output lock between two processes: refused while held, free after release, taken over after a kill. */
class OutputLockTest {
    @TempDir
    Path dir;

    /** Starts a {@link LockHolder} on {@code folder} and returns once it holds the lock. */
    private static Process holder(Path folder) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                LockHolder.class.getName(), folder.toString()).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        assertEquals("locked", out.readLine(), "the holder process did not take the lock");
        return p;
    }

    @Test
    void aSecondRunIsRefusedNamingTheFolderAndTheHolder() throws Exception {
        Path out = dir.resolve("out");
        Process p = holder(out);
        try {
            OutputLockedException e = assertThrows(OutputLockedException.class, () -> OutputLock.folder(out));
            assertTrue(e.getMessage().startsWith(out + ": in use by another hpacell run (process " + p.pid() + ")"),
                    e.getMessage());
        } finally {
            p.getOutputStream().close(); // the holder ends normally
            assertEquals(0, p.waitFor());
        }
        try (OutputLock lock = OutputLock.folder(out)) {
            assertTrue(lock.staleHolder().isEmpty(), "a run that ended normally leaves no stale pid");
        }
    }

    @Test
    void aKilledHoldersLockIsTakenOver() throws Exception {
        Path out = dir.resolve("out");
        Process p = holder(out);
        p.destroyForcibly().waitFor();
        assertEquals(Long.toString(p.pid()), Files.readString(out.resolve(OutputLock.FILE)).strip(),
                "the killed run's pid is left in the lock file");
        try (OutputLock lock = OutputLock.folder(out)) {
            assertEquals(p.pid(), lock.staleHolder().orElseThrow());
            assertEquals(Long.toString(ProcessHandle.current().pid()),
                    Files.readString(out.resolve(OutputLock.FILE)).strip());
        }
    }

    @Test
    void withinOneProcessTheSecondLockIsRefusedToo() throws Exception {
        Path submission = dir.resolve("sub.csv");
        try (OutputLock lock = OutputLock.file(submission)) {
            OutputLockedException e = assertThrows(OutputLockedException.class, () -> OutputLock.file(submission));
            assertTrue(e.getMessage().contains(submission + ": in use by another hpacell run (process "
                    + ProcessHandle.current().pid() + ")"), e.getMessage());
        }
        assertFalse(Files.exists(submission), "the lock is beside the file, not the file");
        try (OutputLock again = OutputLock.file(submission)) {
            assertTrue(again.staleHolder().isEmpty());
        }
    }
}
