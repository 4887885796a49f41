using Herald.Reliability;

// Herald's reliability suite: see docs/reliability.md. Run it with scripts/reliability.sh [--quick].
try
{
    return await SuiteRun.RunAsync(SuiteOptions.Parse(args));
}
catch (Exception exception) when (exception is ArgumentException or FileNotFoundException)
{
    Console.Error.WriteLine(exception.Message);
    return 2;
}
