package org.hpacell.identity;

import java.nio.file.Path;

/**
 * A second process for {@link OutputLockTest}: locks the folder given as its argument, prints
 * {@code locked}, and holds the lock until its standard input is closed.
 */
public final class LockHolder {
    private LockHolder() {
    }

    public static void main(String[] args) throws Exception {
        try (OutputLock lock = OutputLock.folder(Path.of(args[0]))) {
            System.out.println("locked");
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold the lock until the test closes our input (or kills us)
            }
        }
    }
}
