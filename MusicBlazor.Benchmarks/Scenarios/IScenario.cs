using MusicBlazor.Benchmarks.Harness;

namespace MusicBlazor.Benchmarks.Scenarios;

/// <summary>One benchmark scenario: measures at each of its sizes and adds rows (figures, ratios, targets) to the report.</summary>
internal interface IScenario
{
    /// <summary>Short key for <c>--only</c>.</summary>
    string Key { get; }

    string Title { get; }

    Task RunAsync(BenchOptions options, Report report);
}
