package org.hpacell.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import org.hpacell.atlas.LabelSet;
import org.hpacell.atlas.Location;
import org.hpacell.cam.CamMaps;
import org.hpacell.cam.CamMapsFile;
import org.hpacell.image.FieldImage;
import org.hpacell.io.HpaDataset;
import org.hpacell.io.SubmissionReader;
import org.hpacell.io.SubmissionRow;
import org.hpacell.pipeline.PipelineLayout;
import org.hpacell.progress.Progress;

/**
 * The first fields of the submission: cells outlined by predicted class with their confidences, and -
 * for a pipeline run - the class activation maps beside them ({@link FieldView}).
 */
final class FieldsSection {
    private FieldsSection() {
    }

    /**
     * @param shown at most this many fields
     */
    static void add(HtmlDocument doc, ReportInputs in, int shown, Progress.Factory progress) throws IOException {
        doc.section("fields", "Predicted cells");
        Path submission = in.submission();
        if (!Files.exists(submission)) {
            doc.note("No " + submission + " yet: the run has not finished its predict stage.");
            return;
        }
        Optional<HpaDataset> test = Optional.empty();
        if (in.test().isPresent() && Files.isDirectory(in.test().get())) {
            test = Optional.of(HpaDataset.open(in.test().get(), HpaDataset.LabelPolicy.OPTIONAL));
        }
        Optional<Path> maps = in.run().map(r -> r.cams(PipelineLayout.Split.TEST).resolve("maps"));
        Set<Location> legend = EnumSet.noneOf(Location.class);
        StringBuilder fields = new StringBuilder();
        List<String> failures = new ArrayList<>();
        // the rows drawn are few: read them first, so progress counts what is really drawn
        List<SubmissionRow> first = new ArrayList<>();
        try (SubmissionReader rows = SubmissionReader.open(submission)) {
            SubmissionRow row;
            while (first.size() < shown && (row = rows.next()) != null) {
                first.add(row);
            }
        }
        try (Progress p = progress.start("report: fields", first.size())) {
            for (SubmissionRow row : first) {
                try {
                    fields.append(field(row, test, maps, legend));
                } catch (IOException | RuntimeException e) {
                    failures.add(row.id() + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()));
                }
                p.step();
            }
        }
        doc.note("The first " + first.size() + " field(s) of " + submission.getFileName() + ". Field images: "
                + "microtubules red, protein green, nucleus blue" + (test.isPresent() ? ""
                : " (not shown: the predicted data folder is unknown; pass --data)") + "."
                + (maps.isEmpty() ? "" : " Class activation maps: the stage-1 network's evidence for the field's two "
                + "most probable classes, in orange over the protein channel."));
        StringBuilder sb = new StringBuilder("<div class=\"legend\">");
        legend.forEach(l -> sb.append("<span>").append(ClassSwatch.of(l)).append("</span>"));
        doc.raw(sb.append("</div>\n").toString()).raw(fields.toString());
        if (!failures.isEmpty()) {
            throw new IOException(failures.size() + " field(s) could not be drawn: " + String.join("; ", failures));
        }
    }

    /** One field's heading and view; its classes join the legend. */
    private static String field(SubmissionRow row, Optional<HpaDataset> test, Optional<Path> maps,
                                Set<Location> legend)
            throws IOException {
        PredictedCells cells = PredictedCells.of(row);
        Optional<FieldImage> field = Optional.empty();
        Optional<LabelSet> labels = Optional.empty();
        if (test.isPresent() && test.get().ids().contains(row.id())) {
            field = Optional.of(test.get().read(row.id()));
            labels = test.get().labels(row.id());
        }
        Optional<Path> mapFile = maps.map(m -> CamMapsFile.of(m, row.id())).filter(Files::exists);
        Optional<CamMaps> cam = mapFile.isPresent() ? Optional.of(CamMapsFile.read(mapFile.get())) : Optional.empty();
        String html = "<h3>" + HtmlDocument.escape(row.id())
                + labels.map(l -> HtmlDocument.escape(" - image labels: " + names(l))).orElse("") + "</h3>\n"
                + FieldView.html(cells, field, cam);
        cells.cells().forEach(c -> legend.add(c.top()));
        return html;
    }

    private static String names(LabelSet labels) {
        StringJoiner j = new StringJoiner(", ");
        labels.forEach(l -> j.add(l.displayName()));
        return j.toString();
    }
}
