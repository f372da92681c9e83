using System.Text.Json;

namespace MusicBlazor.Benchmarks.Harness;

/// <summary>
/// Figures recorded from an earlier build with the same scenario (Baselines/*.json), for targets stated relative to
/// "today's" app. Absent when the file is (as when recording it), and then the ratios are not reported.
/// </summary>
internal sealed record Baseline(string Commit, string Description, string RecordedAt, Dictionary<string, double> Figures)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static Baseline? Load(BenchOptions options, string name)
    {
        var path = Path.Combine(options.RepositoryRoot, "MusicBlazor.Benchmarks", "Baselines", name + ".json");
        return File.Exists(path) ? JsonSerializer.Deserialize<Baseline>(File.ReadAllText(path), Json) : null;
    }
}
