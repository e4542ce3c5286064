return SmtpDane.Cli.Entry.Main(args);
