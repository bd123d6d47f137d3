package org.hpacell.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.hpacell.atlas.LabelSet;
import org.hpacell.image.Channel;
import org.hpacell.image.FieldImage;

/**
 * A dataset in the Kaggle/HPA layout: a folder of {@code <ID>_red|green|blue|yellow.png} (or
 * {@code .tif}/{@code .tiff}), 8- or 16-bit grayscale, and optionally {@code train.csv}
 * ({@link TrainCsv}) with the image-level labels. A field may instead be one multi-channel TIFF,
 * {@code <ID>.ome.tif(f)} or {@code <ID>.tif(f)} ({@link TiffStack}); it reads as the same
 * {@link FieldImage} its channels would as four PNGs.
 *
 * <p>{@link #open} only lists the folder and reads {@code train.csv}; images are read one field at a
 * time by {@link #read}, {@link #tryRead} or {@link #fields}. Problems found while opening do not stop
 * the dataset from being used: a field with a missing or doubled channel file, a bad row of
 * {@code train.csv}, an id of {@code train.csv} without image files or (when labels are
 * {@link LabelPolicy#REQUIRED required}) images without a row are left out of {@link #ids()} and listed
 * in {@link #problems()}. Each message names the file (and line) and the problem.
 *
 * <p>An opened dataset is immutable; reading fields is thread-safe, so a pool of workers may call
 * {@link #tryRead} for different ids at once, collecting failures in one {@link FieldFailures}.
 */
public final class HpaDataset {
    /** Whether every field must have a row in {@code train.csv}. */
    public enum LabelPolicy {
        /** {@code train.csv} may be absent, and fields may lack a row (e.g. a test set). */
        OPTIONAL,
        /** {@code train.csv} must exist and every field must have a good row (training). */
        REQUIRED
    }

    private final Path dir;
    private final Map<String, Map<Channel, Path>> fields;
    private final Map<String, Path> stacks;
    private final int[] channelOrder;
    private final List<String> ids;
    private final TrainCsv trainCsv;
    private final List<FieldFailure> problems;

    private HpaDataset(Path dir, Map<String, Map<Channel, Path>> fields, Map<String, Path> stacks,
            int[] channelOrder, TrainCsv trainCsv, List<FieldFailure> problems) {
        this.dir = dir;
        this.fields = fields;
        this.stacks = stacks;
        this.channelOrder = channelOrder == null ? null : channelOrder.clone();
        TreeMap<String, Boolean> all = new TreeMap<>();
        fields.keySet().forEach(id -> all.put(id, true));
        stacks.keySet().forEach(id -> all.put(id, true));
        this.ids = List.copyOf(all.keySet());
        this.trainCsv = trainCsv;
        this.problems = Collections.unmodifiableList(problems);
    }

    /** Opens a folder whose labels are optional. */
    public static HpaDataset open(Path dir) throws IOException {
        return open(dir, LabelPolicy.OPTIONAL);
    }

    /**
     * Opens a folder: lists its channel files and reads {@code train.csv} if present.
     *
     * @throws BadInputException if the folder does not exist, {@code train.csv} is required but missing,
     *                           or its header is wrong
     */
    public static HpaDataset open(Path dir, LabelPolicy policy) throws IOException {
        return open(dir, policy, null);
    }

