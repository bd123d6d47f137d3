package org.hpacell.synth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.hpacell.atlas.Location;

/**
 * Every parameter of a synthetic dataset. Serialised as {@code synth.json} beside the data: the same
 * file (with its seed) regenerates the dataset bit for bit. Start from a {@link Difficulty} preset and
 * override single values with {@link #withOverrides(Map)} (dotted names, e.g. {@code optics.blur}).
 *
 * <p>Lengths are relative to the cells, not to pixels, so a preset looks alike at every field size:
 * the number of cells of a field is drawn from {@code [countMin, countMax]} given for a 2048 px field
 * and scaled by {@code (size / 2048)^countExponent}; the cells then fill {@code coverage} of the field.
 * Intensities are fractions of the full scale (1.0 = 65535 in 16-bit).
 *
 * @param seed       the dataset seed; field {@code i} uses {@link FieldSeeds#forField(long, long)}
 * @param images     number of fields
 * @param size       field width and height in pixels
 * @param bitDepth   8 or 16
 * @param difficulty the preset these values started from (recorded, not used by the generator)
 */
public record SynthParams(long seed, int images, int size, int bitDepth, Difficulty difficulty,
                          Labels labels, Cells cells, Stains stains, Optics optics) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * How classes are given to fields and cells.
     *
     * @param heterogeneity   probability that a cell deviates from its field's classes
     * @param negativeWeight  relative weight of the deviation "cell shows no specific signal" (Negative)
     * @param dropWeight      relative weight of "cell lacks one of the field's classes" (mosaic)
     * @param extraWeight     relative weight of "cell has one extra class of its own"
     * @param classesPerImage probabilities of 1, 2 and 3 classes for a field
     * @param classFrequencies 19 relative class weights (default: {@link HpaClassFrequencies})
     * @param mitoticRate     share of cells in mitosis in any field
     * @param spindleShare    share of cells made mitotic in a field showing the mitotic spindle
     */
    public record Labels(double heterogeneity, double negativeWeight, double dropWeight, double extraWeight,
                         double[] classesPerImage, double[] classFrequencies, double mitoticRate,
                         double spindleShare) {
    }

    /**
     * Cell layout.
     *
     * @param countMin      fewest cells of a 2048 px field
     * @param countMax      most cells of a 2048 px field
     * @param countExponent cell counts scale with {@code (size/2048)^countExponent}
     * @param coverage      share of the field the cells are sized to cover
     * @param fill          cell radius as a share of the distance to the nearest neighbour's centre
     *                      (above 0.5 neighbours meet and touch)
     * @param irregularity  amplitude of the low harmonics of the star-shaped outline
     * @param roughness     amplitude of the fine noise on the outline
     * @param nucleusScale  nucleus radius as a share of the cell radius
     */
    public record Cells(int countMin, int countMax, double countExponent, double coverage, double fill,
                        double irregularity, double roughness, double nucleusScale) {
    }

    /**
     * Stain brightness, as fractions of full scale before exposure.
     *
     * @param red         microtubules
     * @param green       the protein, for a cell of median expression
     * @param blue        nuclei
     * @param yellow      endoplasmic reticulum
     * @param cellCv      log-normal sigma of the protein level between cells
     * @param classCv     log-normal sigma of each class's level within a cell
     * @param nonspecific faint unspecific protein signal in every cell, as a share of {@code green}
     */
    public record Stains(double red, double green, double blue, double yellow, double cellCv, double classCv,
                         double nonspecific) {
    }

    /**
     * The microscope.
     *
     * @param blur         Gaussian point-spread sigma in units of the mean nucleus radius
     * @param background   uniform background added to every channel (fraction of full scale)
     * @param illumination strength of the radial fall-off of illumination (0 = flat)
     * @param exposureMin  smallest per-field exposure factor (log-uniform between min and max)
     * @param exposureMax  largest per-field exposure factor
     * @param photons      photo-electrons collected at full scale (sets the Poisson noise)
     * @param readNoise    Gaussian read-noise sigma (fraction of full scale)
     * @param blackLevel   offset subtracted before clipping at 0 (makes the dark, sparse background)
     * @param eightBitGain gain applied before quantising to 8 bits (16-bit data is stored as acquired)
     */
    public record Optics(double blur, double background, double illumination, double exposureMin,
                         double exposureMax, double photons, double readNoise, double blackLevel,
                         double eightBitGain) {
    }

    /** The {@code hpa} preset. */
    public static SynthParams defaults(long seed, int images, int size, int bitDepth) {
        return Difficulty.HPA.params(seed, images, size, bitDepth);
    }

    /**
     * Checks every value.
     *
     * @throws IllegalArgumentException naming the first bad parameter
     */
    public SynthParams validate() {
        require(images >= 0, "images must be >= 0, got " + images);
        require(size >= 32, "size must be >= 32 px, got " + size);
        require(bitDepth == 8 || bitDepth == 16, "bit-depth must be 8 or 16, got " + bitDepth);
        require(labels != null && cells != null && stains != null && optics != null, "parameter groups missing");
        require(unit(labels.heterogeneity), "labels.heterogeneity must be in [0,1], got " + labels.heterogeneity);
        require(labels.negativeWeight >= 0 && labels.dropWeight >= 0 && labels.extraWeight >= 0,
                "labels deviation weights must be >= 0");
        require(labels.classesPerImage != null && labels.classesPerImage.length == 3 && nonNegative(labels.classesPerImage),
                "labels.classesPerImage must hold 3 weights >= 0 (for 1, 2, 3 classes)");
        require(labels.classFrequencies != null && labels.classFrequencies.length == Location.COUNT
                && nonNegative(labels.classFrequencies), "labels.classFrequencies must hold 19 weights >= 0");
        require(unit(labels.mitoticRate) && unit(labels.spindleShare), "labels.mitoticRate and spindleShare must be in [0,1]");
        require(cells.countMin >= 1 && cells.countMax >= cells.countMin,
                "cells.countMin must be >= 1 and <= cells.countMax, got " + cells.countMin + ".." + cells.countMax);
        require(cells.coverage > 0 && cells.coverage <= 1.5, "cells.coverage must be in (0,1.5]");
        require(cells.fill > 0 && cells.fill <= 2, "cells.fill must be in (0,2]");
        require(cells.nucleusScale > 0.1 && cells.nucleusScale < 0.9, "cells.nucleusScale must be in (0.1,0.9)");
        require(cells.irregularity >= 0 && cells.roughness >= 0, "cells.irregularity and roughness must be >= 0");
        require(stains.red >= 0 && stains.green >= 0 && stains.blue >= 0 && stains.yellow >= 0
                && stains.cellCv >= 0 && stains.classCv >= 0 && stains.nonspecific >= 0, "stains values must be >= 0");
        require(optics.blur >= 0 && optics.background >= 0 && unit(optics.illumination), "optics.blur/background/illumination out of range");
        require(optics.exposureMin > 0 && optics.exposureMax >= optics.exposureMin, "optics.exposureMin must be > 0 and <= exposureMax");
        require(optics.photons > 0 && optics.readNoise >= 0 && optics.blackLevel >= 0 && optics.eightBitGain > 0,
                "optics.photons and eightBitGain must be > 0, readNoise and blackLevel >= 0");
        return this;
    }

    private static boolean unit(double v) {
        return v >= 0 && v <= 1;
    }

    private static boolean nonNegative(double[] a) {
        double sum = 0;
        for (double v : a) {
            if (!(v >= 0)) return false;
            sum += v;
        }
        return sum > 0;
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException("synth parameter: " + message);
        }
    }

    /**
     * A copy with single values replaced, named by their JSON path with dots ({@code "seed"},
     * {@code "labels.heterogeneity"}, {@code "optics.blur"}); values are JSON literals
     * ({@code 0.5}, {@code [1,1,0]}) or bare strings ({@code hard}).
     *
     * @throws IllegalArgumentException for an unknown name or a value of the wrong type
     */
    public SynthParams withOverrides(Map<String, String> overrides) {
        ObjectNode root = JSON.valueToTree(this);
        for (Map.Entry<String, String> e : overrides.entrySet()) {
            String[] path = e.getKey().split("\\.");
            ObjectNode node = root;
            for (int i = 0; i < path.length - 1; i++) {
                JsonNode child = node.get(path[i]);
                if (!(child instanceof ObjectNode obj)) {
                    throw new IllegalArgumentException("unknown synth parameter '" + e.getKey() + "'");
                }
                node = obj;
            }
            String leaf = path[path.length - 1];
            if (!node.has(leaf) || node.get(leaf).isObject()) {
                throw new IllegalArgumentException("unknown synth parameter '" + e.getKey() + "'");
            }
            node.set(leaf, literal(e.getValue()));
        }
        try {
            return JSON.treeToValue(root, SynthParams.class).validate();
        } catch (JsonProcessingException ex) {
            throw new IllegalArgumentException("bad synth parameter value in " + overrides + ": " + ex.getOriginalMessage());
        }
    }

    private static JsonNode literal(String value) {
        try {
            return JSON.readTree(value);
        } catch (JsonProcessingException notJson) {
            return JSON.getNodeFactory().textNode(value);
        }
    }

    /** This parameter set as indented JSON (the content of {@code synth.json}). */
    public String toJson() {
        try {
            return JSON.writeValueAsString(this) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise synth parameters", e);
        }
    }

    /** Parses the content of a {@code synth.json}. */
    public static SynthParams fromJson(String json) {
        try {
            return JSON.readValue(json, SynthParams.class).validate();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("bad synth parameters: " + e.getOriginalMessage());
        }
    }

    /** Reads a {@code synth.json}; errors name the file. */
    public static SynthParams read(Path file) throws IOException {
        try {
            return fromJson(Files.readString(file));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }
}
