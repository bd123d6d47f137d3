package org.hpacell.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.hpacell.image.FieldImage;
import org.hpacell.io.HpaDataset;

/**
 * Draws the cells of a GeoJSON file (as {@code hpacell export geojson} writes it) over a field's composite,
 * each outlined in its {@code classification.color}, from the GeoJSON alone: no mask, no submission. It
 * shows what QuPath shows when it imports the file, and makes README's picture:
 * {@code java -cp ... org.hpacell.report.GeoJsonOverlay DATA ID CELLS.geojson OUT.png [SCALE]}.
 */
public final class GeoJsonOverlay {
    private GeoJsonOverlay() {
    }

    /** The field's composite, {@code scale} times larger, with every Feature's outline drawn on it. */
    static BufferedImage draw(FieldImage field, JsonNode featureCollection, int scale) {
        BufferedImage base = DataUri.toBufferedImage(FieldPictures.composite(field));
        BufferedImage out = new BufferedImage(base.getWidth() * scale, base.getHeight() * scale,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
            g.drawImage(base, 0, 0, out.getWidth(), out.getHeight(), null);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setStroke(new BasicStroke(Math.max(1.5f, scale * 0.75f)));
            AffineTransform zoom = AffineTransform.getScaleInstance(scale, scale);
            for (JsonNode f : featureCollection.path("features")) {
                JsonNode rgb = f.at("/properties/classification/color");
                g.setColor(new Color(rgb.get(0).asInt(), rgb.get(1).asInt(), rgb.get(2).asInt()));
                g.draw(zoom.createTransformedShape(outline(f.get("geometry"))));
            }
        } finally {
            g.dispose();
        }
        return out;
    }

    /** Every ring of a Polygon or MultiPolygon as one even-odd path. */
    static Path2D outline(JsonNode geometry) {
        Path2D.Double path = new Path2D.Double(Path2D.WIND_EVEN_ODD);
        List<JsonNode> polygons = new ArrayList<>();
        if ("Polygon".equals(geometry.path("type").asText())) {
            polygons.add(geometry.get("coordinates"));
        } else {
            geometry.get("coordinates").forEach(polygons::add);
        }
        for (JsonNode polygon : polygons) {
            for (JsonNode ring : polygon) {
                path.moveTo(ring.get(0).get(0).asDouble(), ring.get(0).get(1).asDouble());
                for (int i = 1; i < ring.size(); i++) {
                    path.lineTo(ring.get(i).get(0).asDouble(), ring.get(i).get(1).asDouble());
                }
                path.closePath();
            }
        }
        return path;
    }

    /** {@code DATA ID CELLS.geojson OUT.png [SCALE]}. */
    public static void main(String[] args) throws IOException {
        if (args.length < 4) {
            System.err.println("usage: GeoJsonOverlay DATA ID CELLS.geojson OUT.png [SCALE]");
            System.exit(2);
        }
        FieldImage field = HpaDataset.open(Path.of(args[0])).read(args[1]);
        JsonNode cells = new ObjectMapper().readTree(Path.of(args[2]).toFile());
        int scale = args.length > 4 ? Integer.parseInt(args[4]) : 2;
        ImageIO.write(draw(field, cells, scale), "png", Path.of(args[3]).toFile());
    }
}
