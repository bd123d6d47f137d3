package org.hpacell.spark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.hpacell.image.Channel;
import org.hpacell.io.FieldFailure;
import org.hpacell.io.HpaLayout;

/**
 * The fields of a dataset folder in the Kaggle/HPA layout ({@code ID_red|green|blue|yellow.png|tif}) on
 * any Hadoop file system, listed once on the driver; optionally only the IDs of a CSV (the first column
 * of every line after the header, e.g. Kaggle's {@code sample_submission.csv}).
 *
 * <p>A field is a row {@code (ID, red, green, blue, yellow)} of channel file URIs; a field stored as one
 * multi-channel TIFF ({@code ID.ome.tif}, {@code ID.tif}) has that file in all four. A field with a missing
 * or doubled channel, and an ID of the CSV with no files, is a problem (a row of the errors table), as
 * {@link org.hpacell.io.HpaDataset} reports them for a local folder.
 */
public final class FieldListing {
    /** The schema of a field row. */
    public static final StructType SCHEMA = schema();

    /** The fields (sorted by ID) and the problems found. */
    public record Listing(List<Row> fields, List<FieldFailure> problems) {
    }

    private FieldListing() {
    }

    private static StructType schema() {
        StructType s = new StructType().add("ID", DataTypes.StringType, false);
        for (Channel c : Channel.values()) {
            s = s.add(c.suffix(), DataTypes.StringType, false);
        }
        return s;
    }

    /**
     * Lists {@code data}.
     *
     * @param ids a CSV whose first column holds the IDs to predict, or {@code null} for every field
     * @throws IOException naming the folder or CSV if it cannot be read
     */
    public static Listing list(Path data, Path ids, Configuration conf) throws IOException {
        FileSystem fs = data.getFileSystem(conf);
        if (!fs.getFileStatus(data).isDirectory()) {
            throw new IOException(data + ": is not a folder");
        }
        Map<String, Map<Channel, Path>> found = new TreeMap<>();
        List<FieldFailure> problems = new ArrayList<>();
        Map<String, Path> stacks = new TreeMap<>();
        for (FileStatus st : fs.listStatus(data)) {
            String stackId = HpaLayout.stackId(st.getPath().getName());
            if (stackId != null && st.isFile()) {
                Path before = stacks.putIfAbsent(stackId, st.getPath());
                if (before != null) {
                    problems.add(new FieldFailure(stackId, st.getPath() + ": field " + stackId
                            + " has a second multi-channel TIFF (" + before.getName() + ")"));
                }
                continue;
            }
            HpaLayout.ChannelFile cf = HpaLayout.parse(st.getPath().getName());
            if (cf == null || !st.isFile()) {
                continue;
            }
            Path before = found.computeIfAbsent(cf.id(), k -> new EnumMap<>(Channel.class))
                    .putIfAbsent(cf.channel(), st.getPath());
            if (before != null) {
                problems.add(new FieldFailure(cf.id(), st.getPath() + ": field " + cf.id()
                        + " has a second file for channel " + cf.channel().suffix() + " (" + before.getName() + ")"));
            }
        }
        for (Map.Entry<String, Path> e : stacks.entrySet()) {
            if (found.containsKey(e.getKey())) {
                problems.add(new FieldFailure(e.getKey(), e.getValue() + ": field " + e.getKey()
                        + " has channel files too"));
            } else {
                // a multi-channel TIFF: the one file stands in every channel's column
                Map<Channel, Path> all = new EnumMap<>(Channel.class);
                for (Channel c : Channel.values()) {
                    all.put(c, e.getValue());
                }
                found.put(e.getKey(), all);
            }
        }
        Set<String> doubled = new LinkedHashSet<>();
        problems.forEach(p -> doubled.add(p.fieldId()));
        Set<String> wanted = ids == null ? found.keySet() : readIds(ids, conf);
        List<Row> fields = new ArrayList<>();
        for (String id : new TreeSet<>(wanted)) {
            Map<Channel, Path> files = found.get(id);
            if (files == null) {
                problems.add(new FieldFailure(id, ids + ": ID " + id + " has no image files in " + data));
            } else if (doubled.contains(id)) {
                continue; // reported above
            } else if (files.size() != Channel.COUNT) {
                problems.add(new FieldFailure(id, data + ": field " + id + " lacks channel file(s) of "
                        + missing(files) + " (expected all four of red, green, blue, yellow)"));
            } else {
                Object[] values = new Object[1 + Channel.COUNT];
                values[0] = id;
                for (Channel c : Channel.values()) {
                    values[1 + c.ordinal()] = files.get(c).toString();
                }
                fields.add(RowFactory.create(values));
            }
        }
        if (ids != null) {
            problems.removeIf(p -> !wanted.contains(p.fieldId()));
        }
        return new Listing(fields, problems);
    }

    /** The channel files of a field row. */
    public static Map<Channel, Path> files(Row field) {
        Map<Channel, Path> files = new EnumMap<>(Channel.class);
        for (Channel c : Channel.values()) {
            files.put(c, new Path(field.getString(1 + c.ordinal())));
        }
        return files;
    }

    private static String missing(Map<Channel, Path> files) {
        List<String> names = new ArrayList<>();
        for (Channel c : Channel.values()) {
            if (!files.containsKey(c)) {
                names.add(c.suffix());
            }
        }
        return String.join(", ", names);
    }

    private static Set<String> readIds(Path csv, Configuration conf) throws IOException {
        Set<String> ids = new LinkedHashSet<>();
        FileSystem fs = csv.getFileSystem(conf);
        try (BufferedReader r = new BufferedReader(new InputStreamReader(fs.open(csv), StandardCharsets.UTF_8))) {
            String header = r.readLine();
            if (header == null || !header.split(",", -1)[0].trim().equals("ID")) {
                throw new IOException(csv + ":1: expected a header whose first column is ID");
            }
            int line = 1;
            for (String s = r.readLine(); s != null; s = r.readLine()) {
                line++;
                String id = s.split(",", -1)[0].trim();
                if (id.isEmpty()) {
                    if (s.isBlank()) {
                        continue;
                    }
                    throw new IOException(csv + ":" + line + ": empty ID");
                }
                ids.add(id);
            }
        }
        return ids;
    }
}
