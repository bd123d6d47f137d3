package org.hpacell.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Identities name what changed, survive a round trip, and carry the build's version. */
class StageIdentityTest {
    @TempDir
    Path dir;

    @Test
    void changedPartsAreNamedAndTheFingerprintFollowsThem() throws Exception {
        StageIdentity a = StageIdentity.ofVersion().withText("config stage1", "{\"epochs\":1}").with("--test data", "x");
        StageIdentity b = a.withText("config stage1", "{\"epochs\":2}").with("--train data", "y");
        assertEquals(List.of("--train data", "config stage1"), b.changedFrom(a));
        assertEquals(List.of(), a.changedFrom(a.with("--test data", "x")));
        assertNotEquals(a.fingerprint(), b.fingerprint());
        assertEquals(a.fingerprint(), a.with("--test data", "x").fingerprint());

        Path file = dir.resolve(".stages/stage1.json");
        b.write(file);
        assertEquals(b, StageIdentity.read(file).orElseThrow());
        assertEquals(b.fingerprint(), StageIdentity.read(file).orElseThrow().fingerprint());
    }

    @Test
    void anOlderMarkerOrAMissingRecordIsNoIdentity() throws Exception {
        assertTrue(StageIdentity.read(dir.resolve("none.json")).isEmpty());
        Path old = dir.resolve("segment.json");
        Files.writeString(old, "2026-01-01T00:00:00Z\n");
        assertTrue(StageIdentity.read(old).isEmpty());
    }

    @Test
    void theVersionIsTheBuildsNotAPlaceholder() {
        String v = StageIdentity.ofVersion().parts().get(StageIdentity.VERSION);
        assertTrue(v.matches("\\d+\\.\\d+\\.\\d+.*"), v);
    }
}
