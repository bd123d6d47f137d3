package org.hpacell.report;

import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hpacell.atlas.Location;
import org.hpacell.metric.PrecisionRecallCurve;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The report's charts, drawn headless with XChart and returned as PNG data URIs. */
final class ReportCharts {
    /** Series colours, in series order (the Tableau 10 palette), also used by the page's HTML legends. */
    static final Color[] SERIES = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
        new Color(0xd62728), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f)};
    private static final int WIDE = 1100;
    private static final int TALL = 640;
    private static final int SMALL_WIDTH = 300;
    private static final int SMALL_HEIGHT = 230;

    private ReportCharts() {
    }

    /** The CSS colour of series {@code i}. */
    static String seriesCss(int i) {
        Color c = SERIES[i % SERIES.length];
        return String.format(Locale.ROOT, "#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }

    /**
     * Grouped bars: one group per category, one bar per series.
     *
     * @param series values by series name, each with one value per category
     */
    static String bars(String title, String yTitle, List<String> categories, Map<String, List<Double>> series,
                       Double yMax) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDE).height(TALL).title(title).yAxisTitle(yTitle)
                .build();
        var s = chart.getStyler();
        style(s);
        s.setXAxisLabelRotation(90);
        s.setLegendPosition(Styler.LegendPosition.OutsideS);
        s.setLegendLayout(Styler.LegendLayout.Horizontal);
        s.setAvailableSpaceFill(0.8);
        s.setYAxisMin(0.0);
        if (yMax != null) {
            s.setYAxisMax(yMax);
        }
        s.setYAxisDecimalPattern(yMax != null && yMax <= 1 ? "0.0" : "#,##0");
        for (Map.Entry<String, List<Double>> e : series.entrySet()) {
            chart.addSeries(e.getKey(), categories, e.getValue());
        }
        return png(chart);
    }

    /**
     * A class's precision-recall curves, one per method: the interpolated (non-increasing) precision as a
     * step line, so the area under each line is the method's AP for the class.
     */
    static String precisionRecall(Location c, Map<String, PrecisionRecallCurve> byMethod) {
        XYChart chart = new XYChartBuilder().width(SMALL_WIDTH).height(SMALL_HEIGHT).title(c.displayName())
                .xAxisTitle("recall").yAxisTitle("precision").build();
        var s = chart.getStyler();
        style(s);
        s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
        s.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        s.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        s.setLegendVisible(false);
        s.setXAxisMin(0.0);
        s.setXAxisMax(1.0);
        s.setYAxisMin(0.0);
        s.setYAxisMax(1.0);
        s.setXAxisDecimalPattern("0.0");
        s.setYAxisDecimalPattern("0.0");
        int i = 0;
        for (Map.Entry<String, PrecisionRecallCurve> e : byMethod.entrySet()) {
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            steps(e.getValue(), x, y);
            var series = chart.addSeries(e.getKey(), x, y);
            series.setMarker(SeriesMarkers.NONE);
            series.setLineColor(SERIES[i % SERIES.length]);
            i++;
        }
        return png(chart);
    }

    /** The step line of the interpolated precision: flat at p[k] from recall[k-1] to recall[k]. */
    private static void steps(PrecisionRecallCurve curve, List<Double> x, List<Double> y) {
        double[] r = curve.recall();
        double[] p = curve.interpolatedPrecision();
        double previous = 0;
        for (int k = 0; k < r.length; k++) {
            if (r[k] > previous || k == 0) {
                x.add(previous);
                y.add(p[k]);
                x.add(r[k]);
                y.add(p[k]);
                previous = r[k];
            }
        }
        if (x.isEmpty()) {
            x.add(0.0);
            y.add(0.0);
        }
        x.add(x.get(x.size() - 1));
        y.add(0.0);
    }

    private static void style(Styler s) {
        s.setChartBackgroundColor(Color.WHITE);
        s.setSeriesColors(SERIES);
        s.setLegendBorderColor(new Color(0xdddddd));
        s.setPlotBorderVisible(false);
        s.setChartPadding(8);
    }

    static String png(Chart<?, ?> chart) {
        try {
            return DataUri.png(BitmapEncoder.getBitmapBytes(chart, BitmapFormat.PNG));
        } catch (IOException e) {
            throw new UncheckedIOException("drawing the chart '" + chart.getTitle() + "'", e);
        }
    }
}
