using MusicBlazor.Data;
using MusicBlazor.Hosting;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, EnvironmentName = ExplicitEnvironment.Read(args) });
// Development maps the build output's static web assets by itself; a build run in Production needs them too
// (a published app has no such manifest and serves its own wwwroot, so this does nothing there).
builder.WebHost.UseStaticWebAssets();
builder.UseRootAppSettings();
builder.AddMusicBlazor();

var app = builder.Build();
await app.Services.InitializeDatabaseAsync();
app.UseMusicBlazor();
app.Run();

public partial class Program;
