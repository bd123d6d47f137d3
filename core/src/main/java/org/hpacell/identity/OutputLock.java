package org.hpacell.identity;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.OptionalLong;
import org.hpacell.io.IoProblems;

/**
 * Keeps a second run out of an output: a lock file holding the process id of its holder, locked with
 * {@link FileChannel#tryLock()} for as long as the run lasts. The operating system drops the lock when
 * its process dies, so a lock file left by a killed run is stale and is taken over (its pid is
 * replaced, and {@link #staleHolder} names the dead run); a live holder makes {@link #acquire} fail at once with {@link OutputLockedException}. The
 * lock file stays in place after {@link #close} (deleting it would let two runs lock two different
 * files of one name).
 */
public final class OutputLock implements AutoCloseable {
    /** The lock file's name inside a locked folder. */
    public static final String FILE = ".hpacell.lock";

    private final FileChannel channel;
    private final FileLock lock;
    private final OptionalLong previousHolder;

    private OutputLock(FileChannel channel, FileLock lock, OptionalLong previousHolder) {
        this.channel = channel;
        this.lock = lock;
        this.previousHolder = previousHolder;
    }

    /**
     * Locks an output folder (created if missing) through {@code FOLDER/.hpacell.lock}.
     *
     * @throws OutputLockedException naming the folder and the holder's pid if another run holds it
     * @throws org.hpacell.io.BadInputException naming the folder if it cannot be written
     */
    public static OutputLock folder(Path folder) throws IOException {
        IoProblems.checkWritableFolder(folder);
        return acquire(folder.resolve(FILE), folder);
    }

    /**
     * Locks an output file (a submission and its part folder) through {@code .NAME.lock} beside it.
     *
     * @throws OutputLockedException naming the file and the holder's pid if another run holds it
     */
    public static OutputLock file(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        IoProblems.checkWritableFolder(dir);
        return acquire(dir.resolve("." + target.getFileName() + ".lock"), target);
    }

    private static OutputLock acquire(Path lockFile, Path output) throws IOException {
        FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (OverlappingFileLockException e) { // held by this very process
                lock = null;
            }
            OptionalLong holder = holder(ch);
            if (lock == null) {
                throw new OutputLockedException(output, holder);
            }
            byte[] pid = (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII);
            ch.truncate(0);
            ch.write(ByteBuffer.wrap(pid), 0);
            ch.force(false);
            return new OutputLock(ch, lock, holder);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /** The pid written in the lock file, if any. */
    private static OptionalLong holder(FileChannel ch) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(32);
        ch.read(buf, 0);
        String text = new String(buf.array(), 0, buf.position(), StandardCharsets.US_ASCII).strip();
        try {
            return text.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * The pid of a run that held this lock and ended without releasing it (a killed run whose stale lock
     * was taken over), or empty: {@link #close} empties the file, so only a run that did not end
     * normally leaves its pid behind.
     */
    public OptionalLong staleHolder() {
        return previousHolder;
    }

    /** Empties the lock file and releases the lock. */
    @Override
    public void close() throws IOException {
        try {
            channel.truncate(0);
            lock.release();
        } finally {
            channel.close();
        }
    }
}
