package org.hpacell.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.hpacell.image.Channel;
import org.hpacell.io.FieldFailure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Listing fields through the Hadoop file system API: complete fields, problems, an ID list. */
class FieldListingTest {
    @TempDir
    Path dir;

    private final Configuration conf = new Configuration();

    private void touch(String... names) throws IOException {
        for (String n : names) {
            Files.writeString(dir.resolve(n), "x");
        }
    }

    private void field(String id) throws IOException {
        for (Channel c : Channel.values()) {
            touch(id + "_" + c.suffix() + ".png");
        }
    }

    @Test
    void completeFieldsInIdOrderAndIncompleteOnesAsProblems() throws IOException {
        field("b-2");
        field("a_1");
        touch("c_red.png", "c_green.png", "notes.txt");
        FieldListing.Listing l = FieldListing.list(new org.apache.hadoop.fs.Path(dir.toUri()), null, conf);
        assertEquals(List.of("a_1", "b-2"), l.fields().stream().map(r -> r.getString(0)).toList());
        Row a = l.fields().get(0);
        assertTrue(FieldListing.files(a).get(Channel.YELLOW).getName().equals("a_1_yellow.png"));
        assertEquals(1, l.problems().size());
        FieldFailure p = l.problems().get(0);
        assertEquals("c", p.fieldId());
        assertTrue(p.message().contains("blue, yellow"), p.message());
    }

    @Test
    void aMultiChannelTiffIsAFieldWithItsFileInEveryColumn() throws IOException {
        field("a");
        touch("b.ome.tif", "c.tiff", "a.tif");
        FieldListing.Listing l = FieldListing.list(new org.apache.hadoop.fs.Path(dir.toUri()), null, conf);
        assertEquals(List.of("b", "c"), l.fields().stream().map(r -> r.getString(0)).toList());
        for (Channel c : Channel.values()) {
            assertEquals("b.ome.tif", FieldListing.files(l.fields().get(0)).get(c).getName());
        }
        assertEquals(1, l.problems().size());
        assertTrue(l.problems().get(0).message().contains("has channel files too"), l.problems().toString());
    }

    @Test
    void anIdListSelectsFieldsAndReportsUnknownIds() throws IOException {
        field("a");
        field("b");
        touch("c_red.png");
        Path csv = dir.resolve("ids.csv");
        Files.writeString(csv, "ID,ImageWidth,ImageHeight,PredictionString\nb,96,96,\nzz,96,96,\n");
        FieldListing.Listing l = FieldListing.list(new org.apache.hadoop.fs.Path(dir.toUri()),
                new org.apache.hadoop.fs.Path(csv.toUri()), conf);
        assertEquals(List.of("b"), l.fields().stream().map(r -> r.getString(0)).toList());
        assertEquals(List.of("zz"), l.problems().stream().map(FieldFailure::fieldId).toList(),
                "c is not asked for; zz has no files");
        assertTrue(l.problems().get(0).message().contains("ids.csv"));
    }

    @Test
    void aCsvWithoutAnIdColumnIsAnErrorNamingIt() throws IOException {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "Image,Label\nx,1\n");
        IOException e = assertThrows(IOException.class, () -> FieldListing.list(
                new org.apache.hadoop.fs.Path(dir.toUri()), new org.apache.hadoop.fs.Path(csv.toUri()), conf));
        assertTrue(e.getMessage().endsWith("bad.csv:1: expected a header whose first column is ID"), e.getMessage());
    }
}
