namespace SmtpDane.Smtp;

/// <summary>The service extensions an EHLO reply announced (RFC 5321 §4.1.1.1: the first line is the greeting,
/// each further line is <c>keyword [params]</c>). Keywords are compared case-insensitively (RFC 5321 §2.4).</summary>
public sealed record SmtpCapabilities(IReadOnlyList<string> Keywords, IReadOnlyDictionary<string, string> Parameters)
{
    /// <summary>From a HELO reply there are no extensions.</summary>
    public static SmtpCapabilities None { get; } = new(Array.Empty<string>(), new Dictionary<string, string>());

    public bool Has(string keyword) => Parameters.ContainsKey(keyword);

    /// <summary>RFC 3207 §4: the STARTTLS keyword takes no parameters.</summary>
    public bool OffersStarttls => Has("STARTTLS");

    public static SmtpCapabilities FromEhlo(SmtpReply reply)
    {
        var keywords = new List<string>();
        var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (int i = 1; i < reply.Lines.Count; i++)
        {
            var line = reply.Lines[i].Trim();
            if (line.Length == 0) continue;
            int space = line.IndexOf(' ');
            var keyword = (space < 0 ? line : line[..space]).ToUpperInvariant();
            var args = space < 0 ? "" : line[(space + 1)..].Trim();
            if (parameters.TryAdd(keyword, args)) keywords.Add(keyword);
        }
        return new SmtpCapabilities(keywords, parameters);
    }
}
