using System.Globalization;

namespace SmtpDane.Dns;

/// <summary>Mnemonics of types and classes for presentation form, including the generic TYPEnnn / CLASSnnn forms
/// of RFC 3597 §5.</summary>
public static class RecordTypeText
{
    private static readonly Dictionary<string, RecordType> ByName = Enum.GetValues<RecordType>()
        .ToDictionary(t => t.ToString(), t => t, StringComparer.OrdinalIgnoreCase);

    /// <summary>"A", "NSEC3PARAM", "TYPE65534"… Unknown values print as TYPEnnn.</summary>
    public static string ToText(this RecordType type) =>
        Enum.IsDefined(type) ? type.ToString() : "TYPE" + ((ushort)type).ToString(CultureInfo.InvariantCulture);

    /// <summary>"IN", "CH", or CLASSnnn.</summary>
    public static string ToText(this RecordClass cls) =>
        Enum.IsDefined(cls) ? cls.ToString() : "CLASS" + ((ushort)cls).ToString(CultureInfo.InvariantCulture);

    /// <summary>Parses a mnemonic (case-insensitive) or TYPEnnn (RFC 3597 §5).</summary>
    public static bool TryParseType(string text, out RecordType type)
    {
        if (ByName.TryGetValue(text, out type)) return true;
        if (text.Length > 4 && text.StartsWith("TYPE", StringComparison.OrdinalIgnoreCase) &&
            ushort.TryParse(text.AsSpan(4), NumberStyles.None, CultureInfo.InvariantCulture, out var v))
        {
            type = (RecordType)v;
            return true;
        }
        type = default;
        return false;
    }

    /// <summary>Parses IN/CH/HS/NONE/ANY or CLASSnnn (RFC 3597 §5).</summary>
    public static bool TryParseClass(string text, out RecordClass cls)
    {
        if (Enum.TryParse(text, ignoreCase: true, out cls) && Enum.IsDefined(cls) && !char.IsAsciiDigit(text[0]))
            return true;
        if (text.Length > 5 && text.StartsWith("CLASS", StringComparison.OrdinalIgnoreCase) &&
            ushort.TryParse(text.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out var v))
        {
            cls = (RecordClass)v;
            return true;
        }
        cls = default;
        return false;
    }
}