    /**
     * Opens a folder as {@link #open(Path, LabelPolicy)}, with the channel order of its multi-channel TIFFs.
     *
     * @param channelOrder the plane of each channel by {@link Channel#ordinal()} in every multi-channel TIFF
     *                     ({@link ChannelNames#parseOrder}, from {@code --channels}), or {@code null} to take
     *                     it from each file's OME-XML channel names or else the order red, green, blue, yellow
     */
    public static HpaDataset open(Path dir, LabelPolicy policy, int[] channelOrder) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new BadInputException(dir, Files.exists(dir) ? "is not a folder" : "no such folder");
        }
        Path csvPath = dir.resolve(HpaLayout.TRAIN_CSV);
        boolean hasCsv = Files.isRegularFile(csvPath);
        if (policy == LabelPolicy.REQUIRED && !hasCsv) {
            throw new BadInputException(csvPath, "no such file (the image-level labels are required)");
        }
        List<FieldFailure> problems = new ArrayList<>();
        Set<String> doubled = new HashSet<>();
        Map<String, Map<Channel, Path>> found = listChannelFiles(dir, problems, doubled);
        Map<String, Path> stacks = listStacks(dir, found, problems, doubled);
        TrainCsv csv = hasCsv ? TrainCsv.read(csvPath) : null;
        if (csv != null) {
            problems.addAll(csv.problems());
            for (TrainCsv.Row row : csv.rows().values()) {
                if (!found.containsKey(row.id()) && !stacks.containsKey(row.id())) {
                    problems.add(new FieldFailure(row.id(), csvPath + ":" + row.line() + ": ID " + row.id()
                            + " has no image files in " + dir));
                }
            }
        }
        Map<String, Map<Channel, Path>> good = new TreeMap<>();
        for (Map.Entry<String, Map<Channel, Path>> e : found.entrySet()) {
            String id = e.getKey();
            Map<Channel, Path> files = e.getValue();
            if (doubled.contains(id) || (csv != null && csv.badIds().contains(id))) {
                continue; // already reported
            } else if (files.size() != Channel.COUNT) {
                problems.add(new FieldFailure(id, missingChannels(id, files)));
            } else if (policy == LabelPolicy.REQUIRED && !csv.rows().containsKey(id)) {
                problems.add(new FieldFailure(id,
                        files.get(Channel.RED) + ": field " + id + " has no row in " + csvPath));
            } else {
                good.put(id, Collections.unmodifiableMap(files));
            }
        }
        Map<String, Path> goodStacks = new TreeMap<>();
        for (Map.Entry<String, Path> e : stacks.entrySet()) {
            String id = e.getKey();
            if (doubled.contains(id) || (csv != null && csv.badIds().contains(id))) {
                continue; // already reported
            } else if (policy == LabelPolicy.REQUIRED && !csv.rows().containsKey(id)) {
                problems.add(new FieldFailure(id, e.getValue() + ": field " + id + " has no row in " + csvPath));
            } else {
                goodStacks.put(id, e.getValue());
            }
        }
        return new HpaDataset(dir, good, goodStacks, channelOrder, csv, problems);
    }

    /** The multi-channel TIFFs of {@code dir}; an id that also has channel files, or two such files, is doubled. */
    private static Map<String, Path> listStacks(Path dir, Map<String, Map<Channel, Path>> channelFiles,
            List<FieldFailure> problems, Set<String> doubled) throws IOException {
        Map<String, Path> found = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.sorted().toList();
        }
        for (Path p : files) {
            String id = HpaLayout.stackId(p.getFileName().toString());
            if (id == null || !Files.isRegularFile(p)) {
                continue;
            }
            Path before = found.putIfAbsent(id, p);
            if (before != null) {
                problems.add(new FieldFailure(id, p + ": field " + id + " has a second multi-channel TIFF ("
                        + before.getFileName() + ")"));
                doubled.add(id);
            } else if (channelFiles.containsKey(id)) {
                problems.add(new FieldFailure(id, p + ": field " + id + " has channel files too ("
                        + channelFiles.get(id).values().iterator().next().getFileName() + ")"));
                doubled.add(id);
            }
        }
        return found;
    }

    private static Map<String, Map<Channel, Path>> listChannelFiles(Path dir, List<FieldFailure> problems,
            Set<String> doubled) throws IOException {
        Map<String, Map<Channel, Path>> found = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.sorted().toList();
        }
        for (Path p : files) {
            HpaLayout.ChannelFile cf = HpaLayout.parse(p.getFileName().toString());
            if (cf == null || !Files.isRegularFile(p)) {
                continue;
            }
            Map<Channel, Path> channels = found.computeIfAbsent(cf.id(), k -> new EnumMap<>(Channel.class));
            Path before = channels.putIfAbsent(cf.channel(), p);
            if (before != null) {
                problems.add(new FieldFailure(cf.id(), p + ": field " + cf.id() + " has a second file for channel "
                        + cf.channel().suffix() + " (" + before.getFileName() + ")"));
                doubled.add(cf.id());
            }
        }
        return found;
    }

    private static String missingChannels(String id, Map<Channel, Path> files) {
        Path any = files.values().iterator().next();
        String ext = ImageFormat.of(any).extension();
        StringJoiner missing = new StringJoiner(", ");
        for (Channel c : Channel.values()) {
            if (!files.containsKey(c)) {
                missing.add(any.resolveSibling(HpaLayout.fileName(id, c, ImageFormat.of(any))).toString());
            }
        }
        return missing + ": missing channel file" + (missing.toString().contains(", ") ? "s" : "") + " of field "
                + id + " (expected all four of red, green, blue, yellow ." + ext + ")";
    }

    /**
     * This dataset, if it has a usable field.
     *
     * @throws BadInputException naming the folder if it has none: no channel files at all, or every field
     *                           left out (the count and the first reason are given)
     */
    public HpaDataset requireFields() throws BadInputException {
        if (!ids.isEmpty()) {
            return this;
        }
        if (problems.isEmpty()) {
            throw new BadInputException(dir, "no fields (expected ID_red.png, ID_green.png, ID_blue.png and "
                    + "ID_yellow.png, or .tif)");
        }
        throw new BadInputException(dir, "no usable fields: all " + problems.size() + " left out, the first "
                + "because " + problems.get(0));
    }

    /** The folder. */
    public Path dir() {
        return dir;
    }

    /** The usable fields' ids, sorted. */
    public List<String> ids() {
        return ids;
    }

    /** Number of usable fields. */
    public int size() {
        return ids.size();
    }

    /** Whether the folder has a {@code train.csv}. */
    public boolean hasLabels() {
        return trainCsv != null;
    }

    /** The image-level labels of a field, if {@code train.csv} has a good row for it. */
    public Optional<LabelSet> labels(String id) {
        if (trainCsv == null) {
            return Optional.empty();
        }
        TrainCsv.Row row = trainCsv.rows().get(id);
        return row == null ? Optional.empty() : Optional.of(row.labels());
    }

    /** The file of one channel of a usable field (the field's one file if it is a multi-channel TIFF). */
    public Path channelPath(String id, Channel channel) {
        Path stack = stacks.get(id);
        return stack != null ? stack : filesOf(id).get(channel);
    }

    /** The problems found while opening (fields left out), in the order found. */
    public List<FieldFailure> problems() {
        return problems;
    }

    /** A failure collector for a job over this dataset, holding {@link #problems()} already. */
    public FieldFailures newFailures() {
        FieldFailures f = new FieldFailures();
        f.addAll(problems);
        return f;
    }

    /**
     * Reads the four channels of a field at full precision.
     *
     * @throws BadInputException        naming the channel file if one cannot be decoded, is not 8- or 16-bit
     *                                  grayscale, or differs from the red channel in size or bit depth
     * @throws IllegalArgumentException if {@code id} is not one of {@link #ids()}
     */
    public FieldImage read(String id) throws IOException {
        Path stack = stacks.get(id);
        return stack != null ? TiffStack.read(id, stack, channelOrder) : read(id, filesOf(id));
    }

    /**
     * Reads the four channel files of one field, checked as {@link #read(String)} checks them (for a field
     * whose files were found elsewhere, e.g. copied from a remote file system).
     *
     * @param files one file per channel
     * @throws BadInputException naming the channel file if one cannot be decoded, is not 8- or 16-bit
     *                           grayscale, or differs from the red channel in size or bit depth
     */
    public static FieldImage read(String id, Map<Channel, Path> files) throws IOException {
        if (files.size() != Channel.COUNT) {
            throw new IllegalArgumentException("field " + id + " needs " + Channel.COUNT + " channel files, got "
                    + files.keySet());
        }
        float[][] planes = new float[Channel.COUNT][];
        GrayImage first = null;
        Path firstPath = null;
        for (Channel c : Channel.values()) {
            Path p = files.get(c);
            GrayImage g = ImageFiles.readGray(p);
            if (g.bitDepth() != 8 && g.bitDepth() != 16) {
                throw new BadInputException(p, "is " + g.bitDepth() + "-bit; HPA channels must be 8- or 16-bit");
            }
            if (first == null) {
                first = g;
                firstPath = p;
            } else if (g.width() != first.width() || g.height() != first.height()) {
                throw new BadInputException(p, "is " + g.width() + "x" + g.height() + " but " + firstPath.getFileName()
                        + " is " + first.width() + "x" + first.height()
                        + " (the channels of a field must share their size)");
            } else if (g.bitDepth() != first.bitDepth()) {
                throw new BadInputException(p, "is " + g.bitDepth() + "-bit but " + firstPath.getFileName() + " is "
                        + first.bitDepth() + "-bit (the channels of a field must share their bit depth)");
            }
            planes[c.ordinal()] = g.toFloats();
        }
        return new FieldImage(id, first.width(), first.height(), first.bitDepth(), planes);
    }

    /**
     * Reads a field, or records why it cannot be read in {@code failures} and returns empty. Thread-safe.
     * I/O failures other than bad input (e.g. a disk error) are recorded too, so a batch goes on.
     */
    public Optional<FieldImage> tryRead(String id, FieldFailures failures) {
        try {
            return Optional.of(read(id));
        } catch (IOException | RuntimeException e) {
            failures.add(id, e);
            return Optional.empty();
        }
    }

    /**
     * The usable fields in id order, each read when the iteration reaches it (one field in memory at a
     * time); fields that cannot be read are skipped and recorded in {@code failures}.
     */
    public Iterable<FieldImage> fields(FieldFailures failures) {
        return () -> new Iterator<>() {
            private int next;
            private FieldImage ahead;

            @Override
            public boolean hasNext() {
                while (ahead == null && next < ids.size()) {
                    ahead = tryRead(ids.get(next++), failures).orElse(null);
                }
                return ahead != null;
            }

            @Override
            public FieldImage next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                FieldImage f = ahead;
                ahead = null;
                return f;
            }
        };
    }

    private Map<Channel, Path> filesOf(String id) {
        Map<Channel, Path> files = fields.get(id);
        if (files == null) {
            throw new IllegalArgumentException("field " + id + " is not a usable field of " + dir);
        }
        return files;
    }
}
