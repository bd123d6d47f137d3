package org.hpacell.identity;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.hpacell.io.AtomicFiles;

/**
 * What one stage of a job was made from, as named parts: hpacell's version, the fingerprints of the
 * input folders and config sections it reads, and (through them) of the stages before it. Two runs of
 * a stage with equal identities make the same result, so a finished stage is reused only when its
 * recorded identity equals the current one. Immutable: {@link #with} returns a new identity.
 *
 * @param parts fingerprint (or literal value) by part name, sorted by name
 */
public record StageIdentity(SortedMap<String, String> parts) {
    /** The name of the version part every identity starts with. */
    public static final String VERSION = "hpacell version";

    public StageIdentity {
        parts = Collections.unmodifiableSortedMap(new TreeMap<>(parts));
    }

    /** An identity holding only the current hpacell version. */
    public static StageIdentity ofVersion() {
        return new StageIdentity(new TreeMap<>(Map.of(VERSION, HpacellVersion.current())));
    }

    /** This identity with one more part (or a part replaced). */
    public StageIdentity with(String name, String value) {
        TreeMap<String, String> m = new TreeMap<>(parts);
        m.put(name, value);
        return new StageIdentity(m);
    }

    /** This identity with a part holding the fingerprint of {@code text} (a config section as JSON). */
    public StageIdentity withText(String name, String text) {
        return with(name, Fingerprints.text(text));
    }

    /** This identity with a part holding the {@linkplain Fingerprints#folder fingerprint of a folder}. */
    public StageIdentity withFolder(String name, Path folder) throws IOException {
        return with(name, Fingerprints.folder(folder));
    }

    /** The fingerprint of the whole identity (of every part). */
    public String fingerprint() {
        StringBuilder sb = new StringBuilder();
        parts.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
        return Fingerprints.text(sb.toString());
    }

    /** The names of the parts that differ between {@code older} and this one (added, removed or changed). */
    public List<String> changedFrom(StageIdentity older) {
        TreeMap<String, String> all = new TreeMap<>(older.parts);
        all.putAll(parts);
        List<String> changed = new ArrayList<>();
        for (String name : all.keySet()) {
            if (!java.util.Objects.equals(parts.get(name), older.parts.get(name))) {
                changed.add(name);
            }
        }
        return changed;
    }

    /** Writes the parts as JSON, atomically. */
    public void write(Path file) throws IOException {
        AtomicFiles.write(file, out -> out.write(JSON.writeValueAsBytes(parts)));
    }

    /**
     * Reads an identity {@link #write} wrote.
     *
     * @return empty if the file is missing or is not a recorded identity (an older hpacell's, or damaged):
     *         the stage then counts as changed
     */
    public static Optional<StageIdentity> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new StageIdentity(JSON.readValue(file.toFile(), PARTS)));
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            return Optional.empty();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final TypeReference<TreeMap<String, String>> PARTS = new TypeReference<>() {
    };
}
