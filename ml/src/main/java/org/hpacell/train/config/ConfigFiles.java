package org.hpacell.train.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.hpacell.io.AtomicFiles;

/** Reads and writes {@link TrainConfig} as JSON. */
public final class ConfigFiles {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private ConfigFiles() {
    }

    /** The shared JSON mapper (indenting, strict about unknown keys). */
    public static ObjectMapper json() {
        return JSON;
    }

    /**
     * Reads and validates a configuration.
     *
     * @throws IllegalArgumentException naming the file and the bad key or value
     */
    public static TrainConfig read(Path file) throws IOException {
        TrainConfig c;
        try {
            c = JSON.readValue(Files.readAllBytes(file), TrainConfig.class);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": config file not found", e);
        } catch (UnrecognizedPropertyException e) {
            throw new IllegalArgumentException(file + ": unknown key '" + e.getPropertyName() + "' at "
                    + e.getPathReference() + " (line " + e.getLocation().getLineNr() + ")", e);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + ": " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"), e);
        }
        if (c == null) {
            throw new IllegalArgumentException(file + ": empty config");
        }
        try {
            c.validate();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
        return c;
    }

    /** Parses a configuration from a JSON string (tests, embedded defaults). */
    public static TrainConfig parse(String json) throws IOException {
        TrainConfig c = JSON.readValue(json, TrainConfig.class);
        c.validate();
        return c;
    }

    /** Writes a configuration atomically. */
    public static void write(Path file, TrainConfig config) throws IOException {
        AtomicFiles.write(file, out -> out.write(JSON.writeValueAsBytes(config)));
    }

    /** A deep copy (through JSON). */
    public static TrainConfig copy(TrainConfig config) {
        try {
            return JSON.readValue(JSON.writeValueAsBytes(config), TrainConfig.class);
        } catch (IOException e) {
            throw new IllegalStateException("config does not round-trip through JSON", e);
        }
    }
}
