namespace SmtpDane.Cli;
internal static class Entry { public static int Main(string[] args) { System.Console.WriteLine("hi"); return 0; } }
