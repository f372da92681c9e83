using MusicBlazor.Data;
using MusicBlazor.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.UseRootAppSettings();
builder.AddMusicBlazor();

var app = builder.Build();
await app.Services.InitializeDatabaseAsync();
app.UseMusicBlazor();
app.Run();

public partial class Program;
