package org.hpacell.io;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The text layout of a Kaggle HPA submission row, shared by {@link SubmissionReader} and
 * {@link SubmissionWriter}: {@code ID,ImageWidth,ImageHeight,PredictionString}, where the prediction
 * string is space-separated {@code label confidence mask} triples (possibly none).
 */
final class SubmissionFormat {
    /** The header line. */
    static final String HEADER = "ID,ImageWidth,ImageHeight,PredictionString";

    private SubmissionFormat() {
    }

    /** The line of a row, without the line break. */
    static String format(SubmissionRow row) {
        StringBuilder sb = new StringBuilder(64 + row.predictions().size() * 64);
        sb.append(row.id()).append(',').append(row.width()).append(',').append(row.height()).append(',');
        boolean first = true;
        for (Prediction p : row.predictions()) {
            if (!first) {
                sb.append(' ');
            }
            first = false;
            appendTriple(sb, p.classIndex(), p.confidence(), p.encodedMask());
        }
        return sb.toString();
    }

    static void appendTriple(StringBuilder sb, int classIndex, double confidence, String mask) {
        sb.append(classIndex).append(' ').append(formatConfidence(confidence)).append(' ').append(mask);
    }

    /**
     * The shortest decimal that reads back as the same double, without exponent ({@code 1}, {@code 0.5},
     * {@code 0.00001}).
     */
    static String formatConfidence(double c) {
        if (c == 0) {
            return "0";
        }
        return BigDecimal.valueOf(c).stripTrailingZeros().toPlainString();
    }

    /**
     * Parses one data line.
     *
     * @throws IllegalArgumentException with the problem (no file or line: the reader adds them)
     */
    static SubmissionRow parse(String line) {
        int c1 = line.indexOf(',');
        int c2 = c1 < 0 ? -1 : line.indexOf(',', c1 + 1);
        int c3 = c2 < 0 ? -1 : line.indexOf(',', c2 + 1);
        if (c3 < 0) {
            throw new IllegalArgumentException("expected 4 comma-separated fields (" + HEADER + ")");
        }
        String id = line.substring(0, c1);
        int width = parseSize("ImageWidth", line.substring(c1 + 1, c2));
        int height = parseSize("ImageHeight", line.substring(c2 + 1, c3));
        String[] tokens = tokens(line.substring(c3 + 1));
        if (tokens.length % 3 != 0) {
            throw new IllegalArgumentException("PredictionString has " + tokens.length
                    + " tokens, not a multiple of 3 (label confidence mask)");
        }
        List<Prediction> predictions = new ArrayList<>(tokens.length / 3);
        for (int t = 0; t < tokens.length; t += 3) {
            int triple = t / 3 + 1;
            int label;
            double confidence;
            try {
                label = Integer.parseInt(tokens[t]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("triple " + triple + ": label '" + tokens[t] + "' is not an integer");
            }
            if (label < 0 || label > 18) {
                throw new IllegalArgumentException("triple " + triple + ": unknown class index " + label + " (valid: 0..18)");
            }
            try {
                confidence = Double.parseDouble(tokens[t + 1]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("triple " + triple + ": confidence '" + tokens[t + 1] + "' is not a number");
            }
            if (!Double.isFinite(confidence)) {
                throw new IllegalArgumentException("triple " + triple + ": confidence " + tokens[t + 1] + " is not finite");
            }
            predictions.add(new Prediction(label, confidence, tokens[t + 2]));
        }
        return new SubmissionRow(id, width, height, predictions);
    }

    private static int parseSize(String field, String s) {
        try {
            int v = Integer.parseInt(s.trim());
            if (v <= 0) {
                throw new IllegalArgumentException(field + " must be positive, got " + v);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " '" + s + "' is not an integer");
        }
    }

    /** The space-separated tokens (runs of spaces or tabs count as one separator). */
    private static String[] tokens(String s) {
        List<String> out = new ArrayList<>();
        int n = s.length();
        int i = 0;
        while (i < n) {
            while (i < n && isSeparator(s.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !isSeparator(s.charAt(i))) {
                i++;
            }
            if (i > start) {
                out.add(s.substring(start, i));
            }
        }
        return out.toArray(new String[0]);
    }

    private static boolean isSeparator(char c) {
        return c == ' ' || c == '\t';
    }
}
