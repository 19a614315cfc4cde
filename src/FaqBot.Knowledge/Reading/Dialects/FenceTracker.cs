using System.Text.RegularExpressions;

namespace FaqBot.Knowledge.Reading.Dialects;

/// <summary>Follows fenced code blocks line by line, so dialect rewrites never touch code.</summary>
internal sealed partial class FenceTracker
{
    private char _fence;
    private int _length;

    /// <summary>True while inside a fence (its opening and closing lines included).</summary>
    public bool InFence => _fence != '\0';

    /// <summary>Feeds the next line; true when the line is code or a fence delimiter and must be left alone.</summary>
    public bool IsCode(string line)
    {
        var match = Fence().Match(line);
        if (_fence != '\0')
        {
            if (match.Success && match.Groups["f"].Value[0] == _fence && match.Groups["f"].Length >= _length
                && match.Groups["info"].Value.Trim().Length == 0)
            {
                _fence = '\0';
            }

            return true;
        }

        if (match.Success && !(match.Groups["f"].Value[0] == '`' && match.Groups["info"].Value.Contains('`', StringComparison.Ordinal)))
        {
            _fence = match.Groups["f"].Value[0];
            _length = match.Groups["f"].Length;
            return true;
        }

        return false;
    }

    // A fence may sit inside block quotes and list items, so any indentation and '>' markers are allowed before it.
    [GeneratedRegex(@"^(?:[ \t]*>)*[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?(?<f>`{3,}|~{3,})(?<info>.*)$")]
    private static partial Regex Fence();
}
