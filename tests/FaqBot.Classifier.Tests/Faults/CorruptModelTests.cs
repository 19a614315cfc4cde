using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using FaqBot.Classifier.Hosting;
using FaqBot.Knowledge.Model;

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
        var kb = TinyKnowledgeBase();
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
        Assert.True(answerer.Answer("which light do ferns like").Answered);
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

    private static KnowledgeBase TinyKnowledgeBase()
    {
        static FaqEntry Entry(string slug, string question, params string[] paragraphs) => new(
            "tiny--" + slug, "tiny", EntryKind.Faq, [question], string.Join("\n\n", paragraphs), ["Tiny", "FAQ"], null,
            paragraphs.Select((p, i) => new Passage($"tiny--{slug}-p{i + 1}", PassageKind.Paragraph, p, p)).ToList(), 1);
        return new KnowledgeBase(
            [new Article("tiny", "Tiny", "tiny.md", null, null, [], null)],
            [
                Entry("how-often-should-i-water-ferns", "How often should I water ferns?", "Water ferns twice a week. Keep the soil moist but never soggy."),
                Entry("which-light-do-ferns-like", "Which light do ferns like?", "Ferns like bright indirect light.", "Direct sun scorches their fronds."),
                Entry("how-do-i-repot-a-fern", "How do I repot a fern?", "Repot a fern in spring into a pot one size larger with peat-free compost."),
            ]);
    }
}
