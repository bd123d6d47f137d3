package org.hpacell.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.util.EnumMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.hpacell.image.Channel;
import org.hpacell.image.FieldImage;
import org.hpacell.io.HpaDataset;
import org.hpacell.io.TiffStack;

/**
 * Reads the field of a {@link FieldListing} row on an executor with the checks of
 * {@link HpaDataset#read(String, Map)} (or, for a multi-channel TIFF, of {@link TiffStack}, channels by their
 * OME-XML names or else in the order red, green, blue, yellow): local channel files in place, remote ones
 * through a scratch copy
 * that is deleted once the field is decoded. A problem is reported naming the original file.
 */
final class FieldReader {
    private final Configuration conf;

    FieldReader(Configuration conf) {
        this.conf = conf;
    }

    FieldImage read(Row field) throws IOException {
        String id = field.getString(0);
        Map<Channel, Path> files = FieldListing.files(field);
        Map<Channel, java.nio.file.Path> local = new EnumMap<>(Channel.class);
        java.nio.file.Path scratch = null;
        try {
            if (new java.util.HashSet<>(files.values()).size() == 1) {
                Path stack = files.get(Channel.RED);
                java.nio.file.Path f = DataFiles.localFile(stack, conf);
                if (f == null) {
                    scratch = Files.createTempDirectory("hpacell-field-");
                    f = DataFiles.fetch(stack, conf, scratch);
                }
                try {
                    return TiffStack.read(id, f, null);
                } catch (IOException e) {
                    throw scratch == null ? e : new IOException(stack + ": " + e.getMessage(), e);
                }
            }
            for (Map.Entry<Channel, Path> e : files.entrySet()) {
                java.nio.file.Path f = DataFiles.localFile(e.getValue(), conf);
                if (f == null) {
                    if (scratch == null) {
                        scratch = Files.createTempDirectory("hpacell-field-");
                    }
                    f = DataFiles.fetch(e.getValue(), conf, scratch);
                }
                local.put(e.getKey(), f);
            }
            try {
                return HpaDataset.read(id, local);
            } catch (IOException e) {
                throw scratch == null ? e : new IOException(files.get(Channel.RED).getParent() + ": field " + id
                        + ": " + e.getMessage(), e);
            }
        } finally {
            if (scratch != null) {
                delete(scratch);
            }
        }
    }

    static void delete(java.nio.file.Path dir) throws IOException {
        org.hpacell.io.FileTrees.delete(dir);
    }
}
