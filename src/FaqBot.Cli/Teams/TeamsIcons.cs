namespace FaqBot.Cli.Teams;

/// <summary>
/// Draws FaqBot's Teams icons: a speech bubble with three dots. <c>color.png</c> is 192×192 (white bubble on the accent
/// colour, symbol in the central 96×96 px); <c>outline.png</c> is 32×32, pure white on full transparency.
/// </summary>
public static class TeamsIcons
{
    /// <summary>The accent colour, as in the manifest and the Web Chat page.</summary>
    public const string AccentColor = "#0F766E";

    private static readonly (byte R, byte G, byte B) Accent = (0x0F, 0x76, 0x6E);

    /// <summary>The 192×192 full-colour icon as PNG.</summary>
    public static byte[] Color()
    {
        const int Size = 192;
        const int Samples = 4; // 4×4 supersampling smooths the edges
        var rgba = new byte[Size * Size * 4];
        for (var y = 0; y < Size; y++)
        {
            for (var x = 0; x < Size; x++)
            {
                var white = 0;
                for (var sy = 0; sy < Samples; sy++)
                {
                    for (var sx = 0; sx < Samples; sx++)
                    {
                        // Map the 32-unit design grid onto the central ~96×96 px, as the Teams icon guidance asks.
                        var gx = ((x + ((sx + 0.5) / Samples) - 96) / 3.75) + 16;
                        var gy = ((y + ((sy + 0.5) / Samples) - 96) / 3.75) + 17;
                        if (InBubble(gx, gy, scale: 1) && !InDots(gx, gy, scale: 1))
                        {
                            white++;
                        }
                    }
                }

                var t = white / (double)(Samples * Samples);
                var i = ((y * Size) + x) * 4;
                rgba[i] = Blend(Accent.R, 255, t);
                rgba[i + 1] = Blend(Accent.G, 255, t);
                rgba[i + 2] = Blend(Accent.B, 255, t);
                rgba[i + 3] = 255;
            }
        }

        return PngEncoder.Encode(Size, Size, rgba);
    }

    /// <summary>The 32×32 outline icon as PNG: only white pixels, everything else fully transparent.</summary>
    public static byte[] Outline()
    {
        const int Size = 32;
        var rgba = new byte[Size * Size * 4];
        for (var y = 0; y < Size; y++)
        {
            for (var x = 0; x < Size; x++)
            {
                var px = x + 0.5;
                var py = y + 0.5;
                var stroke = InBubble(px, py, scale: 1) && !InBubbleInset(px, py, inset: 2);
                if (stroke || InDots(px, py, scale: 1))
                {
                    var i = ((y * Size) + x) * 4;
                    rgba[i] = rgba[i + 1] = rgba[i + 2] = rgba[i + 3] = 255;
                }
            }
        }

        return PngEncoder.Encode(Size, Size, rgba);
    }

    // The bubble is designed on a 32×32 grid: body (3,5)–(29,23) with radius 6, and a tail down to (8,29).
    private static bool InBubble(double x, double y, double scale) =>
        InRoundedRect(x / scale, y / scale, 3, 5, 29, 23, 6) || InTail(x / scale, y / scale);

    private static bool InBubbleInset(double x, double y, double inset) =>
        InRoundedRect(x, y, 3 + inset, 5 + inset, 29 - inset, 23 - inset, 6 - inset);

    private static bool InDots(double x, double y, double scale)
    {
        var gx = x / scale;
        var gy = y / scale;
        const double Radius = 1.6;
        return InCircle(gx, gy, 10, 14, Radius) || InCircle(gx, gy, 16, 14, Radius) || InCircle(gx, gy, 22, 14, Radius);
    }

    private static bool InTail(double x, double y)
    {
        // Triangle (8,21) (15,21) (8,29): below the body's left side.
        if (y < 21 || y > 29 || x < 8)
        {
            return false;
        }

        return x <= 15 - ((y - 21) * 7 / 8);
    }

    private static bool InRoundedRect(double x, double y, double left, double top, double right, double bottom, double radius)
    {
        if (x < left || x > right || y < top || y > bottom)
        {
            return false;
        }

        var cx = Math.Clamp(x, left + radius, right - radius);
        var cy = Math.Clamp(y, top + radius, bottom - radius);
        return InCircle(x, y, cx, cy, radius);
    }

    private static bool InCircle(double x, double y, double cx, double cy, double radius) =>
        ((x - cx) * (x - cx)) + ((y - cy) * (y - cy)) <= radius * radius;

    private static byte Blend(byte from, byte to, double t) => (byte)Math.Round(from + ((to - from) * t));
}
