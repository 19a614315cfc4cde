using System.Numerics.Tensors;
using FaqBot.Classifier.Embeddings;
using FaqBot.Classifier.Text;
using FaqBot.Classifier.Training;
using FaqBot.Knowledge.Model;

namespace FaqBot.Classifier.Answering;

/// <summary>
/// What a question is matched against, built once per knowledge base and immutable: every unit's vector, the vectors
/// of its sentences (a single fact mid-paragraph matches its sentence better than the paragraph), BM25 over the units,
/// the vectors of the entries' own questions, and the vectors of the generic out-of-scope questions the model was
/// trained against.
/// </summary>
public sealed class KnowledgeIndex
{
    private readonly float[] _unitVectors;
    private readonly float[] _sentenceVectors;
    private readonly int[] _sentenceUnit;
    private readonly float[] _questionVectors;
    private readonly int[] _questionEntry;
    private readonly int[] _unitEntry;
    private readonly float[] _genericVectors;

    /// <summary>
    /// Builds the index; <paramref name="vectors"/> must hold every text of <see cref="TextsToEmbed"/> and every
    /// question of <paramref name="generic"/> in its embedded form.
    /// </summary>
    /// <param name="knowledgeBase">What is answered from.</param>
    /// <param name="normalizer">The normaliser built for it.</param>
    /// <param name="vectors">The vectors of the knowledge base's texts and of the generic questions.</param>
    /// <param name="generic">
    /// The generic out-of-scope questions the scope model learnt from (<see cref="Training.ClassifierData.Negatives"/>, less
    /// those in scope here: <see cref="Training.ModelMetadata.InScopeGeneric"/>).
    /// </param>
    public KnowledgeIndex(KnowledgeBase knowledgeBase, QueryNormalizer normalizer, TextVectors vectors, IReadOnlyList<string> generic)
    {
        ArgumentNullException.ThrowIfNull(knowledgeBase);
        ArgumentNullException.ThrowIfNull(normalizer);
        ArgumentNullException.ThrowIfNull(vectors);
        ArgumentNullException.ThrowIfNull(generic);
        KnowledgeBase = knowledgeBase;
        Normalizer = normalizer;
        Units = AnswerUnit.Of(knowledgeBase);
        Entries = knowledgeBase.Entries;
        var entryIndex = Entries.Select((e, i) => (e.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        _unitEntry = [.. Units.Select(u => entryIndex[u.Entry.Id])];
        _unitVectors = Flatten(Units.Select(u => vectors.Get(u.EmbeddingText)));

        var sentences = Units.SelectMany(u => SentencesOf(u).Select(s => (u.Index, s))).ToList();
        _sentenceUnit = [.. sentences.Select(s => s.Index)];
        _sentenceVectors = Flatten(sentences.Select(s => vectors.Get(s.s)));

        var questions = Entries.SelectMany((e, i) => e.Questions.Select(q => (i, q))).ToList();
        _questionEntry = [.. questions.Select(q => q.i)];
        _questionVectors = Flatten(questions.Select(q => vectors.Get(SentenceEmbedder.QueryText(q.q))));
        _genericVectors = Flatten(generic.Select(q => vectors.Get(SentenceEmbedder.QueryText(q))));
        Lexical = new PassageIndex([.. Units.Select(u => (IReadOnlyList<string>)normalizer.DocumentStems(u.Heading + " " + u.Text))]);
    }

    /// <summary>The knowledge base indexed.</summary>
    public KnowledgeBase KnowledgeBase { get; }

    /// <summary>The normaliser built for it (text speak, typos against its vocabulary, stems).</summary>
    public QueryNormalizer Normalizer { get; }

    /// <summary>Everything that can be shown, in order.</summary>
    public IReadOnlyList<AnswerUnit> Units { get; }

    /// <summary>The entries, in order.</summary>
    public IReadOnlyList<FaqEntry> Entries { get; }

    /// <summary>BM25 over the units.</summary>
    public PassageIndex Lexical { get; }

    /// <summary>The position in <see cref="Entries"/> of a unit's entry.</summary>
    public int EntryOf(int unit) => _unitEntry[unit];

    /// <summary>Every text the index needs a vector for (questions in their embedded form).</summary>
    public static IEnumerable<string> TextsToEmbed(KnowledgeBase knowledgeBase)
    {
        ArgumentNullException.ThrowIfNull(knowledgeBase);
        foreach (var unit in AnswerUnit.Of(knowledgeBase))
        {
            yield return unit.EmbeddingText;
            foreach (var sentence in SentencesOf(unit))
            {
                yield return sentence;
            }
        }

        foreach (var question in knowledgeBase.Entries.SelectMany(e => e.Questions))
        {
            yield return SentenceEmbedder.QueryText(question);
        }
    }

    /// <summary>Scores every unit for a question whose vector is <paramref name="queryVector"/>.</summary>
    /// <param name="question">The question as asked.</param>
    /// <param name="queryVector">Its vector.</param>
    /// <param name="settings">The weights of the combined score.</param>
    public Ranking Rank(string question, float[] queryVector, AnswerSettings settings) => Rank(question, queryVector, settings, ownGeneric: -1);

    /// <summary>
    /// Scores every unit for a question; <paramref name="ownGeneric"/> is the question's own row among the generic
    /// questions when the trainer ranks one of them (its nearest generic question must be another one, as it is for a
    /// question asked later), else -1.
    /// </summary>
    internal Ranking Rank(string question, float[] queryVector, AnswerSettings settings, int ownGeneric)
    {
        ArgumentNullException.ThrowIfNull(queryVector);
        ArgumentNullException.ThrowIfNull(settings);
        var count = Units.Count;
        var cosine = Similarities(queryVector, _unitVectors, count);
        // A unit's best sentence; a unit of one sentence is its own best sentence.
        var sentence = (float[])cosine.Clone();
        var sentenceCosine = Similarities(queryVector, _sentenceVectors, _sentenceUnit.Length);
        var seen = new bool[count];
        for (var s = 0; s < _sentenceUnit.Length; s++)
        {
            var unit = _sentenceUnit[s];
            sentence[unit] = seen[unit] ? Math.Max(sentence[unit], sentenceCosine[s]) : sentenceCosine[s];
            seen[unit] = true;
        }

        var entryQuestion = new float[Entries.Count];
        var questionCosine = Similarities(queryVector, _questionVectors, _questionEntry.Length);
        for (var q = 0; q < _questionEntry.Length; q++)
        {
            entryQuestion[_questionEntry[q]] = Math.Max(entryQuestion[_questionEntry[q]], questionCosine[q]);
        }

        var stems = Normalizer.Stems(question).Distinct(StringComparer.Ordinal).ToArray();
        var lexical = new double[count];
        Lexical.Score(stems, lexical);
        var maxLexical = count == 0 ? 0 : lexical.Max();

        var hybrid = new double[count];
        for (var u = 0; u < count; u++)
        {
            hybrid[u] = cosine[u] + (settings.SentenceWeight * sentence[u]) + (maxLexical > 0 ? settings.LexicalWeight * lexical[u] / maxLexical : 0);
        }

        var genericCosine = Similarities(queryVector, _genericVectors, _genericVectors.Length / SentenceEmbedder.Dimensions);
        var nearestGeneric = 0f;
        for (var g = 0; g < genericCosine.Length; g++)
        {
            if (g != ownGeneric)
            {
                nearestGeneric = Math.Max(nearestGeneric, genericCosine[g]);
            }
        }

        return new Ranking(this, cosine, sentence, lexical, maxLexical, hybrid, entryQuestion, nearestGeneric);
    }

    /// <summary>
    /// Sentences of a unit worth their own vector (a one-sentence unit is its own sentence; code and tables have none).
    /// </summary>
    private static IReadOnlyList<string> SentencesOf(AnswerUnit unit)
    {
        if (unit.Passage?.Kind is PassageKind.Code or PassageKind.Table)
        {
            return [];
        }

        var sentences = SentenceSplitter.Split(unit.Text).Where(s => s.Length >= 20).ToList();
        return sentences.Count >= 2 ? sentences : [];
    }

    private static float[] Similarities(float[] query, float[] matrix, int rows)
    {
        var result = new float[rows];
        var dimensions = SentenceEmbedder.Dimensions;
        for (var r = 0; r < rows; r++)
        {
            result[r] = TensorPrimitives.Dot(query, matrix.AsSpan(r * dimensions, dimensions));
        }

        return result;
    }

    private static float[] Flatten(IEnumerable<float[]> vectors)
    {
        var list = vectors.ToList();
        var flat = new float[list.Count * SentenceEmbedder.Dimensions];
        for (var i = 0; i < list.Count; i++)
        {
            list[i].CopyTo(flat, i * SentenceEmbedder.Dimensions);
        }

        return flat;
    }
}
