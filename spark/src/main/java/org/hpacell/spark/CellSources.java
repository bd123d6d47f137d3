package org.hpacell.spark;

import java.io.IOException;
import java.nio.file.Files;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.hpacell.predict.CellImageFolder;
import org.hpacell.predict.FieldModels;
import org.hpacell.segment.ClassicalSegmenter;

/** Where the Spark job's cells come from: the classical segmenter, or label images on a Hadoop file system. */
final class CellSources {
    private CellSources() {
    }

    /** Threshold + nucleus-seeded watershed on the field itself (no weights, thread-safe). */
    static FieldModels.CellSource classical() {
        ClassicalSegmenter segmenter = new ClassicalSegmenter();
        return field -> segmenter.segment(field).cells();
    }

    /**
     * The label images of {@code dir} under the names {@link CellImageFolder} tries; a remote file is
     * copied to a scratch folder for the field and deleted after.
     */
    static FieldModels.CellSource folder(Path dir, Configuration conf) throws IOException {
        java.nio.file.Path local = DataFiles.localFile(dir, conf);
        if (local != null) {
            return new CellImageFolder(local);
        }
        FileSystem fs = dir.getFileSystem(conf);
        return field -> {
            for (String pattern : CellImageFolder.PATTERNS) {
                Path file = new Path(dir, String.format(pattern, field.id()));
                if (fs.exists(file)) {
                    java.nio.file.Path scratch = Files.createTempDirectory("hpacell-cells-");
                    try {
                        DataFiles.fetch(file, conf, scratch);
                        return new CellImageFolder(scratch).cells(field);
                    } finally {
                        FieldReader.delete(scratch);
                    }
                }
            }
            throw new IOException(dir + ": no cell label image of field " + field.id() + " (tried "
                    + String.join(", ", CellImageFolder.PATTERNS).replace("%s", field.id()) + ")");
        };
    }
}
