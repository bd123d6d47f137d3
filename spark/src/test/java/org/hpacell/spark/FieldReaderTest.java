package org.hpacell.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.hpacell.image.Channel;
import org.hpacell.image.FieldImage;
import org.hpacell.io.HpaDataset;
import org.hpacell.io.OmeTiffWriter;
import org.hpacell.progress.Progress;
import org.hpacell.synth.SynthDataset;
import org.hpacell.synth.SynthParams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A field stored as one OME-TIFF reads on an executor as its PNG channels do, local or remote. */
class FieldReaderTest {
    @TempDir
    Path dir;

    @Test
    void omeTiffFieldsReadAsTheirPngChannels() throws Exception {
        Path png = dir.resolve("png");
        new SynthDataset(SynthParams.defaults(3, 2, 64, 16)).write(png, 1, Progress.NONE, null, 0);
        HpaDataset ds = HpaDataset.open(png);
        Path ome = dir.resolve("ome");
        for (String id : ds.ids()) {
            OmeTiffWriter.write(ome.resolve(id + ".ome.tif"), ds.read(id),
                    List.of(Channel.GREEN, Channel.BLUE, Channel.RED, Channel.YELLOW),
                    List.of("protein", "nucleus", "microtubules", "ER"));
        }
        Configuration conf = new Configuration();
        conf.set("fs." + NonLocalFileSystem.SCHEME + ".impl", NonLocalFileSystem.class.getName());
        for (String uri : List.of(ome.toUri().toString(), NonLocalFileSystem.uri(ome))) {
            FieldListing.Listing l = FieldListing.list(new org.apache.hadoop.fs.Path(uri), null, conf);
            assertEquals(ds.ids(), l.fields().stream().map(r -> r.getString(0)).toList(), uri);
            for (Row r : l.fields()) {
                FieldImage want = ds.read(r.getString(0));
                FieldImage got = new FieldReader(conf).read(r);
                for (Channel c : Channel.values()) {
                    assertArrayEquals(want.channel(c), got.channel(c), uri + " " + c);
                }
            }
        }
    }
}
