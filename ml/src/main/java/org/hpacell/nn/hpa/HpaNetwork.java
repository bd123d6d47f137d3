package org.hpacell.nn.hpa;

import ai.djl.Model;
import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.nio.file.Path;
import org.hpacell.nn.TorchScriptModels;
import org.hpacell.nn.bioimage.BioimagePackage;

/**
 * One of HPA's segmentation networks as a TorchScript file: {@code (1, 3, H, W)} normalised image in,
 * {@code (1, 3, H, W)} logits out, turned into probabilities by a softmax over the channels
 * ({@code F.softmax(imgs, dim=1)} in {@code _segment_helper}).
 *
 * <p>Loading runs the script once on a zero {@code (1, 3, 64, 64)} probe, which switches the module
 * to inference mode and checks that it maps 3 channels to 3 channels at the input's size; a file that
 * is not TorchScript or has another shape is rejected with its name.
 *
 * <p>Thread-safe: DJL's {@code Predictor} is not, but it only adds per-call state around the block's
 * {@code forward}; calling the loaded TorchScript module's {@code forward} from several threads at once
 * is safe in libtorch once the module is in inference mode (done by the probe, before the instance is
 * shared). Each call creates and closes its own {@link NDManager} scope, so native memory does not grow
 * with the number of fields.
 */
final class HpaNetwork implements AutoCloseable {
    /** Side of the probe image (a multiple of 32, as the DPN U-Nets need). */
    static final int PROBE = 64;

    private final Path file;
    private final Model model;
    private final Block block;

    private HpaNetwork(Path file, Model model) {
        this.file = file;
        this.model = model;
        this.block = model.getBlock();
    }

    /**
     * @param file a TorchScript file, or a bioimage.io model package holding one ({@link BioimagePackage})
     * @param role what the network is for, for messages (e.g. "nucleus model")
     * @throws IOException naming the file when it is missing, not TorchScript, or not a 3-to-3-channel
     *                     network at full resolution
     */
    static HpaNetwork load(Path file, String role) throws IOException {
        Model model;
        try (BioimagePackage.TorchScriptFile weights = BioimagePackage.torchScript(file)) {
            try {
                model = TorchScriptModels.load(weights.file(), false);
            } catch (IOException e) {
                if (!weights.temporary()) {
                    throw e;
                }
                throw new IOException(file + ": the package's TorchScript weights cannot be loaded: "
                        + firstLine(e), e);
            }
        }
        HpaNetwork net = new HpaNetwork(file, model);
        try {
            net.probe(role);
            return net;
        } catch (IOException | RuntimeException e) {
            model.close();
            throw e;
        }
    }

    private void probe(String role) throws IOException {
        Shape in = new Shape(1, 3, PROBE, PROBE);
        try (NDManager m = model.getNDManager().newSubManager()) {
            NDList out;
            try {
                out = block.forward(new ParameterStore(m, false), new NDList(m.zeros(in)), false);
            } catch (EngineException | IllegalArgumentException e) {
                throw new IOException(file + ": not an HPA " + role + ": a " + in + " input fails: " + firstLine(e), e);
            }
            if (out.size() != 1 || !out.get(0).getShape().equals(in)) {
                throw new IOException(file + ": not an HPA " + role + ": a " + in + " input gives "
                        + (out.size() == 1 ? out.get(0).getShape().toString() : out.size() + " outputs")
                        + ", expected one " + in + " output (unused, touching border, foreground)");
            }
        }
    }

    /**
     * The softmax probabilities {@code (3, h, w)} row-major for one normalised input.
     *
     * @throws IllegalStateException naming the file when the network fails on this input
     */
    float[] probabilities(HpaInput input) {
        try (NDManager m = model.getNDManager().newSubManager()) {
            NDArray x = m.create(input.chw(), new Shape(1, 3, input.height(), input.width()));
            NDArray logits;
            try {
                logits = block.forward(new ParameterStore(m, false), new NDList(x), false).singletonOrThrow();
            } catch (EngineException e) {
                String hint = input.width() % 32 != 0 || input.height() % 32 != 0
                        ? " (the rescaled input is " + input.width() + "x" + input.height()
                                + ", not a multiple of 32: turn padding on)"
                        : "";
                throw new IllegalStateException(file + ": fails on a " + input.width() + "x" + input.height()
                        + " input" + hint + ": " + firstLine(e), e);
            }
            if (!logits.getShape().equals(x.getShape())) {
                throw new IllegalStateException(file + ": output " + logits.getShape() + " for input " + x.getShape());
            }
            return logits.softmax(1).toFloatArray();
        }
    }

    private static String firstLine(Exception e) {
        String msg = String.valueOf(e.getMessage()).strip();
        int nl = msg.indexOf('\n');
        return nl < 0 ? msg : msg.substring(0, nl);
    }

    @Override
    public void close() {
        model.close();
    }
}
