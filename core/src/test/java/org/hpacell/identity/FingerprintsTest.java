package org.hpacell.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.hpacell.io.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A folder's fingerprint follows its files' names, sizes and times, not hidden files. */
class FingerprintsTest {
    @TempDir
    Path dir;

    @Test
    void aFolderChangesWithAnyFileAndNotWithHiddenOnes() throws Exception {
        Files.writeString(dir.resolve("a.png"), "aaaa");
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub/b.csv"), "b");
        String before = Fingerprints.folder(dir);
        assertEquals(List.of("a.png\t4\t" + Files.getLastModifiedTime(dir.resolve("a.png")).toMillis(),
                "sub/b.csv\t1\t" + Files.getLastModifiedTime(dir.resolve("sub/b.csv")).toMillis()),
                Fingerprints.listing(dir));

        Files.writeString(dir.resolve(".a.png123.tmp"), "x");
        Files.writeString(dir.resolve(".hpacell.lock"), "1");
        assertEquals(before, Fingerprints.folder(dir), "hidden files are not inputs");

        FileTime t = Files.getLastModifiedTime(dir.resolve("a.png"));
        Files.setLastModifiedTime(dir.resolve("a.png"), FileTime.fromMillis(t.toMillis() + 1000));
        String touched = Fingerprints.folder(dir);
        assertNotEquals(before, touched, "a touched file");
        Files.writeString(dir.resolve("sub/c.csv"), "");
        assertNotEquals(touched, Fingerprints.folder(dir), "an added file");
    }

    @Test
    void aMissingFolderNamesItself() {
        Path missing = dir.resolve("nope");
        BadInputException e = assertThrows(BadInputException.class, () -> Fingerprints.folder(missing));
        assertTrue(e.getMessage().startsWith(missing + ": no such folder"), e.getMessage());
    }
}
