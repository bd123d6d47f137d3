package org.hpacell.identity;

import java.io.IOException;
import java.nio.file.Path;
import java.util.OptionalLong;

/** Another run holds the lock of an output: the message names the output and the holder's process id. */
public final class OutputLockedException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Path output;

    /** {@code "<output>: in use by another hpacell run (process <pid>)"}. */
    public OutputLockedException(Path output, OptionalLong holder) {
        super(output + ": in use by another hpacell run (process "
                + (holder.isPresent() ? Long.toString(holder.getAsLong()) : "unknown") + "); wait for it to end or "
                + "stop it");
        this.output = output;
    }

    /** The locked folder or file. */
    public Path output() {
        return output;
    }
}
