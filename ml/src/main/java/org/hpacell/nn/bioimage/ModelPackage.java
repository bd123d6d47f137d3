package org.hpacell.nn.bioimage;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.hpacell.image.Channel;
import org.hpacell.image.FieldImage;
import org.hpacell.io.AtomicFiles;
import org.hpacell.io.BadInputException;
import org.hpacell.io.npz.NpyArray;
import org.hpacell.io.npz.NpyFormat;
import org.hpacell.nn.EncoderClassifier;
import org.hpacell.nn.ImageClassifier;
import org.hpacell.nn.script.TorchScriptArchive;
import org.hpacell.nn.unet.UNets;
import org.hpacell.predict.PipelineModels;
import org.hpacell.segnet.SegNets;
import org.hpacell.segnet.SegmentationTarget;
import org.hpacell.stage2.SegmenterClassifier;
import org.hpacell.synth.Difficulty;
import org.hpacell.train.TrainedModel;
import org.hpacell.train.data.SynthSamples;

/**
 * Writes a trained run as a bioimage.io model package: a classifier (stage 1 on fields, or stage 2 on cell
 * crops: the same network family; {@link ClassifierScript}) or a segmentation U-Net ({@link UNetScript}).
 * The package is a zip of {@code rdf.yaml} (format 0.5, see {@link ModelRdf}), {@code README.md}, the
 * TorchScript weights (the script saved as {@code torch.jit.save} saves it, no Python needed) and a test
 * input and output ({@code .npy}). The test input is a synthetic 8-bit field at the run's input size, raw
 * (values 0..255 as float32, before the preprocessing the RDF describes); the test output is what hpacell's
 * own network gives for it after that preprocessing ({@link ModelRdf#preprocess}: hpacell's own
 * normalisation, or its stated approximation for per-image quantile runs), so the package's own test holds.
 */
public final class ModelPackage {
    /** The TorchScript weights in the package. */
    public static final String WEIGHTS = "weights_torchscript.pt";
    /** The raw test input, {@code (1, 4, S, S)} float32. */
    public static final String TEST_INPUT = "test_input.npy";
    /** The test output, float32: {@code (1, 19)} probabilities, or {@code (1, 3, S, S)} segmentation maps. */
    public static final String TEST_OUTPUT = "test_output.npy";
    private static final long TEST_SEED = 20261208L;
    /** Every entry's time, so that the same run gives the same package bytes each time. */
    private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);
    private static final int TEST_BIT_DEPTH = 8;

    private ModelPackage() {
    }

    /**
     * Describes the package beyond what the run holds.
     *
     * @param name    the model's name in the RDF
     * @param authors author names
     * @param license an SPDX licence id
     * @param cells   the run is a stage-2 cell classifier (its input is a cell crop, not a field)
     */
    public record Details(String name, List<String> authors, String license, boolean cells) {
    }

    /**
     * Writes the package of the run in {@code runDir} to {@code out} (atomically).
     *
     * @throws BadInputException naming the run when it is not a run of an exported network
     */
    public static void export(Path runDir, Path out, Details details) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        ModelRdf rdf;
        try (TrainedModel model = load(runDir)) {
            String architecture = model.config().model;
            ImageClassifier network = model.network().classifier();
            SegmentationTarget target = null;
            ByteArrayOutputStream weights = new ByteArrayOutputStream();
            try {
                if (network instanceof EncoderClassifier classifier) {
                    ClassifierScript script = ClassifierScript.of(classifier);
                    TorchScriptArchive.write(weights, ClassifierScript.CLASS_NAME, script.source(), script.tensors(),
                            false);
                } else if (network instanceof SegmenterClassifier segmenter
                        && architecture.startsWith(SegNets.PREFIX)) {
                    target = SegNets.target(architecture);
                    UNetScript script = UNetScript.of(segmenter.unet());
                    TorchScriptArchive.write(weights, UNetScript.CLASS_NAME, script.source(), script.tensors(), false);
                } else {
                    throw new IllegalArgumentException("a " + architecture + " network is not exported (classifiers "
                            + "of the ResNet family and segnet-... segmentation U-Nets are)");
                }
            } catch (IllegalArgumentException e) {
                throw new BadInputException(runDir, e.getMessage());
            }
            files.put(WEIGHTS, weights.toByteArray());
            int size = model.imageSize();
            FieldImage field = SynthSamples.generate(Difficulty.EASY.params(TEST_SEED, 1, size, TEST_BIT_DEPTH))
                    .get(0).image();
            files.put(TEST_INPUT, npy(NpyArray.ofFloats(raw(field), 1, Channel.COUNT, size, size)));
            rdf = new ModelRdf(details, architecture, size, model.normalization(), target);
            float[] output = predict(model, rdf, field, target != null);
            int[] shape = target == null ? new int[] {1, output.length}
                    : new int[] {1, UNets.HPA_SEGMENTATION_MAPS, size, size};
            files.put(TEST_OUTPUT, npy(NpyArray.ofFloats(output, shape)));
        }
        files.put(ModelRdf.DOCUMENTATION, rdf.readme().getBytes(StandardCharsets.UTF_8));
        Map<String, String> sha = new LinkedHashMap<>();
        files.forEach((name, bytes) -> sha.put(name, sha256(bytes)));
        byte[] yaml = rdf.yaml(sha).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(out, stream -> {
            ZipOutputStream zip = new ZipOutputStream(stream);
            put(zip, ModelRdf.FILE, yaml);
            for (Map.Entry<String, byte[]> e : files.entrySet()) {
                put(zip, e.getKey(), e.getValue());
            }
            zip.finish();
        });
    }

    private static TrainedModel load(Path runDir) throws IOException {
        try {
            return TrainedModel.load(runDir, SegNets.factory(PipelineModels.NETWORKS));
        } catch (IllegalArgumentException e) {
            throw new BadInputException(runDir, e.getMessage().replaceFirst("^" + Pattern.quote(
                    runDir.toString()) + ": ", ""));
        }
    }

    /** The field's values in NCHW order (channel order red, green, blue, yellow). */
    private static float[] raw(FieldImage f) {
        int n = f.width() * f.height();
        float[] out = new float[Channel.COUNT * n];
        for (Channel c : Channel.values()) {
            System.arraycopy(f.channel(c), 0, out, c.ordinal() * n, n);
        }
        return out;
    }

    /**
     * hpacell's network in inference mode on the input as the RDF preprocesses it: the sigmoid of a
     * classifier's logits, or the softmax of a segmentation U-Net's three maps.
     */
    private static float[] predict(TrainedModel model, ModelRdf rdf, FieldImage f, boolean segmentation) {
        try (NDManager manager = model.manager().newSubManager()) {
            NDArray in = manager.create(rdf.preprocess(f), new Shape(1, Channel.COUNT, f.height(), f.width()));
            NDList out = model.network().forward(in, false);
            return segmentation ? out.get(1).softmax(1).toFloatArray()
                    : out.get(0).getNDArrayInternal().sigmoid().toFloatArray();
        }
    }

    private static byte[] npy(NpyArray array) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        NpyFormat.write(bytes, array);
        return bytes.toByteArray();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void put(ZipOutputStream zip, String name, byte[] data) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTimeLocal(ENTRY_TIME);
        zip.putNextEntry(entry);
        zip.write(data);
        zip.closeEntry();
    }
}
