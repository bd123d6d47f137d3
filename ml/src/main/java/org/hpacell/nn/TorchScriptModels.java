package org.hpacell.nn;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Loads TorchScript files ({@code torch.jit.trace(model, x).save("m.pt")} or {@code
 * torch.jit.script}) with DJL's PyTorch engine, as frozen or fine-tunable models.
 *
 * <p>The returned {@link Model}'s block is a {@code PtSymbolBlock}: {@code forward} runs the
 * script; its parameters carry the script's own names (e.g. {@code "conv.weight"}). Frozen models
 * (the default of DJL) do not record gradients; {@code trainable} ones do, so a trainer can
 * fine-tune them (set a small learning rate). Close the model to free its native memory.
 */
public final class TorchScriptModels {
    /** DJL's name of the PyTorch engine. */
    public static final String ENGINE = "PyTorch";

    private TorchScriptModels() {}

    /**
     * Loads {@code file} on the CPU.
     *
     * @param trainable whether the parameters receive gradients (fine-tuning) or are frozen
     * @throws IOException when the file is missing or not a TorchScript archive (the message names it)
     */
    public static Model load(Path file, boolean trainable) throws IOException {
        return load(file, trainable, Device.cpu());
    }

    /** Loads {@code file} onto {@code device}. */
    public static Model load(Path file, boolean trainable, Device device) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such TorchScript file");
        }
        String name = file.getFileName().toString().replaceFirst("\\.pt$", "");
        Model model = Model.newInstance(name, device, ENGINE);
        try {
            model.load(file, null, Map.of("trainParam", Boolean.toString(trainable), "mapLocation", "true"));
            return model;
        } catch (MalformedModelException | IOException | RuntimeException e) {
            model.close();
            throw new IOException(file + ": cannot load as a TorchScript model: " + e.getMessage(), e);
        }
    }
}
