namespace FaqBot.Hosting.Tests;

public sealed class ContentRootLocatorTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("faqbot-contentroot-").FullName;

    [Fact]
    public void The_current_directory_is_the_content_root_when_it_holds_appsettings()
    {
        var current = Folder("work", withSettings: true);

        Assert.Equal(current, ContentRootLocator.Locate(current, Folder("app", withSettings: true)));
    }

    [Fact]
    public void A_published_build_started_from_another_folder_uses_its_own_folder()
    {
        var published = Folder("out", withSettings: true);

        Assert.Equal(published, ContentRootLocator.Locate(Folder("elsewhere"), published));
    }

    [Fact]
    public void A_development_build_finds_the_folder_with_appsettings_above_its_binaries()
    {
        var repository = Folder("repo", withSettings: true);
        var binaries = Folder(Path.Combine("repo", "src", "FaqBot.Web", "bin", "Release", "net10.0"));

        Assert.Equal(repository, ContentRootLocator.Locate(Folder("elsewhere"), binaries));
    }

    [Fact]
    public void Without_appsettings_anywhere_the_current_directory_is_used()
    {
        var current = Folder("elsewhere");

        Assert.Equal(current, ContentRootLocator.Locate(current, Folder("app")));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Folder(string relative, bool withSettings = false)
    {
        var path = Directory.CreateDirectory(Path.Combine(_root, relative)).FullName;
        if (withSettings)
        {
            File.WriteAllText(Path.Combine(path, ContentRootLocator.SettingsFile), "{}");
        }

        return path;
    }
}
