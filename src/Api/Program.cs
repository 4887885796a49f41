using Herald.Api.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddHeraldApi();

var app = builder.Build();
app.MapHeraldApi();
app.Run();

/// <summary>The API's entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
