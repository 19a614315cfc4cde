using System.Diagnostics;
using FaqBot.Classifier.Answering;
using FaqBot.Classifier.Text;
using FaqBot.Knowledge.Model;
using Microsoft.ML;
using Microsoft.ML.Trainers;
using Microsoft.ML.Transforms.Text;

namespace FaqBot.Classifier.Training;

/// <summary>
/// Trains the answer classifier from a knowledge base: generate examples, normalise them to content stems, featurise
/// word uni- and bigrams, fit L-BFGS maximum entropy with balanced class weights (fixed seed, one thread, so the model
/// repeats exactly), then calibrate the decline threshold and clarification margin on held-out generated questions.
/// </summary>
public sealed class AnswerModelTrainer
{
    private readonly TrainerSettings _settings;

    /// <summary>Creates a trainer.</summary>
    public AnswerModelTrainer(TrainerSettings settings)
    {
        _settings = settings;
    }

    /// <summary>Trains and calibrates. <paramref name="calibrationQuestions"/> (hand-written, optional) join the held-out set.</summary>
    public TrainingOutcome Train(
        KnowledgeBase knowledgeBase,
        ClassifierData data,
        IProgress<string>? progress = null,
        IReadOnlyList<LabelledQuestion>? calibrationQuestions = null)
    {
        ArgumentNullException.ThrowIfNull(knowledgeBase);
        ArgumentNullException.ThrowIfNull(data);
        if (knowledgeBase.Entries.Count == 0)
        {
            throw new InvalidOperationException("The knowledge base has no entries: nothing to train on. Check the articles folder.");
        }

        var clock = Stopwatch.StartNew();
        var normalizer = NormalizerFactory.Create(knowledgeBase, data);
        var negatives = data.Negatives;
        var examples = new TrainingSetBuilder(normalizer, _settings.Seed) { FragmentsPerSentence = _settings.FragmentsPerSentence, NoisyFragmentShare = _settings.NoisyFragmentShare }
            .Build(knowledgeBase, negatives);
        var rows = ToRows(examples, normalizer, _settings.OutOfScopeShare);
        progress?.Report($"Generated {rows.Count} training examples for {rows.Select(r => r.Label).Distinct().Count()} classes.");

        var ml = new MLContext(_settings.Seed);
        var transformer = Fit(ml, rows, _settings);
        progress?.Report($"Fitted the maximum-entropy classifier in {clock.Elapsed.TotalSeconds:0.00} s.");

        var provisional = new ModelMetadata(
            AnswerModel.FormatVersion, KnowledgeBaseHasher.Hash(knowledgeBase, data, _settings.Seed), "", DateTimeOffset.UtcNow,
            _settings.Seed, rows.Count, rows.Select(r => r.Label).Distinct().Count(), 0, 0.5f, 0.05f);
        var model = new AnswerModel(ml, transformer, provisional);
        var answerer = new Answerer(knowledgeBase, normalizer, model, new AnswerSettings(0.5f, 0.05f));
        var heldOut = Calibrator.GenerateHeldOut(knowledgeBase, negatives, normalizer, _settings.Seed + 1);
        if (calibrationQuestions is not null)
        {
            heldOut = [.. heldOut, .. calibrationQuestions];
        }

        var calibration = Calibrator.Calibrate(answerer, heldOut);
        progress?.Report($"Calibrated on {heldOut.Count} held-out questions: decline below {calibration.DeclineThreshold:0.000}, clarify within {calibration.ClarificationMargin:0.000}.");
        clock.Stop();
        var metadata = provisional with
        {
            DeclineThreshold = calibration.DeclineThreshold,
            ClarificationMargin = calibration.ClarificationMargin,
            TrainingSeconds = clock.Elapsed.TotalSeconds,
        };
        return new TrainingOutcome(model.WithMetadata(metadata), normalizer, examples, calibration);
    }

    /// <summary>Normalises examples and weights them so every in-scope class weighs the same.</summary>
    public static List<TrainingRow> ToRows(IReadOnlyList<TrainingExample> examples, QueryNormalizer normalizer, float outOfScopeShare)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(normalizer);
        var rows = examples
            .Select(e => new TrainingRow { Text = normalizer.Featurize(e.Text), Label = e.Label })
            .Where(r => r.Text.Length > 0)
            .ToList();
        var counts = rows.GroupBy(r => r.Label).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var inScopeClasses = counts.Keys.Count(k => k != AnswerLabels.OutOfScope);
        var total = (float)rows.Count;
        foreach (var row in rows)
        {
            // Each in-scope class totals total/(classes*(1+share)); out-of-scope totals share times all in-scope classes together.
            var classWeight = row.Label == AnswerLabels.OutOfScope
                ? outOfScopeShare * total / (1 + outOfScopeShare)
                : total / (inScopeClasses * (1 + outOfScopeShare));
            row.Weight = classWeight / counts[row.Label];
        }

        return rows;
    }

    /// <summary>Fits featuriser + trainer; the label key mapping is fitted apart so the saved model needs only text.</summary>
    public static ITransformer Fit(MLContext ml, IReadOnlyList<TrainingRow> rows, TrainerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(ml);
        ArgumentNullException.ThrowIfNull(settings);
        var data = ml.Data.LoadFromEnumerable(rows);
        var keyed = ml.Transforms.Conversion.MapValueToKey("Label").Fit(data).Transform(data);
        var featurizer = ml.Transforms.Text.FeaturizeText("Features", FeaturizerOptions(), nameof(TrainingRow.Text));
        var trainer = ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
        {
            LabelColumnName = "Label",
            FeatureColumnName = "Features",
            ExampleWeightColumnName = nameof(TrainingRow.Weight),
            L2Regularization = settings.L2,
            L1Regularization = 0,
            NumberOfThreads = 1,
            OptimizationTolerance = 1e-5f,
            MaximumNumberOfIterations = 200,
        });
        return featurizer.AppendCacheCheckpoint(ml).Append(trainer).Fit(keyed);
    }

    private static TextFeaturizingEstimator.Options FeaturizerOptions() => new()
    {
        // Input is already lowercase content stems: word unigrams and bigrams are the features; char n-grams cost latency.
        CaseMode = TextNormalizingEstimator.CaseMode.None,
        KeepDiacritics = true,
        KeepPunctuations = true,
        KeepNumbers = true,
        CharFeatureExtractor = null,
        WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = 2, UseAllLengths = true },
        Norm = TextFeaturizingEstimator.NormFunction.L2,
    };
}
