using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace FaqBot.Load;

/// <summary>
/// Conversations as users hold them, over <c>/api/messages</c>: ask a question (half common, half unique), ask "Tell me
/// more" and check that it expands <em>that</em> answer (the same source link), then rate it. Each turn may land on any
/// replica, so every check reads state another replica may have written. Optionally kills one replica (SIGKILL) mid-run
/// and counts the checks that straddle the kill. Writes the feedback rows the bot acknowledged, one per line
/// (conversation, kind, question, tab-separated), for the caller to compare with what the database stored. Users over
/// the built-in Direct Line run alongside when asked for (ConversationCheck.DirectLine.cs), reported on their own line.
/// </summary>
internal sealed partial class ConversationCheck(ConversationCheckSettings settings)
{
    private const string TellMeMore = "Tell me more";
    private readonly KillClock _kill = new();

    public async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        using var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = settings.Users + settings.DirectLineUsers,
            PooledConnectionLifetime = TimeSpan.FromMinutes(10),
        };
        using var http = new HttpClient(handler) { BaseAddress = settings.BaseUrl, Timeout = TimeSpan.FromSeconds(30) };
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stop.CancelAfter(settings.Duration);
        var client = new ExpectRepliesClient(http);
        var run = DateTime.UtcNow.ToString("HHmmss", CultureInfo.InvariantCulture);
        var watch = Stopwatch.StartNew();
        var kill = KillLaterAsync(stop.Token);
        var users = Enumerable.Range(0, settings.Users).Select(i => RunUserAsync(client, $"check-{run}-u{i}", i, stop.Token)).ToArray();
        var directLine = new DirectLineClient(http);
        var directLineUsers = Enumerable.Range(0, settings.DirectLineUsers)
            .Select(i => RunDirectLineUserAsync(directLine, 1000 + i, stop.Token))
            .ToArray();
        var tallies = await Task.WhenAll(users);
        var directLineTallies = await Task.WhenAll(directLineUsers);
        var elapsed = watch.Elapsed;
        var killedAfter = await kill;
        var total = ConversationTally.Sum(tallies);
        var directLineTotal = ConversationTally.Sum(directLineTallies);

        if (settings.AcknowledgedPath is { } path)
        {
            await File.WriteAllLinesAsync(path, total.Acknowledged.Select(a => $"{a.Conversation}\t{a.Kind}\t{a.Question}"), CancellationToken.None);
        }

        return Report(total, directLineTotal, elapsed, killedAfter);
    }

    private async Task<TimeSpan?> KillLaterAsync(CancellationToken stop)
    {
        if (settings.KillPid is not { } pid)
        {
            return null;
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            await Task.Delay(settings.KillAfter, stop);
        }
        catch (OperationCanceledException)
        {
            return null;
        }

        using var replica = Process.GetProcessById(pid);
        _kill.MarkSent();
        replica.Kill(); // SIGKILL on Unix: once kill(2) returns, the replica runs no more of its own code
        _kill.MarkDone();
        return Stopwatch.GetElapsedTime(started);
    }

    private async Task<ConversationTally> RunUserAsync(ExpectRepliesClient client, string prefix, int user, CancellationToken stop)
    {
        var tally = new ConversationTally();
        var mix = new QuestionMix(settings.Questions, seed: user);
        var random = new Random(user);
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            var conversation = $"{prefix}-c{n}";
            tally.Conversations++;
            var question = mix.Next();
            var asked = await TurnAsync(client, tally, conversation, question, stop);
            if (asked is null)
            {
                continue;
            }

            if (AnswerIdentity(asked) is not { } identity)
            {
                if (asked.AllText.Contains("I've noted your question", StringComparison.Ordinal))
                {
                    tally.Acknowledged.Add((conversation, "declined", question));
                }

                continue;
            }

            if (!await ReadAsync(random, stop))
            {
                continue;
            }

            var more = await TurnAsync(client, tally, conversation, TellMeMore, stop);
            if (more is null)
            {
                continue;
            }

            Check(tally, asked, more, identity);
            var helpful = random.Next(2) == 0;
            var rated = await TurnAsync(client, tally, conversation, helpful ? "Helpful" : "Not helpful", stop);
            if (rated is null)
            {
                continue;
            }

            if (rated.AllText.Contains("Glad it helped", StringComparison.Ordinal))
            {
                tally.Acknowledged.Add((conversation, "helpful", question));
            }
            else if (rated.AllText.Contains("Sorry it didn't help", StringComparison.Ordinal))
            {
                tally.Acknowledged.Add((conversation, "unhelpful", question));
            }
            else if (rated.AllText.Contains("couldn't save your feedback", StringComparison.Ordinal))
            {
                tally.FeedbackRefused++;
            }
        }

        return tally;
    }

    // A user reads the answer before asking for more; this is what lets conversations straddle the kill.
    private async Task<bool> ReadAsync(Random random, CancellationToken stop)
    {
        if (settings.ReadTime <= TimeSpan.Zero)
        {
            return true;
        }

        try
        {
            await Task.Delay(settings.ReadTime * (0.5 + random.NextDouble()), stop);
            return true;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return false;
        }
    }

    // A turn that failed is counted (before or after the kill) and ends its conversation, as a user would start again.
    private Task<TurnReply?> TurnAsync(ExpectRepliesClient client, ConversationTally tally, string conversation, string text, CancellationToken stop) =>
        TurnAsync(tally, () => client.SendAsync(conversation, text, stop), stop);

    private async Task<TurnReply?> TurnAsync(ConversationTally tally, Func<Task<TurnReply>> send, CancellationToken stop, bool isTurn = true)
    {
        TurnReply reply;
        try
        {
            reply = await send();
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            tally.CutOff++; // the run's time is up mid-turn: neither a turn nor an error
            return null;
        }

        return Record(tally, reply, isTurn) ? reply : null;
    }

    // Counts one request's outcome; only turns (a message and its reply) go into the latencies.
    private bool Record(ConversationTally tally, TurnReply reply, bool isTurn)
    {
        if (reply.ServedBy is { } server)
        {
            tally.ServedBy[server] = tally.ServedBy.GetValueOrDefault(server) + 1;
            if (server == settings.KillServer && _kill.StartedAfterKill(reply))
            {
                tally.ServedByKilledAfterKill++;
            }
        }

        if (reply.Ok)
        {
            if (isTurn)
            {
                tally.Latencies.Add(reply.Milliseconds);
            }

            tally.OkAfterKill += _kill.StartedAfterKill(reply) ? 1 : 0;
            return true;
        }

        tally.Failures[reply.Failure] = tally.Failures.GetValueOrDefault(reply.Failure) + 1;
        if (_kill.EndedAfterKill(reply))
        {
            tally.ErrorsAfterKill++;
        }
        else
        {
            tally.ErrorsBeforeKill++;
        }

        return false;
    }

    private void Check(ConversationTally tally, TurnReply asked, TurnReply more, string identity)
    {
        tally.Checked++;
        var text = more.AllText;
        var kept = text.Contains(identity, StringComparison.Ordinal);
        if (kept)
        {
            tally.Kept++;
        }
        else if (text.Contains("Ask me a question first", StringComparison.Ordinal))
        {
            tally.Lost++;
        }
        else
        {
            tally.Wrong++;
            if (tally.WrongSamples.Count < 3)
            {
                tally.WrongSamples.Add($"expected {identity}, got: {text[..Math.Min(200, text.Length)]}");
            }
        }

        if (asked.ServedBy is { } first && more.ServedBy is { } second && first != second)
        {
            tally.CrossReplica++;
            tally.CrossReplicaKept += kept ? 1 : 0;
        }

        if (_kill.Straddles(asked, more))
        {
            tally.AcrossKill++;
            tally.AcrossKillKept += kept ? 1 : 0;
            if (asked.ServedBy is { } server && server == settings.KillServer)
            {
                tally.AcrossKillFromKilled++;
                tally.AcrossKillFromKilledKept += kept ? 1 : 0;
            }
        }
    }

    // The answer's source link (or, without one, its source label): "Tell me more" must show the same.
    internal static string? AnswerIdentity(TurnReply reply)
    {
        foreach (var message in reply.Messages)
        {
            var match = SourceLine().Match(message.Text);
            if (match.Success)
            {
                return match.Groups["link"].Success ? match.Groups["link"].Value : match.Groups["label"].Value;
            }
        }

        return null;
    }

    private static string Report(ConversationTally total, ConversationTally directLine, TimeSpan elapsed, TimeSpan? killedAfter)
    {
        var report = new StringBuilder();
        report.Append("RESULT ");
        AppendFields(report, total, elapsed);
        report.Append(CultureInfo.InvariantCulture, $" killed_at_s={(killedAfter is { } k ? k.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) : "none")} ");
        report.Append(CultureInfo.InvariantCulture, $"acknowledged={total.Acknowledged.Count} feedback_refused={total.FeedbackRefused}");
        report.AppendLine();
        AppendDetails(report, string.Empty, total);
        if (directLine.Conversations > 0)
        {
            report.Append("DIRECTLINE ");
            AppendFields(report, directLine, elapsed);
            report.Append(CultureInfo.InvariantCulture, $" history_checks={directLine.HistoryChecked} history_kept={directLine.HistoryKept}");
            report.AppendLine();
            AppendDetails(report, "Direct Line ", directLine);
        }

        return report.ToString();
    }

    private static void AppendFields(StringBuilder report, ConversationTally tally, TimeSpan elapsed)
    {
        var latencies = tally.Latencies.Order().ToArray();
        double At(double q) => latencies.Length == 0 ? 0 : latencies[Math.Min(latencies.Length - 1, (int)Math.Ceiling(q * latencies.Length) - 1)];
        report.Append(CultureInfo.InvariantCulture,
            $"turns={latencies.Length} seconds={elapsed.TotalSeconds:0.0} turns_per_s={latencies.Length / elapsed.TotalSeconds:0.0} ");
        report.Append(CultureInfo.InvariantCulture, $"p50_ms={At(0.50):0.00} p99_ms={At(0.99):0.00} max_ms={latencies.LastOrDefault():0.00} ");
        report.Append(CultureInfo.InvariantCulture, $"conversations={tally.Conversations} errors_before_kill={tally.ErrorsBeforeKill} errors_after_kill={tally.ErrorsAfterKill} ");
        report.Append(CultureInfo.InvariantCulture, $"ok_after_kill={tally.OkAfterKill} served_by_killed_after_kill={tally.ServedByKilledAfterKill} ");
        report.Append(CultureInfo.InvariantCulture, $"checks={tally.Checked} kept={tally.Kept} lost={tally.Lost} wrong={tally.Wrong} ");
        report.Append(CultureInfo.InvariantCulture, $"cross_replica={tally.CrossReplica} cross_replica_kept={tally.CrossReplicaKept} ");
        report.Append(CultureInfo.InvariantCulture, $"across_kill={tally.AcrossKill} across_kill_kept={tally.AcrossKillKept} ");
        report.Append(CultureInfo.InvariantCulture, $"across_kill_from_killed={tally.AcrossKillFromKilled} across_kill_from_killed_kept={tally.AcrossKillFromKilledKept} ");
        report.Append(CultureInfo.InvariantCulture, $"cut_off_at_end={tally.CutOff}");
    }

    private static void AppendDetails(StringBuilder report, string label, ConversationTally tally)
    {
        report.Append(label).Append("served by: ").AppendJoin(", ", tally.ServedBy.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key} {s.Value}")).AppendLine();
        report.Append(label).Append("failures: ").AppendJoin(", ", tally.Failures.Select(f => $"{f.Key} x{f.Value}")).AppendLine();
        foreach (var sample in tally.WrongSamples)
        {
            report.Append(label).Append("wrong: ").AppendLine(sample);
        }
    }

    [GeneratedRegex(@"_Source: (?:\[(?<label>.+?)\]\((?<link>[^)\s]+)\)|(?<label>[^_\n]+))_")]
    private static partial Regex SourceLine();
}
