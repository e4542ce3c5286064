using System.Text;

namespace SmtpDane.Dns.ZoneFile;

/// <summary>Splits presentation-format text into entries (RFC 1035 §5.1): ';' comments, '(' ')' joining lines,
/// quoted strings, backslash escapes kept raw for the field parsers.</summary>
internal static class ZoneTokenizer
{
    public static IEnumerable<ZoneEntry> Entries(string text, string source)
    {
        var tokens = new List<ZoneToken>();
        bool leadingBlank = false;
        int depth = 0, line = 1, entryLine = 1, entryChars = 0;
        bool atLineStart = true;
        int i = 0;
        while (i <= text.Length)
        {
            char c = i < text.Length ? text[i] : '\n';
            bool eof = i >= text.Length;
            if (atLineStart && depth == 0)
            {
                leadingBlank = c is ' ' or '\t';
                entryLine = line;
                entryChars = 0;
                atLineStart = false;
            }
            if (c == '\n')
            {
                if (depth == 0)
                {
                    if (tokens.Count > 0) yield return new ZoneEntry(tokens.ToArray(), leadingBlank, entryLine);
                    tokens.Clear();
                    atLineStart = true;
                }
                else if (eof)
                    throw new ZoneFileException(source, entryLine, "unbalanced '(' at end of input");
                line++;
                i++;
                if (eof) break;
                continue;
            }
            if (++entryChars > DnsLimits.MaxZoneFileEntryChars)
                throw new ZoneFileException(source, entryLine, $"entry longer than {DnsLimits.MaxZoneFileEntryChars} characters");
            if (c is ' ' or '\t' or '\r') { i++; continue; }
            if (c == ';')
            {
                while (i < text.Length && text[i] != '\n') i++;
                continue;
            }
            if (c == '(') { depth++; i++; continue; }
            if (c == ')')
            {
                if (depth == 0) throw new ZoneFileException(source, line, "')' without '('");
                depth--; i++; continue;
            }
            var sb = new StringBuilder();
            int tokenLine = line;
            if (c == '"')
            {
                i++;
                while (true)
                {
                    if (i >= text.Length) throw new ZoneFileException(source, tokenLine, "unterminated quoted string");
                    char q = text[i];
                    if (q == '\\' && i + 1 < text.Length) { sb.Append(q).Append(text[i + 1]); i += 2; continue; }
                    if (q == '"') { i++; break; }
                    if (q == '\n') line++;
                    sb.Append(q); i++;
                }
                tokens.Add(new ZoneToken(sb.ToString(), true, tokenLine));
                continue;
            }
            while (i < text.Length)
            {
                char t = text[i];
                if (t == '\\' && i + 1 < text.Length && text[i + 1] != '\n') { sb.Append(t).Append(text[i + 1]); i += 2; continue; }
                if (t is ' ' or '\t' or '\r' or '\n' or ';' or '(' or ')' or '"') break;
                sb.Append(t); i++;
            }
            tokens.Add(new ZoneToken(sb.ToString(), false, tokenLine));
        }
    }
}
