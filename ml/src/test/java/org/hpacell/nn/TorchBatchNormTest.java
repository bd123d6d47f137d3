package org.hpacell.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import org.junit.jupiter.api.Test;

/** {@link TorchBatchNorm} computes what DJL's BatchNorm computes, reads its files, and yields no view. */
class TorchBatchNormTest {
    private static final Shape SHAPE = new Shape(3, 5, 4, 4);

    @Test
    void matchesDjlBatchNormInTrainingAndInferenceAndLoadsItsParameters() throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            BatchNorm djl = BatchNorm.builder().optAxis(1).optEpsilon(1e-5f).optMomentum(0.9f).build();
            djl.initialize(m, DataType.FLOAT32, SHAPE);
            djl.getParameters().get("gamma").getArray().set(m.randomUniform(0.5f, 2f, new Shape(5)).toFloatArray());
            djl.getParameters().get("beta").getArray().set(m.randomUniform(-1f, 1f, new Shape(5)).toFloatArray());
            TorchBatchNorm ours = new TorchBatchNorm(1e-5f, 0.1f);
            ours.initialize(m, DataType.FLOAT32, SHAPE);
            // DJL's file loads into ours: same encoding, same parameter order
            ours.loadParameters(m, new DataInputStream(new ByteArrayInputStream(saved(djl))));

            NDArray x = m.randomNormal(2f, 3f, SHAPE, DataType.FLOAT32);
            for (boolean training : new boolean[] {true, true, false}) {
                float[] expected = run(djl, m, x, training);
                float[] actual = run(ours, m, x, training);
                assertArrayEquals(expected, actual, 1e-5f, "training=" + training);
                assertArrayEquals(djl.getParameters().get("runningMean").getArray().toFloatArray(),
                        ours.getParameters().get("runningMean").getArray().toFloatArray(), 1e-6f);
                assertArrayEquals(djl.getParameters().get("runningVar").getArray().toFloatArray(),
                        ours.getParameters().get("runningVar").getArray().toFloatArray(), 1e-5f);
            }
            // and back: our file loads into DJL's block unchanged
            BatchNorm back = BatchNorm.builder().build();
            back.initialize(m, DataType.FLOAT32, SHAPE);
            back.loadParameters(m, new DataInputStream(new ByteArrayInputStream(saved(ours))));
            assertArrayEquals(saved(ours), saved(back));
        }
    }

    @Test
    void aResidualAddedInPlaceIntoTheOutputRecordsNoViewCopy() {
        try (NDManager m = NDManager.newBaseManager()) {
            TorchBatchNorm ours = new TorchBatchNorm(1e-5f, 0.1f);
            ours.initialize(m, DataType.FLOAT32, SHAPE);
            BatchNorm djl = BatchNorm.builder().optAxis(1).build();
            djl.initialize(m, DataType.FLOAT32, SHAPE);
            NDArray x = m.randomNormal(SHAPE);
            x.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray plain = ours.forward(new ParameterStore(m, false), new NDList(x), true).singletonOrThrow();
                plain.addi(x);
                NDArray view = djl.forward(new ParameterStore(m, false), new NDList(x), true).singletonOrThrow();
                view.addi(x);
                // an in-place op on a view is recorded as a strided copy of the whole base tensor
                String ourNode = JniUtils.getGradientFunctionNames((PtNDArray) plain);
                String viewNode = JniUtils.getGradientFunctionNames((PtNDArray) view);
                assertFalse(ourNode.contains("AsStrided") || ourNode.contains("CopySlices"), ourNode);
                assertTrue(ourNode.contains("AddBackward"), ourNode);
                // the cost this block exists to avoid, shown on DJL's block
                assertTrue(viewNode.contains("AsStrided") || viewNode.contains("CopySlices"), viewNode);
            }
        }
    }

    private static float[] run(Block bn, NDManager m, NDArray x, boolean training) {
        return bn.forward(new ParameterStore(m, false), new NDList(x), training).singletonOrThrow().toFloatArray();
    }

    private static byte[] saved(Block block) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        block.saveParameters(out);
        out.flush();
        return bytes.toByteArray();
    }
}
