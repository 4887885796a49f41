return await Herald.Cli.HeraldCli.RunAsync(args, Console.Out, Console.Error, Environment.GetEnvironmentVariable);
