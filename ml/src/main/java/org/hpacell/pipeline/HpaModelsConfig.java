package org.hpacell.pipeline;

/**
 * The {@code hpa} block of a pipeline config, read when {@code segmenter} is {@code "hpa"}:
 * HPA-Cell-Segmentation's networks converted to TorchScript (docs/hpa-models.md). Paths are read as
 * given (relative ones against the working directory).
 */
public final class HpaModelsConfig {
    /** The nucleus network, a TorchScript file. */
    public String nucleiModel;
    /** The 3-channel cell network, a TorchScript file. */
    public String cellModel;
    /** HPA's {@code padding=True}: needed when a field's side / 4 is not a multiple of 32. */
    public boolean padding;
    /** Post-process at 1/4 scale with areas 63/32/157/344 (the fast Kaggle variant). */
    public boolean quarterScale;

    /** @throws IllegalArgumentException naming the missing key */
    void validate() {
        if (nucleiModel == null || nucleiModel.isBlank()) {
            throw new IllegalArgumentException("segmenter 'hpa' needs hpa.nucleiModel (the nucleus network as TorchScript)");
        }
        if (cellModel == null || cellModel.isBlank()) {
            throw new IllegalArgumentException("segmenter 'hpa' needs hpa.cellModel (the cell network as TorchScript)");
        }
    }
}
