using FaqBot.Knowledge.Storage;

namespace FaqBot.Knowledge.Tests.Storage;

public sealed class AtomicFileTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Writes_and_overwrites_leaving_no_temporary_files()
    {
        var path = Path.Combine(_folder.Path, "out.json");

        await AtomicFile.WriteAllTextAsync(path, "first");
        await AtomicFile.WriteAllTextAsync(path, "second");

        Assert.Equal("second", await File.ReadAllTextAsync(path));
        Assert.Equal([path], Directory.GetFiles(_folder.Path));
    }

    [Fact]
    public async Task Failed_write_keeps_the_old_file_and_leaves_nothing_half_written()
    {
        var path = Path.Combine(_folder.Path, "model.zip");
        await File.WriteAllTextAsync(path, "old model");

        await Assert.ThrowsAsync<InvalidOperationException>(() => AtomicFile.WriteAsync(path, async (stream, ct) =>
        {
            await stream.WriteAsync(new byte[1000], ct);
            throw new InvalidOperationException("disk full");
        }));

        Assert.Equal("old model", await File.ReadAllTextAsync(path));
        Assert.Equal([path], Directory.GetFiles(_folder.Path));
    }
}
