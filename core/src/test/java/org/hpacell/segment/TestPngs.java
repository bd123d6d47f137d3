package org.hpacell.segment;

import java.io.IOException;
import java.nio.file.Path;
import org.hpacell.image.LabelImage;
import org.hpacell.io.ImageFiles;

/** The fixture files of the tests: RGB 8-bit network outputs and 16-bit label images. */
final class TestPngs {
    private TestPngs() {
    }

    /** An RGB network output: green = border, blue = foreground. */
    static HpaPrediction prediction(Path path) throws IOException {
        return HpaPrediction.of(ImageFiles.readRgb(path));
    }

    static LabelImage labels(Path path) throws IOException {
        return ImageFiles.readLabels(path);
    }

}
