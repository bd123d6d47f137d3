package org.hpacell.spark;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.hpacell.atlas.Location;
import org.hpacell.cam.cell.CellScores;
import org.hpacell.image.LabelObject;
import org.hpacell.io.SubmissionRow;
import org.hpacell.predict.PredictionPipeline;

/**
 * The rows of {@code hpacell-spark predict}: one result per field (its submission line and its cells, or
 * its error) and, exploded from it, one row per cell.
 *
 * <p>Cell columns: {@code cell_id} (the label in the field's cell image), {@code box_x, box_y,
 * box_width, box_height} (tight bounding box, pixels, origin top left), {@code area} (pixels), {@code mask}
 * (the Kaggle mask string) and {@code confidences} (19 floats, index = class index of
 * {@link Location}).
 */
public final class PredictRows {
    /** One cell. */
    public static final StructType CELL = new StructType()
            .add("cell_id", DataTypes.IntegerType, false)
            .add("box_x", DataTypes.IntegerType, false)
            .add("box_y", DataTypes.IntegerType, false)
            .add("box_width", DataTypes.IntegerType, false)
            .add("box_height", DataTypes.IntegerType, false)
            .add("area", DataTypes.IntegerType, false)
            .add("mask", DataTypes.StringType, false)
            .add("confidences", DataTypes.createArrayType(DataTypes.FloatType, false), false);

    /** One field: {@code line} and {@code cells} when it succeeded, else {@code error}. */
    public static final StructType RESULT = JobTables.withError(new StructType()
            .add("ID", DataTypes.StringType, false)
            .add("line", DataTypes.StringType, true)
            .add("cells", DataTypes.createArrayType(CELL, false), true));

    private PredictRows() {
    }

    /** The result row of a predicted field. */
    static Row result(String id, PredictionPipeline.FieldPrediction p) {
        SubmissionRow row = p.row(id);
        Map<Integer, float[]> scores = new HashMap<>();
        for (CellScores s : p.scores()) {
            scores.put(s.cellId(), s.scores());
        }
        // The row holds Location.COUNT predictions per scored cell, cells in label-image order, each
        // carrying the cell's mask string: the mask of the i-th scored cell is that of prediction i * 19.
        List<Row> cells = new ArrayList<>();
        for (LabelObject o : p.cells().objects()) {
            float[] s = scores.get(o.id());
            if (s == null) {
                continue;
            }
            String mask = row.predictions().get(cells.size() * Location.COUNT).encodedMask();
            cells.add(RowFactory.create(o.id(), o.box().x(), o.box().y(), o.box().width(), o.box().height(), o.area(),
                    mask, s.clone()));
        }
        return RowFactory.create(id, row.csvLine(), cells.toArray(new Row[0]), null);
    }

    /** The result row of a field that failed. */
    static Row failure(String id, String error) {
        return RowFactory.create(id, null, null, error);
    }
}
