namespace FaqBot.Cli.Commands;

/// <summary>Progress messages to a writer, synchronously (unlike <see cref="Progress{T}"/>).</summary>
internal sealed class StderrProgress(TextWriter writer) : IProgress<string>
{
    public void Report(string value) => writer.WriteLine(value);
}
