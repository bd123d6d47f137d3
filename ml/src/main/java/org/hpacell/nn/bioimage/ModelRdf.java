package org.hpacell.nn.bioimage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.UncheckedIOException;
import java.util.ArrayList;
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
 * classifier or segmentation U-Net: the raw 4-channel image in, preprocessed as {@link InputPreprocessing}
 * states; the 19 class probabilities or HPA's three segmentation maps out; HPA's citations.
 */
final class ModelRdf {
    static final String FILE = "rdf.yaml";
    static final String DOCUMENTATION = "README.md";
    static final String FORMAT_VERSION = "0.5.3";
    static final String PYTORCH_VERSION = "1.13";
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
    private final InputPreprocessing preprocessing;
    /** What a segmentation U-Net segments; {@code null} for a classifier. */
    private final SegmentationTarget target;

    ModelRdf(ModelPackage.Details details, String architecture, int size, Normalization norm,
             SegmentationTarget target) {
        this.details = details;
        this.architecture = architecture;
        this.size = size;
        this.norm = norm;
        this.target = target;
        this.preprocessing = new InputPreprocessing(norm);
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
                        + "Classification competition. Nat Methods 19, 1221-1229 (2022).",
                        "10.1038/s41592-022-01606-z"),
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
        in.put("data", map("type", "float32", "range", List.of(0, (int) InputPreprocessing.EIGHT_BIT_MAX)));
        in.put("preprocessing", preprocessing.steps());
        return in;
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
                    + "channels): background, touching border, foreground, as HPA-Cell-Segmentation's networks "
                    + "give them.");
            out.put("axes", List.of(map("type", "batch"),
                    map("type", "channel", "channel_names", List.of("background", "border", "foreground")),
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
    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    private static Map<String, Object> cite(String text, String doi) {
        return map("text", text, "doi", doi);
    }

    static List<Double> values(float[] v) {
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
        return what + preprocessing.note();
    }

    /** The field as the RDF's preprocessing leaves it, {@code (C, H, W)} row-major. */
    float[] preprocess(FieldImage f) {
        return preprocessing.apply(f);
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
                    .append(")`, the softmax of the background, touching-border and foreground maps.\n");
        }
        s.append("\n## Test\n\n`").append(ModelPackage.TEST_INPUT).append("` is a synthetic 8-bit field, raw; `")
                .append(ModelPackage.TEST_OUTPUT).append("` is hpacell's own prediction for it.\n");
        return s.toString();
    }
}
