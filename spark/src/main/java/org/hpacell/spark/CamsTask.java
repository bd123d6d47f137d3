package org.hpacell.spark;

import java.io.IOException;
import java.nio.file.Files;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.hpacell.cam.CamJob;
import org.hpacell.cam.CamMaps;
import org.hpacell.cam.CamMapsFile;
import org.hpacell.image.FieldImage;

/**
 * The task of {@code hpacell-spark cams}: {@link CamJob#maps} per field, the maps written to
 * {@code OUT/maps/ID.npz} ({@link CamMapsFile}; written locally, then published whole, so a retried task
 * replaces the file with an identical one), the 19 image probabilities returned as the field's row.
 */
final class CamsTask extends PerFieldTask<CamsSpec.Loaded> {
    private static final long serialVersionUID = 1L;

    /** One field: its probabilities, or its error. */
    static final StructType RESULT = JobTables.withError(new StructType()
            .add("ID", DataTypes.StringType, false)
            .add("probabilities", DataTypes.createArrayType(DataTypes.FloatType, false), true));

    private final CamsSpec spec;
    private final String maps;

    /** @param maps the folder (URI) of the map files */
    CamsTask(CamsSpec spec, String maps, HadoopConf hadoop) {
        super(hadoop);
        this.spec = spec;
        this.maps = maps;
    }

    @Override
    String key() {
        return spec.key();
    }

    @Override
    CamsSpec.Loaded load(Configuration conf) throws IOException {
        return spec.load(conf);
    }

    @Override
    Row apply(CamsSpec.Loaded models, FieldImage field, Configuration conf) throws IOException {
        CamMaps m = CamJob.maps(models.models(), field, spec.plan());
        Path target = new Path(maps, field.id() + CamMapsFile.SUFFIX);
        java.nio.file.Path local = DataFiles.localFile(target, conf);
        if (local != null) {
            CamMapsFile.write(local, m); // atomic by itself
        } else {
            java.nio.file.Path scratch = Files.createTempDirectory("hpacell-cams-");
            try {
                java.nio.file.Path file = CamMapsFile.of(scratch, field.id());
                CamMapsFile.write(file, m);
                DataFiles.publish(file, target, conf);
            } finally {
                FieldReader.delete(scratch);
            }
        }
        return RowFactory.create(field.id(), m.probabilities().clone(), null);
    }

    @Override
    Row failure(String id, String error) {
        return RowFactory.create(id, null, error);
    }
}
