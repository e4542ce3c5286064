namespace SmtpDane.Tests.Dnssec;

/// <summary>Test-side splitter for the vector files' zone text: strips ';' comments, joins '( … )' continuations,
/// and yields whitespace tokens per logical line. Only used to pull base64/hex fields out of vector files for the
/// byte-level crypto tests; record semantics are parsed by SmtpDane.Dns.</summary>
internal static class PresentationLines
{
    public static IEnumerable<string[]> Read(string path) => Split(File.ReadAllLines(path));

    public static IEnumerable<string[]> Split(IEnumerable<string> lines)
    {
        var pending = new List<string>();
        int depth = 0;
        foreach (var raw in lines)
        {
            var line = raw;
            int semi = line.IndexOf(';');
            if (semi >= 0) line = line[..semi];
            foreach (var ch in line)
            {
                if (ch == '(') depth++;
                else if (ch == ')') depth--;
            }
            pending.AddRange(line.Replace("(", " ").Replace(")", " ").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            if (depth > 0) continue;
            depth = 0;
            if (pending.Count > 0) yield return pending.ToArray();
            pending.Clear();
        }
    }
}
