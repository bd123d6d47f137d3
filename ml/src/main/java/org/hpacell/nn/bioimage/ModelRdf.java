package org.hpacell.nn.bioimage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hpacell.atlas.Location;
import org.hpacell.image.Channel;
import org.hpacell.image.FieldImage;
import org.hpacell.segnet.SegmentationTarget;
import org.hpacell.train.data.Normalization;

/**
 * The {@code rdf.yaml} (bioimage.io model description, format 0.5) and {@code README.md} of an exported
 * classifier or segmentation U-Net. The input is the raw 4-channel image; its preprocessing is hpacell's normalisation, {@code
 * (v * scale - mean[c]) / std[c]}: with the bit-depth scale ({@code 1 / 255} for 8-bit images) it is
 * exactly one {@code scale_linear} per channel (gain {@code 1 / (255 std[c])}, offset {@code -mean[c] /
 * std[c]}); with the per-image quantile scale it is {@code scale_range} to that percentile (from the
 * image's minimum, where hpacell divides by the quantile alone) then {@code fixed_zero_mean_unit_variance},
 * an approximation the description states.
 */
final class ModelRdf {
    static final String FILE = "rdf.yaml";
    static final String DOCUMENTATION = "README.md";
    static final String FORMAT_VERSION = "0.5.3";
    static final String PYTORCH_VERSION = "1.13";
    private static final float EIGHT_BIT_MAX = 255f;
    /** bioimage.io's default {@code eps} of {@code scale_range}. */
    private static final double SCALE_RANGE_EPS = 1e-6;
    /** The input channels in hpacell's order ({@link Channel}). */
    private static final List<String> CHANNELS = List.of("red", "green", "blue", "yellow");
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .build();

    private final ModelPackage.Details details;
    private final String architecture;
    private final int size;
    private final Normalization norm;
    /** What a segmentation U-Net segments; {@code null} for a classifier. */
    private final SegmentationTarget target;

    ModelRdf(ModelPackage.Details details, String architecture, int size, Normalization norm,
             SegmentationTarget target) {
        this.details = details;
        this.architecture = architecture;
        this.size = size;
        this.norm = norm;
        this.target = target;
    }

