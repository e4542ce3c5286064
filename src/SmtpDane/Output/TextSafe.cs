using System.Globalization;
using System.Text;

namespace SmtpDane.Output;

/// <summary>Makes text from the network (SMTP banners, certificate names, DNS data, error messages) safe to put on
/// one output line: a hostile server must not be able to move the cursor, recolour the terminal, forge extra
/// report lines or reorder text. Control characters (C0, DEL, C1) and Unicode bidirectional controls are written
/// as visible escapes (<c>\x1b</c>, <c>\u202e</c>).</summary>
public static class TextSafe
{
    public static string Line(string text)
    {
        if (!NeedsEscaping(text)) return text;
        var sb = new StringBuilder(text.Length + 8);
        foreach (char c in text)
        {
            if (IsControl(c)) sb.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
            else if (IsBidiControl(c)) sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            else sb.Append(c);
        }
        return sb.ToString();
    }

    private static bool NeedsEscaping(string text)
    {
        foreach (char c in text)
            if (IsControl(c) || IsBidiControl(c)) return true;
        return false;
    }

    private static bool IsControl(char c) => c < 0x20 || (c >= 0x7f && c <= 0x9f);

    /// <summary>LRE/RLE/PDF/LRO/RLO (U+202A–U+202E), LRI/RLI/FSI/PDI (U+2066–U+2069), LRM/RLM/ALM.</summary>
    private static bool IsBidiControl(char c) =>
        (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069') || c is '\u200e' or '\u200f' or '\u061c';
}
