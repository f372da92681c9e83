using System.Diagnostics;
using MusicBlazor.Catalog;
using MusicBlazor.TestSupport.Hosting;

namespace MusicBlazor.Benchmarks.Harness;

/// <summary>An album an editor created during a load phase.</summary>
internal sealed record CreatedAlbum(string Name, Guid Id, int Editor);

/// <summary>
/// Editors writing at a human pace, concurrently: each, signed in (a DI scope of their account, as one of their
/// circuits) creates albums for their own artist through the app's <see cref="AlbumService"/>, the first within the
/// first <see cref="MinInterval"/>, then one every <see cref="MinInterval"/>–<see cref="MaxInterval"/> (uniformly at
/// random), until the phase's duration is up. Failed saves are kept, not thrown: the run reports them.
/// </summary>
internal static class AlbumWriters
{
    public static readonly TimeSpan MinInterval = TimeSpan.FromSeconds(6);
    public static readonly TimeSpan MaxInterval = TimeSpan.FromSeconds(12);

    public static async Task<(List<CreatedAlbum> Albums, List<string> Failures)> RunAsync(
        KestrelAppServer server, IReadOnlyList<(string Email, Guid Artist)> editors, string phase, TimeSpan duration, Random random)
    {
        var seeds = editors.Select(_ => random.Next()).ToArray();
        var results = await Task.WhenAll(editors.Select((editor, e) => WriteAsync(server, editor, e, $"{phase} E{e + 1}", duration, new Random(seeds[e]))));
        return ([.. results.SelectMany(r => r.Albums)], [.. results.SelectMany(r => r.Failures)]);
    }

    private static async Task<(List<CreatedAlbum> Albums, List<string> Failures)> WriteAsync(
        KestrelAppServer server, (string Email, Guid Artist) editor, int index, string prefix, TimeSpan duration, Random random)
    {
        var (albums, failures) = (new List<CreatedAlbum>(), new List<string>());
        await using var scope = await server.SignedInScopeAsync(editor.Email);
        var service = scope.ServiceProvider.GetRequiredService<AlbumService>();
        var watch = Stopwatch.StartNew();
        var next = MinInterval * random.NextDouble();
        for (var n = 1; next < duration; n++)
        {
            if (next - watch.Elapsed is { Ticks: > 0 } wait)
            {
                await Task.Delay(wait);
            }

            var name = $"{prefix} #{n:00}";
            try
            {
                albums.Add(new CreatedAlbum(name, await service.CreateAsync(editor.Artist, new AlbumInput { Name = name, YearReleased = 2025 }), index));
            }
            catch (Exception ex)
            {
                failures.Add($"{name}: {ex.GetType().Name}: {ex.Message}");
            }

            next += MinInterval + (MaxInterval - MinInterval) * random.NextDouble();
        }

        return (albums, failures);
    }
}
