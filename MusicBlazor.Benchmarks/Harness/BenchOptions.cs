using MusicBlazor.Benchmarks.Scenarios;

namespace MusicBlazor.Benchmarks.Harness;

/// <summary>Command line: <c>--quick</c> (small sizes), <c>--only a,b</c> (scenario keys), <c>--out path</c>.</summary>
internal sealed record BenchOptions(bool Quick, string RepositoryRoot, string OutputPath, IReadOnlySet<string> Only)
{
    public static BenchOptions Parse(string[] args)
    {
        var quick = false;
        string? output = null;
        var only = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--quick":
                    quick = true;
                    break;
                case "--only" when i + 1 < args.Length:
                    only.UnionWith(args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                    break;
                case "--out" when i + 1 < args.Length:
                    output = args[++i];
                    break;
                default:
                    throw new ArgumentException($"Unknown argument '{args[i]}'. Use --quick, --only <keys>, --out <path>; {KeysHelp}.");
            }
        }

        if (only.FirstOrDefault(key => !ScenarioList.All.Any(s => string.Equals(s.Key, key, StringComparison.OrdinalIgnoreCase))) is { } unknown)
        {
            throw new ArgumentException($"Unknown scenario '{unknown}' in --only; {KeysHelp}.");
        }

        var root = FindRepositoryRoot();
        return new BenchOptions(quick, root, Path.GetFullPath(output ?? Path.Combine(root, "artifacts", "benchmarks", "results.json")), only);
    }

    private static string KeysHelp => "the keys are " + string.Join(",", ScenarioList.All.Select(s => s.Key));

    public bool Includes(string key) => Only.Count == 0 || Only.Contains(key);

    /// <summary>The folder holding MusicBlazor.sln: from the working directory up, else from the binary up.</summary>
    private static string FindRepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "MusicBlazor.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
