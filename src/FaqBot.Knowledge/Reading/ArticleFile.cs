using System.Text;
using FaqBot.Knowledge.Reading.Dialects;

namespace FaqBot.Knowledge.Reading;

/// <summary>Reads an article file as Markdown text, rejecting what cannot be an article.</summary>
public static class ArticleFile
{
    // Articles are small; anything far bigger is almost certainly the wrong file.
    private const long MaxBytes = 10 * 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads and prepares <paramref name="filePath"/>; <paramref name="sourcePath"/> is what the knowledge base records.</summary>
    /// <exception cref="ArticleFormatException">The file is missing, empty, too big, binary or not UTF-8, or its front matter is broken.</exception>
    public static ArticleSource Read(string filePath, string sourcePath) => Read(filePath, sourcePath, page: null);

    internal static ArticleSource Read(string filePath, string sourcePath, PageContext? page) =>
        Prepare(ReadText(filePath), filePath, sourcePath, page);

    /// <summary>The file's text, decoded as strict UTF-8 with newlines normalised to '\n'.</summary>
    /// <exception cref="ArticleFormatException">The file is missing, empty, too big, binary or not UTF-8.</exception>
    internal static string ReadText(string filePath)
    {
        byte[] bytes;
        try
        {
            var info = new FileInfo(filePath);
            if (!info.Exists)
            {
                throw new ArticleFormatException(filePath, null, Directory.Exists(filePath)
                    ? "is a folder, not a Markdown file; give the folder with --articles or name the .md files in it."
                    : "file not found; check the path (articles are read from the articles folder or the paths you give).");
            }

            if (info.Length > MaxBytes)
            {
                throw new ArticleFormatException(filePath, null, $"is {info.Length:N0} bytes; articles over {MaxBytes:N0} bytes are not accepted.");
            }

            bytes = File.ReadAllBytes(filePath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ArticleFormatException(filePath, null, $"cannot be read: {ex.Message}", ex);
        }

        var text = Decode(filePath, bytes).Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        CheckText(filePath, text);
        return text;
    }

    /// <summary>Prepares already-decoded article text (blanks the outer fence and front matter, parses the front matter).</summary>
    /// <exception cref="ArticleFormatException">The text is empty or not Markdown, or its front matter is broken.</exception>
    public static ArticleSource Prepare(string text, string filePath, string sourcePath) => Prepare(text, filePath, sourcePath, page: null);

    internal static ArticleSource Prepare(string text, string filePath, string sourcePath, PageContext? page)
    {
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        CheckText(filePath, text);
        var lines = text.Split('\n');
        ArticleFence.Blank(lines);
        var frontMatter = FrontMatterReader.ReadAndBlank(filePath, lines);
        if (lines.All(string.IsNullOrWhiteSpace))
        {
            throw new ArticleFormatException(filePath, null, "has no Markdown content (only front matter or an empty fence); write the article below the front matter.");
        }

        page ??= PageContext.Alone(filePath, sourcePath);
        var rewritten = DialectRewriter.Rewrite(lines, page);
        return new ArticleSource(filePath, sourcePath, rewritten.Body, frontMatter) { Lines = rewritten, Page = page };
    }

    private static string Decode(string filePath, byte[] bytes)
    {
        if (bytes.Length == 0)
        {
            throw new ArticleFormatException(filePath, null, "is empty; an article needs at least a heading and a paragraph.");
        }

        var nul = Array.IndexOf(bytes, (byte)0);
        if (nul >= 0)
        {
            throw new ArticleFormatException(filePath, LineOf(bytes, nul), "is not Markdown text (it contains NUL bytes; is it a binary file?).");
        }

        try
        {
            var text = StrictUtf8.GetString(bytes);
            return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
        }
        catch (DecoderFallbackException ex)
        {
            var line = ex.Index >= 0 ? LineOf(bytes, ex.Index) : (int?)null;
            throw new ArticleFormatException(filePath, line, "is not Markdown text (it is not valid UTF-8); save it as UTF-8.", ex);
        }
    }

    private static void CheckText(string filePath, string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ArticleFormatException(filePath, null, "is empty; an article needs at least a heading and a paragraph.");
        }

        var line = 1;
        foreach (var c in text)
        {
            if (c == '\n')
            {
                line++;
            }
            else if (c == '\0' || (char.IsControl(c) && c != '\t' && c != '\f' && c != '\v'))
            {
                throw new ArticleFormatException(filePath, line, $"is not Markdown text (it contains the control character U+{(int)c:X4}; is it a binary file?).");
            }
        }
    }

    private static int LineOf(byte[] bytes, int index)
    {
        var line = 1;
        for (var i = 0; i < index && i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                line++;
            }
        }

        return line;
    }
}
