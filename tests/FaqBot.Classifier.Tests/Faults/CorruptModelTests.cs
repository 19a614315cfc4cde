using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using FaqBot.Classifier.Hosting;

namespace FaqBot.Classifier.Tests.Faults;

/// <summary>
/// Model files damaged in ways the SHA-256 check cannot see (the metadata was rewritten to match the damaged zip, as a
/// restore from a bad backup would): the loader must report them and retrain, never serve a half-loaded model or throw.
/// </summary>
public sealed class CorruptModelTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("faqbot-corrupt-model-").FullName;

    public static TheoryData<string> Damages => ["truncated zip", "zip of other files", "empty file", "random bytes"];

    [Theory]
    [MemberData(nameof(Damages))]
    public void A_model_damaged_behind_a_matching_checksum_is_retrained_not_served(string damage)
    {
        var kb = TinyKnowledge.Create();
        var loader = new AnswerEngineLoader(new ClassifierOptions { ModelDirectory = _directory }, _directory);
        loader.LoadOrTrain(kb, out _);
        var bytes = File.ReadAllBytes(loader.Store.ModelPath);
        var damaged = damage switch
        {
            "truncated zip" => bytes[..(bytes.Length / 2)],
            "zip of other files" => OtherZip(),
            "empty file" => [],
            _ => RandomNumberGenerator.GetBytes(4096),
        };
        File.WriteAllBytes(loader.Store.ModelPath, damaged);
        var metadata = JsonNode.Parse(File.ReadAllText(loader.Store.MetadataPath))!;
        metadata["ModelSha256"] = Convert.ToHexStringLower(SHA256.HashData(damaged));
        File.WriteAllText(loader.Store.MetadataPath, metadata.ToJsonString());

        var served = loader.Store.TryLoad(loader.HashOf(kb), out var reason);
        var answerer = loader.LoadOrTrain(kb, out var trained);

        Assert.Null(served);
        Assert.Contains("could not be read", reason, StringComparison.Ordinal);
        Assert.True(trained);
        Assert.NotNull(answerer.Ask("which light do ferns like").Shown);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static byte[] OtherZip()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("readme.txt").Open());
            writer.Write("not a model");
        }

        return stream.ToArray();
    }
}
