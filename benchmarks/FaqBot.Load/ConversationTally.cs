namespace FaqBot.Load;

/// <summary>One virtual user's counts in the conversation check; merged into the run's at the end.</summary>
internal sealed class ConversationTally
{
    public List<double> Latencies { get; } = [];

    public Dictionary<string, int> Failures { get; } = [];

    public Dictionary<string, int> ServedBy { get; } = [];

    public List<(string Conversation, string Kind, string Question)> Acknowledged { get; } = [];

    public List<string> WrongSamples { get; } = [];

    public int Conversations { get; set; }

    public int ErrorsBeforeKill { get; set; }

    public int ErrorsAfterKill { get; set; }

    public int ServedByKilledAfterKill { get; set; }

    /// <summary>Turns answered that were sent once the killed replica was gone.</summary>
    public int OkAfterKill { get; set; }

    /// <summary>"Tell me more" after an answer: expanded that answer, lost the conversation, or expanded another.</summary>
    public int Checked { get; set; }

    public int Kept { get; set; }

    public int Lost { get; set; }

    public int Wrong { get; set; }

    /// <summary>Checks whose question one replica answered and whose "Tell me more" another expanded.</summary>
    public int CrossReplica { get; set; }

    public int CrossReplicaKept { get; set; }

    /// <summary>Checks whose question was answered before the kill and whose "Tell me more" was sent after it.</summary>
    public int AcrossKill { get; set; }

    public int AcrossKillKept { get; set; }

    /// <summary>Of those, the ones whose question the killed replica answered.</summary>
    public int AcrossKillFromKilled { get; set; }

    public int AcrossKillFromKilledKept { get; set; }

    public int FeedbackRefused { get; set; }

    /// <summary>Direct Line only: the whole history re-read after a "Tell me more", and how often it held every activity seen so far.</summary>
    public int HistoryChecked { get; set; }

    public int HistoryKept { get; set; }

    /// <summary>Turns still waiting for their reply when the run's time was up (the server may have done them).</summary>
    public int CutOff { get; set; }

    public static ConversationTally Sum(IEnumerable<ConversationTally> tallies)
    {
        var total = new ConversationTally();
        foreach (var tally in tallies)
        {
            total.Add(tally);
        }

        return total;
    }

    public void Add(ConversationTally other)
    {
        Latencies.AddRange(other.Latencies);
        Acknowledged.AddRange(other.Acknowledged);
        WrongSamples.AddRange(other.WrongSamples);
        foreach (var (key, count) in other.Failures)
        {
            Failures[key] = Failures.GetValueOrDefault(key) + count;
        }

        foreach (var (key, count) in other.ServedBy)
        {
            ServedBy[key] = ServedBy.GetValueOrDefault(key) + count;
        }

        Conversations += other.Conversations;
        ErrorsBeforeKill += other.ErrorsBeforeKill;
        ErrorsAfterKill += other.ErrorsAfterKill;
        ServedByKilledAfterKill += other.ServedByKilledAfterKill;
        OkAfterKill += other.OkAfterKill;
        Checked += other.Checked;
        Kept += other.Kept;
        Lost += other.Lost;
        Wrong += other.Wrong;
        CrossReplica += other.CrossReplica;
        CrossReplicaKept += other.CrossReplicaKept;
        AcrossKill += other.AcrossKill;
        AcrossKillKept += other.AcrossKillKept;
        AcrossKillFromKilled += other.AcrossKillFromKilled;
        AcrossKillFromKilledKept += other.AcrossKillFromKilledKept;
        FeedbackRefused += other.FeedbackRefused;
        CutOff += other.CutOff;
        HistoryChecked += other.HistoryChecked;
        HistoryKept += other.HistoryKept;
    }
}
