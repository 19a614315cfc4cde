using System.Text;

namespace FaqBot.Bot.Feedback;

/// <summary>
/// Removes what could drive an operator's terminal or reorder what it shows from text users typed: ANSI escape
/// sequences (CSI, OSC, DCS and the rest, in their ESC and C1 forms), every other C0 and C1 control character and DEL,
/// and the Unicode bidirectional controls. Tabs and line breaks become spaces so words stay apart.
/// </summary>
public static class ControlCharacters
{
    private const char Escape = '\u001b';
    private const char Bell = '\u0007';

    /// <summary>"a\u001b[31mred\u001b[0m\nline" becomes "ared line"; text without controls comes back as the same instance.</summary>
    public static string Strip(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        if (!text.Any(IsUnsafe))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (!IsUnsafe(c))
            {
                builder.Append(c);
            }
            else if (c is '\t' or '\n' or '\r')
            {
                builder.Append(' ');
            }
            else if (c == Escape && i + 1 < text.Length)
            {
                i = SkipEscapeSequence(text, i + 1);
            }
            else if (c is '\u009b')
            {
                i = SkipControlSequence(text, i + 1);
            }
            else if (c is '\u0090' or '\u0098' or '\u009d' or '\u009e' or '\u009f')
            {
                i = SkipString(text, i + 1);
            }
        }

        return builder.ToString();
    }

    /// <summary>True for C0 and C1 controls, DEL and the bidirectional embedding, override, isolate and mark characters.</summary>
    public static bool IsUnsafe(char c) =>
        c < ' ' || c is >= '\u007f' and <= '\u009f'
        || c is >= '\u202a' and <= '\u202e' or >= '\u2066' and <= '\u2069' or '\u200e' or '\u200f' or '\u061c';

    // i is just after ESC; returns the index of the sequence's last character.
    private static int SkipEscapeSequence(string text, int i) => text[i] switch
    {
        '[' => SkipControlSequence(text, i + 1),
        ']' or 'P' or 'X' or '^' or '_' => SkipString(text, i + 1),
        _ => i,
    };

    // CSI: parameter and intermediate bytes, then one final byte (@ to ~).
    private static int SkipControlSequence(string text, int i)
    {
        for (; i < text.Length; i++)
        {
            if (text[i] is >= '@' and <= '~')
            {
                return i;
            }

            if (text[i] is not (>= ' ' and <= '?'))
            {
                // Not a well-formed sequence: drop what was read and look at this character again.
                return i - 1;
            }
        }

        return text.Length - 1;
    }

    // OSC, DCS, SOS, PM, APC: a string up to BEL, ESC \ or ST (U+009C); unterminated, it runs to the end of the text.
    private static int SkipString(string text, int i)
    {
        for (; i < text.Length; i++)
        {
            if (text[i] is Bell or '\u009c')
            {
                return i;
            }

            if (text[i] == Escape)
            {
                // ESC \ ends the string; any other ESC starts a new sequence, looked at again by the caller.
                return i + 1 < text.Length && text[i + 1] == '\\' ? i + 1 : i - 1;
            }
        }

        return text.Length - 1;
    }
}
