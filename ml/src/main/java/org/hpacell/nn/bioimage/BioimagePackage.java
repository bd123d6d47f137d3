package org.hpacell.nn.bioimage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.hpacell.io.BadInputException;

/**
 * The TorchScript weights of a bioimage.io model package: a folder holding {@code rdf.yaml} (or
 * {@code *.bioimageio.yaml}), that file itself, or a zip with it at its top level. The weights are the
 * file {@code weights.torchscript.source} names (formats 0.4 and 0.5 alike), checked against its
 * {@code sha256} when the RDF gives one. Any other path is taken as a TorchScript file itself, so a
 * command option may take either.
 */
public final class BioimagePackage {
    private static final YAMLMapper YAML = new YAMLMapper();

    /**
     * A TorchScript file ready to load; a temporary copy (taken out of a zip) is deleted on close.
     *
     * @param file      the TorchScript file
     * @param temporary whether {@link #close()} deletes it
     */
    public record TorchScriptFile(Path file, boolean temporary) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            if (temporary) {
                Files.deleteIfExists(file);
            }
        }
    }

    private BioimagePackage() {
    }

    /**
     * The TorchScript weights of {@code path}: of the package when it is one, else {@code path} itself.
     *
     * @throws BadInputException naming the package when its RDF has no TorchScript weights, names a URL
     *                           or a missing file, or the file's sha256 differs from the RDF's
     */
    public static TorchScriptFile torchScript(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            Path rdf = rdfIn(path);
            if (rdf == null) {
                throw new BadInputException(path, "is a folder without rdf.yaml (expected a bioimage.io model package "
                        + "or a TorchScript file)");
            }
            return new TorchScriptFile(fromFolder(rdf), false);
        }
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            return new TorchScriptFile(fromFolder(path), false);
        }
        if (Files.isRegularFile(path)) {
            try (ZipFile zip = openZip(path)) {
                ZipEntry rdf = zip == null ? null : rdfIn(zip);
                if (rdf != null) {
                    return fromZip(path, zip, rdf);
                }
            }
        }
        return new TorchScriptFile(path, false);
    }

    private static Path rdfIn(Path dir) throws IOException {
        Path rdf = dir.resolve("rdf.yaml");
        if (Files.isRegularFile(rdf)) {
            return rdf;
        }
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".bioimageio.yaml")).sorted().findFirst()
                    .orElse(null);
        }
    }

    private static ZipEntry rdfIn(ZipFile zip) {
        ZipEntry rdf = zip.getEntry("rdf.yaml");
        if (rdf != null) {
            return rdf;
        }
        return zip.stream().filter(e -> !e.getName().contains("/") && e.getName().endsWith(".bioimageio.yaml"))
                .findFirst().orElse(null);
    }

    /** The zip at {@code path}, or {@code null} if it is not a zip. */
    private static ZipFile openZip(Path path) {
        try {
            return new ZipFile(path.toFile());
        } catch (IOException e) {
            return null;
        }
    }

    private static TorchScriptFile fromZip(Path zipPath, ZipFile zip, ZipEntry rdfEntry) throws IOException {
        Weights w;
        try (InputStream in = zip.getInputStream(rdfEntry)) {
            w = weights(zipPath, in);
        }
        ZipEntry entry = zip.getEntry(w.source());
        if (entry == null) {
            throw new BadInputException(zipPath, "rdf.yaml names TorchScript weights " + w.source()
                    + " that the package does not hold");
        }
        Path tmp = Files.createTempFile("hpacell-bioimage-", ".pt");
        try {
            try (InputStream in = zip.getInputStream(entry); OutputStream out = Files.newOutputStream(tmp)) {
                String sha = copyHashing(in, out);
                checkSha(zipPath, w, sha);
            }
            return new TorchScriptFile(tmp, true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }

    private static Path fromFolder(Path rdf) throws IOException {
        if (!Files.isRegularFile(rdf)) {
            throw new BadInputException(rdf, "no such file");
        }
        Weights w;
        try (InputStream in = Files.newInputStream(rdf)) {
            w = weights(rdf, in);
        }
        Path file = rdf.toAbsolutePath().getParent().resolve(w.source());
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(rdf, "names TorchScript weights " + w.source() + " but " + file
                    + " does not exist");
        }
        try (InputStream in = Files.newInputStream(file)) {
            checkSha(rdf, w, copyHashing(in, OutputStream.nullOutputStream()));
        }
        return file;
    }

    /** The TorchScript entry of an RDF. */
    private record Weights(String source, String sha256) {
    }

    private static Weights weights(Path where, InputStream rdf) throws IOException {
        JsonNode root;
        try {
            root = YAML.readTree(rdf);
        } catch (IOException e) {
            throw new BadInputException(where, "rdf.yaml is not valid YAML: " + firstLine(e.getMessage()), e);
        }
        if (root == null || !"model".equals(root.path("type").asText("model"))) {
            throw new BadInputException(where, "rdf.yaml does not describe a model (type: "
                    + (root == null ? "none" : root.path("type").asText()) + ")");
        }
        JsonNode ts = root.path("weights").path("torchscript");
        String source = ts.path("source").asText("");
        if (source.isEmpty()) {
            throw new BadInputException(where, "rdf.yaml has no TorchScript weights (weights.torchscript.source); "
                    + "weights given: " + root.path("weights").properties().stream().map(e -> e.getKey()).toList());
        }
        if (source.matches("(?i)[a-z][a-z0-9+.-]*://.*")) {
            throw new BadInputException(where, "rdf.yaml's TorchScript weights are a URL (" + source
                    + "); download the package with its files");
        }
        while (source.startsWith("./")) {
            source = source.substring(2);
        }
        String sha = ts.path("sha256").asText("");
        return new Weights(source, sha.isEmpty() ? null : sha.toLowerCase(Locale.ROOT));
    }

    private static void checkSha(Path where, Weights w, String actual) throws BadInputException {
        if (w.sha256() != null && !w.sha256().equals(actual)) {
            throw new BadInputException(where, "TorchScript weights " + w.source() + " have sha256 " + actual
                    + ", rdf.yaml says " + w.sha256());
        }
    }

    private static String copyHashing(InputStream in, OutputStream out) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (DigestInputStream d = new DigestInputStream(in, md)) {
            d.transferTo(out);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static String firstLine(String s) {
        String m = String.valueOf(s).strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
