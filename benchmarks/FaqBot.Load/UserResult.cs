namespace FaqBot.Load;

/// <summary>One virtual user's counts.</summary>
internal sealed class UserResult
{
    public List<double> Latencies { get; } = [];

    public int Errors { get; set; }

    public int Conversations { get; set; }
}
