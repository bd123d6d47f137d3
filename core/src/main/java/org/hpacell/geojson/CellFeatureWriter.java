package org.hpacell.geojson;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.hpacell.atlas.ClassColours;
import org.hpacell.atlas.Location;

/**
 * Writes one field's cells as a GeoJSON FeatureCollection in QuPath's conventions (QuPath 0.4 and later
 * import it with File, Import objects from file, or by dropping the file on the image):
 * <ul>
 *   <li>{@code id}: a UUID, derived from the field ID and the cell number so a rerun writes the same file;</li>
 *   <li>{@code geometry}: a Polygon, or a MultiPolygon for a cell in several pieces, holes included, in pixel
 *       coordinates with pixel corners on integers ({@link OutlineTracer});</li>
 *   <li>{@code properties.objectType}: {@code "cell"} (a cell object without a nucleus);</li>
 *   <li>{@code properties.name}: {@code "cell N"}, the cell's number in its submission row;</li>
 *   <li>{@code properties.classification}: the most confident class, its {@code name} as HPA writes it and
 *       its {@code color} {@code [r, g, b]} from {@link ClassColours}, as the HTML report draws it;</li>
 *   <li>{@code properties.measurements}: the confidence of each of the 19 classes by class name (0 for a
 *       class the row gives none for, as ground truth lists only a cell's labels, each with 1).</li>
 * </ul>
 */
final class CellFeatureWriter {
    private static final JsonFactory JSON = new JsonFactory();

    private CellFeatureWriter() {
    }

    /** Writes the FeatureCollection of field {@code id} to {@code out} (UTF-8; the stream is left open). */
    static void write(String id, List<CellFeature> cells, OutputStream out) throws IOException {
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("type", "FeatureCollection");
            g.writeArrayFieldStart("features");
            for (CellFeature c : cells) {
                feature(g, id, c);
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    private static void feature(JsonGenerator g, String id, CellFeature c) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", "Feature");
        g.writeStringField("id", UUID.nameUUIDFromBytes((id + "/" + c.number()).getBytes(StandardCharsets.UTF_8))
                .toString());
        g.writeObjectFieldStart("geometry");
        geometry(g, c.polygons());
        g.writeEndObject();
        g.writeObjectFieldStart("properties");
        g.writeStringField("objectType", "cell");
        g.writeStringField("name", "cell " + c.number());
        Location top = c.top();
        g.writeObjectFieldStart("classification");
        g.writeStringField("name", top.displayName());
        g.writeFieldName("color");
        g.writeArray(ClassColours.rgb(top), 0, 3);
        g.writeEndObject();
        g.writeObjectFieldStart("measurements");
        for (Location l : Location.all()) {
            g.writeNumberField(l.displayName(), c.confidenceOrZero(l));
        }
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void geometry(JsonGenerator g, List<OutlinePolygon> polygons) throws IOException {
        boolean multi = polygons.size() != 1;
        g.writeStringField("type", multi ? "MultiPolygon" : "Polygon");
        g.writeArrayFieldStart("coordinates");
        for (OutlinePolygon p : polygons) {
            if (multi) {
                g.writeStartArray();
            }
            ring(g, p.shell());
            for (Ring h : p.holes()) {
                ring(g, h);
            }
            if (multi) {
                g.writeEndArray();
            }
        }
        g.writeEndArray();
    }

    /** A closed linear ring: the first position repeated at the end, as GeoJSON requires. */
    private static void ring(JsonGenerator g, Ring r) throws IOException {
        g.writeStartArray();
        for (int i = 0; i <= r.size(); i++) {
            int k = i % r.size();
            g.writeStartArray();
            g.writeNumber(r.x()[k]);
            g.writeNumber(r.y()[k]);
            g.writeEndArray();
        }
        g.writeEndArray();
    }
}
