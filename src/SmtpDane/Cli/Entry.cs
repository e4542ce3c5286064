namespace SmtpDane.Cli;
internal static class Entry { public static int Run(string[] args) { System.Console.WriteLine("hi"); return 0; } }
