package org.hpacell.train;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hpacell.atlas.LabelSet;
import org.hpacell.atlas.Location;
import org.hpacell.image.Channel;
import org.hpacell.io.AtomicFiles;
import org.hpacell.progress.Progress;
import org.hpacell.train.config.AugmentConfig;
import org.hpacell.train.config.ConfigFiles;
import org.hpacell.train.config.TrainConfig;
import org.hpacell.train.data.Augmenter;
import org.hpacell.train.data.BatchBuilder;
import org.hpacell.train.data.DataSplit;
import org.hpacell.train.data.EpochOrder;
import org.hpacell.train.data.FieldSample;
import org.hpacell.train.data.Normalization;
import org.hpacell.train.data.PreparedSample;
import org.hpacell.train.data.Seeds;
import org.hpacell.train.data.StreamingLoader;
import org.hpacell.train.data.TrainBatch;
import org.hpacell.train.loss.Objective;
import org.hpacell.train.loss.TrainingStep;
import org.hpacell.train.optim.CosineSchedule;
import org.hpacell.train.optim.Optimiser;
import org.hpacell.train.optim.Optimisers;
import org.hpacell.train.optim.TrainableParameters;

/**
 * The one training loop of hpacell. Per epoch: the epoch's field order (a function of seed and epoch),
 * batches prepared by the background loader, built by the {@link BatchBuilder}, the {@link Objective}'s
 * loss back-propagated and the {@link Optimiser} stepped at the schedule's learning rate, every step in
 * a manager scope of its own; then validation (loss, per-class and macro AP), the metrics log and plot,
 * and a checkpoint ({@code last}, plus {@code best} when the validation macro AP improves).
 *
 * <p>Resuming reads {@code last.ckpt} (weights, batch-norm statistics, optimiser moments, step counter)
 * and continues with the next epoch; since data order, augmentation and schedule are functions of the
 * seed, epoch and step, the resumed run repeats what the uninterrupted run would have done.
 */
public final class TrainingLoop {
    private static final long BUILDER_PURPOSE = 0xB17DL;

    private final TrainConfig config;
    private final RunDirectory run;
    private final ClassifierFactory factory;
    private final Objective objective;
    private final BatchBuilder builder;
    private final Progress.Factory progress;

    /**
     * @param config   a validated config; its normalisation is filled in when absent
     * @param objective what a step minimises
     * @param builder  how a step's batch is built
     */
    public TrainingLoop(TrainConfig config, RunDirectory run, ClassifierFactory factory, Objective objective,
                        BatchBuilder builder, Progress.Factory progress) {
        this.config = ConfigFiles.copy(config);
        this.run = run;
        this.factory = factory;
        this.objective = objective;
        this.builder = builder;
        this.progress = progress;
    }

    /** A loop whose objective and batch builder are the ones the config names ({@link TrainPlugins}). */
    public static TrainingLoop fromConfig(TrainConfig config, RunDirectory run, ClassifierFactory factory,
                                          Progress.Factory progress) {
        return new TrainingLoop(config, run, factory, TrainPlugins.objective(config),
                TrainPlugins.batchBuilder(config), progress);
    }

    /** What a finished run reports. */
    public record Result(List<EpochMetrics> metrics, double bestMacroAp, int bestEpoch, List<String> badFields) {
    }

