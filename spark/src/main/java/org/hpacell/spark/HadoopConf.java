package org.hpacell.spark;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;

/**
 * The driver's Hadoop configuration as a serialisable snapshot, so executors open file systems (HDFS,
 * S3A, GCS, ...) with the same settings the job was submitted with ({@code spark.hadoop.*} options
 * included). Hadoop's {@link Configuration} itself is not serialisable.
 */
public final class HadoopConf implements Serializable {
    private static final long serialVersionUID = 1L;

    private final HashMap<String, String> entries = new HashMap<>();

    /** A snapshot of every entry of {@code conf}. */
    public HadoopConf(Configuration conf) {
        for (Map.Entry<String, String> e : conf) {
            entries.put(e.getKey(), e.getValue());
        }
    }

    /** A configuration holding the snapshot (and no defaults loaded on top of it). */
    public Configuration toConfiguration() {
        Configuration conf = new Configuration(false);
        entries.forEach(conf::set);
        return conf;
    }
}
