namespace MusicBlazor.Benchmarks.Scenarios;

/// <summary>
/// The scenarios, in run order. This is the extension point: a new scenario implements <see cref="IScenario"/>
/// and is added here (and reports through <see cref="Harness.Report"/>, so it lands in the table and the JSON).
/// </summary>
internal static class ScenarioList
{
    public static IReadOnlyList<IScenario> All { get; } =
    [
        new FanOutWrite(),
        new LiveDelivery(),
        new MemoryPerCircuit(),
        new Browsing(),
        new InBrowser(),
        new FirstVisit(),
        new PerRecordRouting(),
        new LoadAndFaults(),
        new PostgresFanOut(),
        new PostgresCrossServer(),
        new PostgresWriters(),
        new PostgresBrowsing(),
        new BackgroundSubscribers(),
    ];
}