    /**
     * Trains on {@code data} (split into training and validation by the config's seed).
     *
     * @param resume continue from {@code checkpoints/last.ckpt} if it exists (otherwise start afresh)
     */
    public Result run(List<? extends FieldSample> data, boolean resume) throws IOException {
        config.validate();
        EngineThreads.set(config.engineThreads);
        DataSplit split = DataSplit.of(data, config.validationFraction, config.seed);
        if (split.train().isEmpty()) {
            throw new IllegalArgumentException("no training fields (" + data.size() + " fields in total)");
        }
        Files.createDirectories(run.root());
        boolean resuming = resume && Files.exists(run.lastCheckpoint());
        if (config.normalization.mean == null) {
            Normalization n = Normalization.measure(split.train(), config.normalization.sampleFields,
                    config.normalization.imageQuantile);
            config.normalization.mean = n.mean();
            config.normalization.std = n.std();
        }
        ConfigFiles.write(run.config(), config);
        if (!resuming) {
            AtomicFiles.write(run.provenance(), out -> out.write(ConfigFiles.json()
                    .writeValueAsBytes(Provenance.of(config.seed, data))));
        }
        Normalization norm = new Normalization(config.normalization.mean, config.normalization.std,
                config.normalization.imageQuantile);

        List<LabelSet> trainLabels = new ArrayList<>();
        split.train().forEach(s -> trainLabels.add(s.labels()));
        EpochOrder orders = new EpochOrder(trainLabels, config.sampler, config.seed);
        long[] stepsBefore = new long[config.epochs + 1];
        for (int e = 0; e < config.epochs; e++) {
            stepsBefore[e + 1] = stepsBefore[e] + StreamingLoader.batchCount(orders.order(e).length, config.batchSize);
        }
        long totalSteps = Math.max(1, stepsBefore[config.epochs]);
        long warmup = Math.round(config.schedule.warmupEpochs * stepsBefore[1]);
        CosineSchedule schedule = new CosineSchedule(config.optimizer.learningRate,
                config.schedule.minLearningRate, Math.min(warmup, totalSteps), totalSteps);

        try (NDManager root = NDManager.newBaseManager();
             StreamingLoader<PreparedSample> trainLoader = StreamingLoader.of(split.train(),
                     new Augmenter(config.augment, norm, config.imageSize), config.loaderThreads,
                     config.prefetchBatches, config.seed);
             StreamingLoader<PreparedSample> valLoader = StreamingLoader.of(split.validation(),
                     new Augmenter(AugmentConfig.none(), norm, config.imageSize), config.loaderThreads,
                     config.prefetchBatches, config.seed)) {
            Network network = new Network(factory.create(config.model, Channel.COUNT, Location.COUNT), root,
                    config.imageSize, config.seed);
            int startEpoch = 0;
            long step = 0;
            double best = Double.NaN;
            int bestEpoch = 0;
            Checkpoint.Loaded loaded = null;
            if (resuming) {
                loaded = Checkpoint.read(run.lastCheckpoint(), network.block(), root);
                TrainState s = loaded.state();
                startEpoch = s.epochsDone();
                step = s.step();
                best = s.bestMetric();
                bestEpoch = s.bestEpoch();
            }
            // Parameters are collected after loading: loading replaces the weight arrays.
            TrainableParameters params = new TrainableParameters(network.block());
            try (Optimiser optimiser = Optimisers.of(config.optimizer, params)) {
                if (loaded != null && !loaded.optimiserState().isEmpty()) {
                    optimiser.loadState(loaded.optimiserState());
                    loaded.optimiserState().close();
                }
                StepRunner runner = new StepRunner(network, objective, optimiser);
                MetricsLog log = resuming ? MetricsLog.resume(run.metricsCsv(), startEpoch)
                        : new MetricsLog(run.metricsCsv());
                for (int epoch = startEpoch; epoch < config.epochs; epoch++) {
                    long t0 = System.nanoTime();
                    EpochTraining t = trainEpoch(runner, trainLoader, orders.order(epoch), epoch, step, schedule, root);
                    step = t.stepAfter();
                    Validation val = objective.imageLevelValidation()
                            ? Validation.run(network, objective, valLoader, split.validation().size(),
                                    config.batchSize, root)
                            : Validation.none();
                    log.append(new EpochMetrics(epoch + 1, t.lastLearningRate(), t.meanLoss(), t.meanParts(),
                            val.loss(), val.macroAp(), val.classAp(), (System.nanoTime() - t0) / 1e9));
                    CurvesPlot.write(run.metricsPlot(), log.rows());
                    boolean improved = Double.isNaN(val.macroAp()) || Double.isNaN(best) || val.macroAp() > best;
                    if (improved) {
                        best = val.macroAp();
                        bestEpoch = epoch + 1;
                    }
                    TrainState state = new TrainState(config.model, epoch + 1, step, best, bestEpoch,
                            norm.mean(), norm.std(), config.imageSize);
                    if (improved) {
                        Checkpoint.write(run.bestCheckpoint(), state, network.block(), null);
                    }
                    Checkpoint.write(run.lastCheckpoint(), state, network.block(), optimiser.state());
                }
                List<String> bad = new ArrayList<>(trainLoader.failures());
                bad.addAll(valLoader.failures());
                if (!bad.isEmpty()) {
                    AtomicFiles.writeString(run.badFields(), String.join("\n", bad) + "\n");
                }
                return new Result(log.rows(), best, bestEpoch, bad.stream().distinct().toList());
            }
        }
    }

    /** What one epoch of training steps gave. */
    private record EpochTraining(double meanLoss, Map<String, Double> meanParts, double lastLearningRate,
                                 long stepAfter) {
    }

    /** The training steps of one epoch, from global step {@code step} on. */
    private EpochTraining trainEpoch(StepRunner runner, StreamingLoader<PreparedSample> loader, int[] order,
                                     int epoch, long step, CosineSchedule schedule, NDManager root) {
        long totalSteps = schedule.totalSteps();
        double lossSum = 0;
        Map<String, Double> partSums = new LinkedHashMap<>();
        int steps = 0;
        double lr = schedule.learningRate(step);
        String task = String.format(Locale.ROOT, "epoch %d/%d", epoch + 1, config.epochs);
        try (Progress p = progress.start(task, StreamingLoader.batchCount(order.length, config.batchSize))) {
            Iterator<List<PreparedSample>> it = loader.epoch(order, config.batchSize, true, epoch, 0);
            for (int b = 0; it.hasNext(); b++) {
                List<PreparedSample> samples = it.next();
                lr = schedule.learningRate(step);
                if (!samples.isEmpty()) {
                    float loss = trainStep(runner, samples, root, new TrainingStep(epoch, step, totalSteps, lr),
                            epoch, b, partSums);
                    lossSum += loss;
                    steps++;
                    p.message(String.format(Locale.ROOT, "loss %.4f lr %.2e", loss, lr));
                }
                step++;
                p.step();
            }
        }
        int n = Math.max(1, steps);
        Map<String, Double> parts = new LinkedHashMap<>();
        partSums.forEach((k, v) -> parts.put(k, v / n));
        return new EpochTraining(lossSum / n, parts, lr, step);
    }

    private float trainStep(StepRunner runner, List<PreparedSample> samples, NDManager root, TrainingStep step,
                            int epoch, int batchIndex, Map<String, Double> partSums) {
        try (NDManager m = root.newSubManager()) {
            TrainBatch batch = builder.build(samples, m, Seeds.random(config.seed, BUILDER_PURPOSE, epoch, batchIndex));
            return runner.run(batch, step, partSums);
        }
    }
}
