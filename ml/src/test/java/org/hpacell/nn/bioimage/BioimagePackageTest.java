package org.hpacell.nn.bioimage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.hpacell.io.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TorchScript weights found in bioimage.io packages (folder, rdf.yaml, zip) and plain files passed through. */
class BioimagePackageTest {
    static final Path WEIGHTS = Path.of("src", "test", "resources", "hpamodels", "tiny-threshold-nuclei.pt");

    @TempDir
    Path tmp;

    /** An RDF naming {@code source} with {@code sha256} (none if null). */
    static String rdf(String source, String sha256) {
        return "type: model\nformat_version: 0.5.3\nname: tiny stand-in\nweights:\n  torchscript:\n"
                + "    source: " + source + "\n" + (sha256 == null ? "" : "    sha256: " + sha256 + "\n")
                + "    pytorch_version: '1.13'\n";
    }

    static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    /** A package folder holding the weights as weights.pt. */
    static Path folder(Path dir, String sha) throws IOException {
        Files.createDirectories(dir);
        Files.copy(WEIGHTS, dir.resolve("weights.pt"));
        Files.writeString(dir.resolve("rdf.yaml"), rdf("./weights.pt", sha));
        return dir;
    }

    /** The same package as a zip. */
    static Path zip(Path zipFile, String rdf) throws IOException {
        try (OutputStream out = Files.newOutputStream(zipFile); ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("rdf.yaml"));
            z.write(rdf.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            z.putNextEntry(new ZipEntry("weights.pt"));
            z.write(Files.readAllBytes(WEIGHTS));
        }
        return zipFile;
    }

    @Test
    void folderRdfAndZipAllGiveTheWeights() throws Exception {
        String sha = sha256(WEIGHTS);
        Path dir = folder(tmp.resolve("pkg"), sha);
        try (BioimagePackage.TorchScriptFile f = BioimagePackage.torchScript(dir)) {
            assertEquals(dir.toAbsolutePath().resolve("weights.pt"), f.file());
            assertFalse(f.temporary());
        }
        try (BioimagePackage.TorchScriptFile f = BioimagePackage.torchScript(dir.resolve("rdf.yaml"))) {
            assertEquals(dir.toAbsolutePath().resolve("weights.pt"), f.file());
        }
        Path z = zip(tmp.resolve("pkg.zip"), rdf("weights.pt", sha));
        Path extracted;
        try (BioimagePackage.TorchScriptFile f = BioimagePackage.torchScript(z)) {
            extracted = f.file();
            assertTrue(f.temporary());
            assertArrayEquals(Files.readAllBytes(WEIGHTS), Files.readAllBytes(f.file()));
        }
        assertFalse(Files.exists(extracted), "the temporary copy is removed on close");
    }

    @Test
    void aPlainTorchScriptFileIsItself() throws IOException {
        try (BioimagePackage.TorchScriptFile f = BioimagePackage.torchScript(WEIGHTS)) {
            assertEquals(WEIGHTS, f.file());
            assertFalse(f.temporary());
        }
    }

    @Test
    void badPackagesFailInOneLineNamingThePackage() throws Exception {
        Path wrongSha = folder(tmp.resolve("sha"), "00" + sha256(WEIGHTS).substring(2));
        assertOneLine(wrongSha.resolve("rdf.yaml"), wrongSha, "have sha256");
        Path url = zip(tmp.resolve("url.zip"), rdf("https://zenodo.org/weights.pt", null));
        assertOneLine(url, url, "are a URL");
        Path none = zip(tmp.resolve("none.zip"), "type: model\nweights:\n  pytorch_state_dict:\n    source: w.pth\n");
        assertOneLine(none, none, "no TorchScript weights");
        Path missing = zip(tmp.resolve("missing.zip"), rdf("other.pt", null));
        assertOneLine(missing, missing, "does not hold");
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        assertOneLine(empty, empty, "without rdf.yaml");
    }

    private static void assertOneLine(Path named, Path given, String problem) {
        BadInputException e = assertThrows(BadInputException.class, () -> BioimagePackage.torchScript(given));
        assertTrue(e.getMessage().startsWith(named + ": ") || e.getMessage().startsWith(named.toString()),
                e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }
}
