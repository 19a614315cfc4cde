namespace FaqBot.Hosting.Tests;

/// <summary>
/// One model folder for a test class: a model trained for some articles is loaded, not retrained, by the next host that
/// serves the same articles, so each distinct edit is trained once per class.
/// </summary>
public sealed class SharedModelFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("faqbot-hosting-model-").FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
