package org.hpacell.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.hpacell.atlas.Location;
import org.hpacell.io.DatasetCheck;
import org.hpacell.io.FieldFailure;
import org.hpacell.io.HpaDataset;
import org.hpacell.progress.Progress;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code hpacell data}: inspect datasets in the Kaggle/HPA layout. */
@Command(name = "data", mixinStandardHelpOptions = true,
        description = "Inspect datasets in the Kaggle/HPA layout (ID_red|green|blue|yellow.png + train.csv).",
        subcommands = DataCommand.Check.class)
public final class DataCommand extends CommandGroup {

    /** {@code hpacell data check --data DIR}: read every field once and report what is there and what is wrong. */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Read every field of a dataset folder and list the fields (size, bit depth, labels), "
                    + "the number of fields per class and every problem.",
                    "Exit code 1 (partial) if any field is bad."})
    static final class Check implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Mixin
        ChannelOptions channels;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--data", required = true, paramLabel = "DIR", description = "The dataset folder.")
        Path data;

        @Option(names = "--labels-required",
                description = "Every field must have a row in train.csv (as for training).")
        boolean labelsRequired;

        @Override
        public Integer call() throws Exception {
            HpaDataset ds = HpaDataset.open(data,
                    labelsRequired ? HpaDataset.LabelPolicy.REQUIRED : HpaDataset.LabelPolicy.OPTIONAL, channels.order());
            if (ds.problems().isEmpty()) {
                ds.requireFields(); // an empty folder is an error; bad fields are the check's report
            }
            DatasetCheck.Result result;
            try (Progress progress = common.progress().start("check " + ds.dir().getFileName(), ds.size())) {
                result = DatasetCheck.run(ds, common.threads(), progress);
            }
            PrintWriter out = spec.commandLine().getOut();
            if (!common.quiet()) {
                printFields(out, result);
            }
            printSummary(out, ds, result);
            out.flush();
            return result.failures().isEmpty() ? ExitCodes.OK : ExitCodes.PARTIAL;
        }

        private static void printFields(PrintWriter out, DatasetCheck.Result result) {
            int w = Math.max(5, result.fields().stream().mapToInt(f -> f.id().length()).max().orElse(0));
            out.printf("%-" + w + "s  %-11s %4s  %s%n", "field", "size", "bits", "labels");
            for (DatasetCheck.FieldSummary f : result.fields()) {
                out.printf("%-" + w + "s  %-11s %4d  %s%n", f.id(), f.width() + "x" + f.height(), f.bitDepth(),
                        f.labels().map(l -> l.isEmpty() ? "(none)" : l.toString()).orElse("-"));
            }
            out.println();
        }

        private static void printSummary(PrintWriter out, HpaDataset ds, DatasetCheck.Result result) {
            int good = result.fields().size();
            out.printf("%s: %d good field(s), %d problem(s)%n", ds.dir(), good, result.failures().size());
            Map<String, Integer> sizes = new TreeMap<>();
            Map<Integer, Integer> depths = new TreeMap<>();
            for (DatasetCheck.FieldSummary f : result.fields()) {
                sizes.merge(f.width() + "x" + f.height(), 1, Integer::sum);
                depths.merge(f.bitDepth(), 1, Integer::sum);
            }
            out.println("sizes: " + counts(sizes));
            out.println("bit depths: " + counts(depths));
            if (ds.hasLabels()) {
                int[] perClass = result.labelCounts();
                out.println("good fields per class:");
                out.printf("  %5s  %-45s %6s%n", "class", "name", "fields");
                for (Location l : Location.values()) {
                    out.printf("  %5d  %-45s %6d%n", l.index(), l.displayName(), perClass[l.index()]);
                }
            } else {
                out.println("no train.csv: fields are unlabelled");
            }
            if (!result.failures().isEmpty()) {
                out.println("problems:");
                for (FieldFailure f : result.failures()) {
                    out.println("  " + f);
                }
            }
        }

        private static String counts(Map<?, Integer> m) {
            if (m.isEmpty()) {
                return "-";
            }
            StringBuilder sb = new StringBuilder();
            m.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append(" (").append(v).append(')'));
            return sb.toString();
        }
    }
}
