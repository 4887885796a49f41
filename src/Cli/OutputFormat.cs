namespace Herald.Cli;

public enum OutputFormat
{
    Json,
    Table,
}
