package org.hpacell.cli;

import picocli.CommandLine;

/** Reports hpacell's version from the jar manifest (or "dev" when run from classes). */
final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = HpaCell.class.getPackage().getImplementationVersion();
        return new String[] {"hpacell " + (v == null ? "dev" : v) + " (Java " + Runtime.version() + ")"};
    }
}
