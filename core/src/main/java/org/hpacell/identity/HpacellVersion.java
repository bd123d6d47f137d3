package org.hpacell.identity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** hpacell's version, as the build filtered it into {@code version.properties} of the core jar. */
public final class HpacellVersion {
    private static final String CURRENT = load();

    private HpacellVersion() {
    }

    /** The project version, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String current() {
        return CURRENT;
    }

    private static String load() {
        try (InputStream in = HpacellVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                throw new IllegalStateException("org/hpacell/identity/version.properties is missing from the core jar");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read org/hpacell/identity/version.properties: " + e.getMessage(), e);
        }
    }
}
