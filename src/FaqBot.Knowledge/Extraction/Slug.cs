using System.Text;

namespace FaqBot.Knowledge.Extraction;

/// <summary>Turns headings and questions into the stable slugs that entry ids are made of.</summary>
public static class Slug
{
    /// <summary>Lowercase; every run of characters that are not letters or digits becomes one '-'; trimmed of '-'.</summary>
    public static string From(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingDash = false;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                if (pendingDash && builder.Length > 0)
                {
                    builder.Append('-');
                }

                pendingDash = false;
                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                pendingDash = true;
            }
        }

        return builder.ToString();
    }
}
