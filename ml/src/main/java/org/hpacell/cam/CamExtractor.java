package org.hpacell.cam;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import org.hpacell.nn.ImageClassifier;

/**
 * Extracts the class activation maps of one model for one field, with optional test-time augmentation.
 *
 * <p>Per pass (one batch holding every flip of one scale): forward in inference mode, class maps
 * {@link ClassActivation#maps}, ReLU, bilinear resize to the input's frame, flips undone; the passes
 * are summed, the sum resized to the field's size and each class divided by its maximum (so the
 * averaging over passes happens before normalisation, as in Puzzle-CAM's inference). The image-level
 * probabilities are the mean sigmoid of the logits over the passes. Native memory of each field is
 * released when its maps are copied out.
 */
public final class CamExtractor {
    private final ImageClassifier model;
    private final TtaPlan plan;

    /** @param model an initialised (trained) classifier */
    public CamExtractor(ImageClassifier model, TtaPlan plan) {
        this.model = model;
        this.plan = plan;
    }

    public ImageClassifier model() {
        return model;
    }

    public TtaPlan plan() {
        return plan;
    }

    /**
     * The maps of one field.
     *
     * @param input       the network input {@code (1, inChannels, H, W)} (already normalised and resized as
     *                    the model was trained); it is left as it was
     * @param fieldWidth  width of the returned maps (the field's own size)
     * @param fieldHeight height of the returned maps
     */
    public CamMaps extract(String id, NDArray input, int fieldWidth, int fieldHeight) {
        Shape s = input.getShape();
        if (s.dimension() != 4 || s.get(0) != 1 || s.get(1) != model.inChannels()) {
            throw new IllegalArgumentException("field " + id + ": input must be (1, " + model.inChannels()
                    + ", H, W), got " + s);
        }
        int h = (int) s.get(2), w = (int) s.get(3);
        try (NDManager scope = input.getManager().newSubManager()) {
            input.tempAttach(scope);
            NDArray weight = model.classifierWeight();
            ParameterStore parameters = new ParameterStore(scope, false);
            NDArray mapSum = null;
            NDArray probSum = null;
            for (double scale : plan.scales()) {
                NDArray x = Resampling.bilinear(input, (int) Math.round(h * scale), (int) Math.round(w * scale));
                NDList flipped = new NDList();
                for (Flip f : plan.flips()) {
                    flipped.add(f.apply(x));
                }
                NDArray batch = flipped.size() == 1 ? flipped.head() : NDArrays.concat(flipped, 0);
                NDList out = model.block().forward(parameters, new NDList(batch), false);
                NDArray maps = Resampling.bilinear(ClassActivation.maps(out.get(1), weight).maximum(0f), h, w);
                NDArray passSum = plan.flips().get(0).apply(maps.get(0));
                for (int i = 1; i < plan.flips().size(); i++) {
                    passSum = passSum.add(plan.flips().get(i).apply(maps.get(i)));
                }
                NDArray probs = Activation.sigmoid(out.get(0)).sum(new int[] {0});
                mapSum = mapSum == null ? passSum : mapSum.add(passSum);
                probSum = probSum == null ? probs : probSum.add(probs);
            }
            NDArray field = Resampling.bilinear(mapSum.expandDims(0), fieldHeight, fieldWidth);
            float[] maps = ClassActivation.normalisePerClass(field).toFloatArray();
            float[] probabilities = probSum.div(plan.passes()).toFloatArray();
            return new CamMaps(id, fieldWidth, fieldHeight, maps, probabilities);
        }
    }

    /**
     * The maps of one field averaged over several models (each model's maps normalised first, so no
     * model dominates by the scale of its activations).
     */
    public static CamMaps ensemble(List<CamExtractor> models, String id, NDArray input, int fieldWidth, int fieldHeight) {
        List<CamMaps> each = new ArrayList<>();
        for (CamExtractor m : models) {
            each.add(m.extract(id, input, fieldWidth, fieldHeight));
        }
        return CamMaps.average(each);
    }
}
