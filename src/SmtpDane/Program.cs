return SmtpDane.Cli.Entry.Run(args);
