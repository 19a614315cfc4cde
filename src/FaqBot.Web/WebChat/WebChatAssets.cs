namespace FaqBot.Web.WebChat;

/// <summary>Where the page and the Web Chat bundle are served from: the <c>wwwroot</c> copied next to the host's binaries.</summary>
public sealed class WebChatAssets
{
    /// <summary>The botframework-webchat version the build fetches (see FaqBot.Web.csproj).</summary>
    public const string WebChatVersion = "4.18.1";

    /// <summary>Uses <c>wwwroot</c> beside the running assembly, so the host works whatever the current directory is.</summary>
    public WebChatAssets()
        : this(Path.Combine(AppContext.BaseDirectory, "wwwroot"))
    {
    }

    /// <summary>Uses the given web root.</summary>
    public WebChatAssets(string webRoot)
    {
        WebRoot = webRoot;
    }

    /// <summary>The folder served at <c>/</c>.</summary>
    public string WebRoot { get; }

    /// <summary>The Web Chat bundle's path on disk.</summary>
    public string BundlePath => Path.Combine(WebRoot, "lib", "webchat", "webchat.js");

    /// <summary>True when the build fetched the bundle.</summary>
    public bool BundleExists => File.Exists(BundlePath);
}