    /** The RDF, with the sha256 of each packaged file by name. */
    String yaml(Map<String, String> sha256) {
        Map<String, Object> rdf = new LinkedHashMap<>();
        rdf.put("format_version", FORMAT_VERSION);
        rdf.put("type", "model");
        rdf.put("name", details.name());
        rdf.put("description", description());
        rdf.put("authors", details.authors().stream().map(a -> map("name", a)).toList());
        rdf.put("cite", List.of(
                cite("Le, T. et al. Analysis of the Human Protein Atlas Weakly Supervised Single-Cell "
                        + "Classification competition. Nat Methods 19, 1221-1229 (2022).", "10.1038/s41592-022-01606-z"),
                cite("Thul, P. J. et al. A subcellular map of the human proteome. Science 356, eaal3321 (2017).",
                        "10.1126/science.aal3321")));
        rdf.put("license", details.license());
        rdf.put("documentation", DOCUMENTATION);
        rdf.put("tags", List.of("human-protein-atlas", target == null ? "protein-localization" : "cell-segmentation",
                target == null ? "classification" : "semantic-segmentation", "fluorescence-light-microscopy", "2d",
                "pytorch", "hpacell"));
        rdf.put("inputs", List.of(input(sha256)));
        rdf.put("outputs", List.of(output(sha256)));
        rdf.put("weights", map("torchscript", map(
                "source", ModelPackage.WEIGHTS,
                "sha256", sha256.get(ModelPackage.WEIGHTS),
                "pytorch_version", PYTORCH_VERSION)));
        try {
            return YAML.writeValueAsString(rdf);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, Object> input(Map<String, String> sha256) {
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("id", "image");
        in.put("description", (details.cells() ? "A cell crop" : "A field") + ", raw: the red (microtubules), green "
                + "(protein), blue (nucleus) and yellow (ER) channels of an 8-bit image, resized to " + size + "x"
                + size + " px." + (target == null ? "" : " The network reads only its " + target.channels() + "."));
        in.put("axes", List.of(map("type", "batch"),
                map("type", "channel", "channel_names", CHANNELS),
                space("y"), space("x")));
        in.put("test_tensor", file(ModelPackage.TEST_INPUT, sha256));
        in.put("data", map("type", "float32", "range", List.of(0, (int) EIGHT_BIT_MAX)));
        in.put("preprocessing", preprocessing());
        return in;
    }

    private List<Map<String, Object>> preprocessing() {
        List<Map<String, Object>> steps = new ArrayList<>();
        List<Double> mean = values(norm.mean());
        List<Double> std = values(norm.std());
        if (norm.imageQuantile() == 0) {
            List<Double> gain = new ArrayList<>();
            List<Double> offset = new ArrayList<>();
            for (int c = 0; c < Channel.COUNT; c++) {
                gain.add((double) (1f / EIGHT_BIT_MAX / norm.std()[c]));
                offset.add((double) (-norm.mean()[c] / norm.std()[c]));
            }
            steps.add(map("id", "scale_linear", "kwargs", map("axis", "channel", "gain", gain,
                    "offset", offset)));
        } else {
            steps.add(map("id", "scale_range", "kwargs", map("axes", List.of("y", "x"),
                    "min_percentile", 0.0, "max_percentile", norm.imageQuantile() * 100, "eps", SCALE_RANGE_EPS)));
            steps.add(map("id", "fixed_zero_mean_unit_variance", "kwargs", map("axis", "channel",
                    "mean", mean, "std", std)));
        }
        return steps;
    }

    private Map<String, Object> output(Map<String, String> sha256) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (target == null) {
            out.put("id", "probabilities");
            out.put("description", "The probability of each of the " + Location.COUNT + " HPA localisation classes "
                    + "(independent sigmoids of the logits), in HPA's class order 0..18.");
            out.put("axes", List.of(map("type", "batch"), map("type", "channel", "channel_names", classNames())));
        } else {
            out.put("id", "maps");
            out.put("description", "HPA's three segmentation maps for " + target.key() + " (softmax over the "
                    + "channels): unused, touching border, foreground, as HPA-Cell-Segmentation's networks give them.");
            out.put("axes", List.of(map("type", "batch"),
                    map("type", "channel", "channel_names", List.of("unused", "border", "foreground")),
                    map("type", "space", "id", "y", "size", map("tensor_id", "image", "axis_id", "y")),
                    map("type", "space", "id", "x", "size", map("tensor_id", "image", "axis_id", "x"))));
        }
        out.put("test_tensor", file(ModelPackage.TEST_OUTPUT, sha256));
        out.put("data", map("type", "float32", "range", List.of(0, 1)));
        return out;
    }

    /** The class names as identifiers, e.g. {@code nucleoli_fibrillar_center}. */
    static List<String> classNames() {
        return Location.all().stream()
                .map(l -> l.displayName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_")).toList();
    }

    private Map<String, Object> space(String id) {
        return map("type", "space", "id", id, "size", size);
    }

    private static Map<String, Object> file(String name, Map<String, String> sha256) {
        return map("source", name, "sha256", sha256.get(name));
    }

    /** A map of keys and values in this order (so the RDF is the same on every run). */
    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    private static Map<String, Object> cite(String text, String doi) {
        return map("text", text, "doi", doi);
    }

    private static List<Double> values(float[] v) {
        List<Double> out = new ArrayList<>();
        for (float x : v) {
            out.add((double) x);
        }
        return out;
    }

    private String description() {
        String what = target == null
                ? "hpacell " + (details.cells() ? "stage-2 cell classifier" : "stage-1 image classifier") + " ("
                        + architecture + " network): the " + Location.COUNT + " Human Protein Atlas protein "
                        + "localisation classes of a 4-channel immunofluorescence "
                        + (details.cells() ? "cell crop" : "field") + ". "
                : "hpacell segmentation U-Net (" + architecture + "): HPA's three segmentation maps of the "
                        + target.key() + " of a 4-channel immunofluorescence field. ";
        return what + preprocessingNote();
    }

    private String preprocessingNote() {
        if (norm.imageQuantile() == 0) {
            return "Preprocessing is hpacell's exactly for 8-bit input; multiply 16-bit input by 255/65535 first.";
        }
        return String.format(Locale.ROOT, "hpacell divides each channel by its own %.4g quantile (of the integer "
                + "values); scale_range from the channel's minimum to that percentile approximates this (the test "
                + "output uses scale_range).", norm.imageQuantile());
    }

    /**
     * The field as the RDF's preprocessing leaves it, {@code (C, H, W)} row-major: hpacell's normalisation
     * for the bit-depth scale; for the per-image quantile scale, bioimage.io's {@code scale_range} (per
     * channel, the {@code 0} and {@code q} percentiles with linear interpolation, as numpy's) then the fixed
     * mean and std.
     */
    float[] preprocess(FieldImage f) {
        int n = f.width() * f.height();
        float[] x = new float[Channel.COUNT * n];
        for (Channel c : Channel.values()) {
            int k = c.ordinal();
            float[] v = f.channel(c);
            float scale;
            float low = 0;
            if (norm.imageQuantile() == 0) {
                scale = norm.scale(f, c);
            } else {
                float[] sorted = v.clone();
                Arrays.sort(sorted);
                low = sorted[0];
                scale = (float) (1 / (percentile(sorted, norm.imageQuantile()) - low + SCALE_RANGE_EPS));
            }
            for (int i = 0; i < n; i++) {
                x[k * n + i] = ((v[i] - low) * scale - norm.mean()[k]) / norm.std()[k];
            }
        }
        return x;
    }

    /** The {@code p} quantile of sorted values, interpolated linearly between ranks (numpy's default). */
    private static double percentile(float[] sorted, double p) {
        double rank = p * (sorted.length - 1);
        int lo = (int) Math.floor(rank);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (rank - lo) * (sorted[hi] - sorted[lo]);
    }

    /** The package's README. */
    String readme() {
        StringBuilder s = new StringBuilder("# " + details.name() + "\n\n" + description() + "\n\n");
        s.append("Made by `hpacell export model` from a training run; the TorchScript weights are written without "
                + "Python and load in PyTorch 1.13 or later (`torch.jit.load`) and in DJL.\n\n");
        s.append("## Input\n\n`image`: float32 `(N, 4, ").append(size).append(", ").append(size)
                .append(")`, channels red, green, blue, yellow, raw values (0..255 for 8-bit images). hpacell "
                        + "normalises channel c as `(v * scale - mean[c]) / std[c]`, with\n\n");
        s.append(String.format(Locale.ROOT, "- scale: %s%n- mean: %s%n- std: %s%n%n",
                norm.imageQuantile() == 0 ? "1 / 255 (the bit depth)"
                        : "1 / (the image's " + norm.imageQuantile() + " quantile in the channel)",
                values(norm.mean()), values(norm.std())));
        if (target == null) {
            s.append("## Output\n\n`probabilities`: float32 `(N, ").append(Location.COUNT).append(")`:\n\n");
            for (Location l : Location.all()) {
                s.append(l.index()).append(". ").append(l.displayName()).append('\n');
            }
        } else {
            s.append("## Output\n\n`maps`: float32 `(N, 3, ").append(size).append(", ").append(size)
                    .append(")`, the softmax of the unused, touching-border and foreground maps.\n");
        }
        s.append("\n## Test\n\n`").append(ModelPackage.TEST_INPUT).append("` is a synthetic 8-bit field, raw; `")
                .append(ModelPackage.TEST_OUTPUT).append("` is hpacell's own prediction for it.\n");
        return s.toString();
    }
}
