package org.hpacell.spark;

import java.io.IOException;
import java.util.Iterator;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.util.TaskCompletionListener;
import org.hpacell.image.FieldImage;

/**
 * A Spark task over a partition of {@link FieldListing} rows: borrows the models from the executor's
 * {@link ModelPool} (loading them on the JVM's first task), then streams the fields one at a time -
 * read, apply, emit one result row - and gives the models back when the task ends. A field that cannot
 * be read or fails in a model yields a row with its error; the task goes on. A model that cannot be
 * loaded fails the task (and, after Spark's retries, the job): no field could succeed without it.
 *
 * @param <M> the loaded models
 */
abstract class PerFieldTask<M extends AutoCloseable> implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    private final HadoopConf hadoop;

    PerFieldTask(HadoopConf hadoop) {
        this.hadoop = hadoop;
    }

    /** The key of the models in the pool. */
    abstract String key();

    /** Loads the models. */
    abstract M load(Configuration conf) throws IOException;

    /** The result row of one field. */
    abstract Row apply(M models, FieldImage field, Configuration conf) throws IOException;

    /** The result row of a field that failed. */
    abstract Row failure(String id, String error);

    @Override
    public Iterator<Row> call(Iterator<Row> fields) throws IOException {
        Configuration conf = hadoop.toConfiguration();
        M models = ModelPool.borrow(key(), () -> load(conf));
        TaskContext task = TaskContext.get();
        if (task != null) {
            task.addTaskCompletionListener(new TaskCompletionListener() {
                @Override
                public void onTaskCompletion(TaskContext context) {
                    ModelPool.release(key(), models);
                }
            });
        }
        FieldReader reader = new FieldReader(conf);
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return fields.hasNext();
            }

            @Override
            public Row next() {
                Row field = fields.next();
                String id = field.getString(0);
                try {
                    return apply(models, reader.read(field), conf);
                } catch (IOException | RuntimeException e) {
                    return failure(id, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
                }
            }
        };
    }
}
