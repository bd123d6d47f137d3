package org.hpacell.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.hpacell.io.FailuresCsv;
import org.hpacell.io.FieldFailure;
import org.hpacell.pipeline.Pipeline;
import org.hpacell.pipeline.PipelineLayout;

/**
 * How the page's inputs were made: for a pipeline run its resolved config, the training runs' provenance,
 * when each stage finished and the fields the run left out ({@code errors.csv}); for predictions alone the files the page was made from.
 */
final class SettingsSection {
    private SettingsSection() {
    }

    /**
     * @param provenance provenance files by title (missing ones are skipped)
     * @throws IOException naming the file if one cannot be read
     */
    static void add(HtmlDocument doc, PipelineLayout run, Map<String, Path> provenance) throws IOException {
        doc.section("settings", "Config and provenance");
        doc.heading("Stages");
        doc.raw(stages(run));
        if (Files.exists(run.errors())) {
            List<FieldFailure> left = FailuresCsv.read(run.errors());
            doc.heading("Fields left out (" + left.size() + ", " + run.errors().getFileName() + ")");
            StringBuilder sb = new StringBuilder("<table><tr><th>field</th><th>error</th></tr>\n");
            left.forEach(f -> sb.append("<tr><td>").append(HtmlDocument.escape(f.fieldId())).append("</td><td>")
                    .append(HtmlDocument.escape(f.message())).append("</td></tr>\n"));
            doc.raw(sb.append("</table>\n").toString());
        }
        for (Map.Entry<String, Path> e : provenance.entrySet()) {
            if (Files.exists(e.getValue())) {
                doc.heading(e.getKey());
                doc.raw(keyValues(e.getValue()));
            }
        }
        doc.heading("Pipeline config (" + run.config() + ")");
        if (Files.exists(run.config())) {
            doc.pre(Files.readString(run.config()));
        } else {
            doc.note("No config.json.");
        }
    }

    /**
     * The inputs of a predictions report: the submission (its size and when it was written) and the data
     * and training folders, or that they are unknown.
     *
     * @throws IOException if the submission's attributes cannot be read
     */
    static void addInputs(HtmlDocument doc, ReportInputs in) throws IOException {
        doc.section("settings", "Inputs");
        doc.note("hpacell predict does not record its models and options beside the submission; this page was "
                + "made from these files.");
        Path submission = in.submission();
        StringBuilder sb = new StringBuilder("<table>");
        row(sb, "submission", submission.toAbsolutePath().normalize() + " (" + Files.size(submission) + " bytes, "
                + "written " + Files.getLastModifiedTime(submission).toInstant().truncatedTo(ChronoUnit.SECONDS) + ")");
        row(sb, "predicted data (--data)", in.test().map(p -> p.toAbsolutePath().normalize().toString())
                .orElse("unknown"));
        row(sb, "ground truth", in.truth().map(p -> p.toAbsolutePath().normalize().toString()).orElse("none"));
        row(sb, "training data (--train)", in.train().map(p -> p.toAbsolutePath().normalize().toString())
                .orElse("unknown"));
        doc.raw(sb.append("</table>\n").toString());
    }

    private static void row(StringBuilder sb, String key, String value) {
        sb.append("<tr><th>").append(HtmlDocument.escape(key)).append("</th><td>").append(HtmlDocument.escape(value))
                .append("</td></tr>\n");
    }

    /** When each stage finished (the time in its marker), in pipeline order. */
    private static String stages(PipelineLayout run) throws IOException {
        StringBuilder sb = new StringBuilder("<table><tr><th>stage</th><th>finished</th></tr>\n");
        for (String stage : Pipeline.STAGES) {
            Path marker = run.marker(stage);
            sb.append("<tr><td>").append(HtmlDocument.escape(stage)).append("</td><td>")
                    .append(Files.exists(marker) ? HtmlDocument.escape(Files.readString(marker).strip()) : "not yet")
                    .append("</td></tr>\n");
        }
        return sb.append("</table>\n").toString();
    }

    private static String keyValues(Path json) throws IOException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json.toFile());
        } catch (IOException e) {
            throw new IOException(json + ": not valid JSON: " + e.getMessage(), e);
        }
        StringBuilder sb = new StringBuilder("<table>");
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            row(sb, e.getKey(), v.isValueNode() ? v.asText() : v.toString());
        }
        return sb.append("</table>\n").toString();
    }
}
