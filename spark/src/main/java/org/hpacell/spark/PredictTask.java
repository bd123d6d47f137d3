package org.hpacell.spark;

import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.hpacell.image.FieldImage;

/** The task of {@code hpacell-spark predict}: {@link org.hpacell.predict.PredictionPipeline#predict} per field. */
final class PredictTask extends PerFieldTask<PredictSpec.Loaded> {
    private static final long serialVersionUID = 1L;

    private final PredictSpec spec;

    PredictTask(PredictSpec spec, HadoopConf hadoop) {
        super(hadoop);
        this.spec = spec;
    }

    @Override
    String key() {
        return spec.key();
    }

    @Override
    PredictSpec.Loaded load(Configuration conf) throws IOException {
        return spec.load(conf);
    }

    @Override
    Row apply(PredictSpec.Loaded models, FieldImage field, Configuration conf) throws IOException {
        return PredictRows.result(field.id(), models.pipeline().predict(field));
    }

    @Override
    Row failure(String id, String error) {
        return PredictRows.failure(id, error);
    }
}
