package org.hpacell.train;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import javax.imageio.ImageIO;
import org.hpacell.io.AtomicFiles;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Draws the training curves (losses; validation macro AP) side by side into one PNG, headless. */
public final class CurvesPlot {
    private static final int WIDTH = 640;
    private static final int HEIGHT = 420;

    private CurvesPlot() {
    }

    /** Writes the plot of {@code rows} to {@code file} atomically (nothing for an empty log). */
    public static void write(Path file, List<EpochMetrics> rows) throws IOException {
        if (rows.isEmpty()) {
            return;
        }
        BufferedImage both = image(rows);
        AtomicFiles.write(file, out -> {
            if (!ImageIO.write(both, "png", out)) {
                throw new IOException("no PNG writer");
            }
        });
    }

    /**
     * The plot of {@code rows} (losses left, validation macro AP right) as an image.
     *
     * @throws IllegalArgumentException if {@code rows} is empty
     */
    public static BufferedImage image(List<EpochMetrics> rows) {
        return image(rows, "Validation image-level macro AP");
    }

    /**
     * As {@link #image(List)}, with the title of the AP plot (e.g. for a run validated on cells).
     *
     * @throws IllegalArgumentException if {@code rows} is empty
     */
    public static BufferedImage image(List<EpochMetrics> rows, String apTitle) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("no epochs to plot");
        }
        XYChart loss = chart("Loss", "loss");
        add(loss, "train", rows, EpochMetrics::trainLoss);
        add(loss, "validation", rows, EpochMetrics::valLoss);
        XYChart ap = chart(apTitle, "macro AP");
        add(ap, "macro AP", rows, EpochMetrics::valMacroAp);
        BufferedImage left = BitmapEncoder.getBufferedImage(loss);
        BufferedImage right = BitmapEncoder.getBufferedImage(ap);
        BufferedImage both = new BufferedImage(left.getWidth() + right.getWidth(),
                Math.max(left.getHeight(), right.getHeight()), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = both.createGraphics();
        g.drawImage(left, 0, 0, null);
        g.drawImage(right, left.getWidth(), 0, null);
        g.dispose();
        return both;
    }

    private static XYChart chart(String title, String yTitle) {
        XYChart c = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle("epoch")
                .yAxisTitle(yTitle).build();
        c.getStyler().setLegendVisible(true);
        return c;
    }

    private static void add(XYChart chart, String name, List<EpochMetrics> rows, ToDoubleFunction<EpochMetrics> f) {
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (EpochMetrics m : rows) {
            double v = f.applyAsDouble(m);
            if (!Double.isNaN(v)) {
                x.add((double) m.epoch());
                y.add(v);
            }
        }
        if (!x.isEmpty()) {
            chart.addSeries(name, x, y).setMarker(SeriesMarkers.CIRCLE);
        }
    }
}
