using Herald.Api.Hosting;

// Catalog schemas' patterns are matched with Regex's process-wide default timeout, read once: bound it before any Regex runs.
AppContext.SetData("REGEX_DEFAULT_MATCH_TIMEOUT", TimeSpan.FromSeconds(1));
var builder = WebApplication.CreateBuilder(args);
builder.AddHeraldApi();

var app = builder.Build();
app.MapHeraldApi();
app.Run();

/// <summary>The API's entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
