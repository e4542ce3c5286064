using System.Globalization;

namespace SmtpDane.Output;

/// <summary>One Nagios performance-data item: <c>'label'=value[UOM];[warn];[crit];[min];[max]</c>
/// (plugin guidelines, "Performance data"). The label is quoted when it contains a space, <c>=</c> or <c>'</c>
/// (a quote doubled inside); the value may be the literal <c>U</c> when it could not be determined; trailing
/// empty fields are dropped, as the guidelines allow.</summary>
public sealed record PerfDatum(string Label, string Value, string Unit = "", string Warn = "", string Crit = "",
    string Min = "", string Max = "")
{
    /// <summary>The guidelines' marker for "the actual value couldn't be determined".</summary>
    public const string Undetermined = "U";

    public static string Number(double v) => v.ToString("0.####", CultureInfo.InvariantCulture);

    public static string Number(long v) => v.ToString(CultureInfo.InvariantCulture);

    public static string QuoteLabel(string label) =>
        label.IndexOfAny([' ', '=', '\'']) >= 0 ? "'" + label.Replace("'", "''") + "'" : label;

    public override string ToString()
    {
        var fields = new List<string> { Value + Unit, Warn, Crit, Min, Max };
        while (fields.Count > 1 && fields[^1].Length == 0) fields.RemoveAt(fields.Count - 1);
        return QuoteLabel(Label) + "=" + string.Join(";", fields);
    }
}
