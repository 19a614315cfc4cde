namespace FaqBot.Classifier.Text;

/// <summary>
/// Function words and question wording ("how do I", "what is", "should"), dropped before featurising so that the
/// way a question is phrased carries no class signal: only its content words do.
/// </summary>
public static class StopWords
{
    private static readonly HashSet<string> Words = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "and", "or", "but", "if", "then", "so", "than", "that", "this", "these", "those", "there", "here",
        "i", "me", "my", "mine", "myself", "you", "your", "yours", "yourself", "we", "our", "us", "he", "she", "it", "its",
        "they", "them", "their", "one", "someone", "anyone", "people",
        "is", "am", "are", "was", "were", "be", "been", "being", "do", "does", "did", "doing", "done", "have", "has", "had",
        "can", "could", "should", "would", "will", "shall", "may", "might", "must", "ought",
        "what", "which", "who", "whom", "whose", "when", "where", "why", "how", "whats", "hows",
        "of", "in", "on", "at", "to", "for", "with", "about", "by", "from", "into", "onto", "over", "up", "down", "out",
        "off", "as", "some", "any", "all", "each", "every", "other", "such", "just", "only", "also", "too", "very", "really",
        "actually", "even", "still", "again", "ever", "much", "many", "more", "most", "lot", "lots", "loads", "bit",
        "please", "thanks", "thank", "ok", "okay", "hey", "hi", "tell", "know", "want", "need", "like", "get", "got",
        "getting", "go", "going", "make", "making", "use", "using", "used", "try", "trying", "tried", "keep", "let",
        "say", "said", "read", "think", "thing", "things", "stuff", "way", "ways", "good", "best", "better", "right",
        "proper", "properly", "exactly", "kind", "sort", "anything", "something", "everything", "no", "not", "yes", "is",
        "s", "t", "d", "ll", "m", "re", "ve", "im", "it", "does", "don", "doesn", "isn", "aren", "won", "cannot", "quick",
        "quickly", "recommend", "recommended", "advise", "kindly", "outline", "explain", "describe", "mean", "means",
        "meaning", "true", "worth", "supposed", "question", "answer", "guys", "anyone", "somebody", "someone", "u", "ur",

        // Judging and comparing words: they say what kind of answer is wanted, not what it is about ("is X bad",
        // "X vs Y", "the purpose of X"), so they must not look like unknown topics.
        "bad", "worse", "worst", "okay", "fine", "vs", "versus", "purpose", "term", "signify", "signifies", "risk", "risks",
        "distinguish", "distinguishes", "difference", "differences", "different", "compare", "compared", "comparison",
        "advisable", "advised", "effective", "effectively", "solution", "beneficial", "benefit", "benefits", "wrong", "point",
        "idea", "option", "options", "fact", "facts", "thing", "whether", "doing", "lately", "literally", "basically", "generally",
        "typically", "usually", "needed", "needs", "give", "gives", "giving", "actual", "wanna", "gonna", "any", "ever", "overall", "process", "issue", "issues", "problem",
    };

    /// <summary>True when <paramref name="word"/> (lowercase) carries no topic.</summary>
    public static bool Contains(string word) => Words.Contains(word);
}
