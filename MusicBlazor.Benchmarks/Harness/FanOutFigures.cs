namespace MusicBlazor.Benchmarks.Harness;

/// <summary>How the fan-out scenarios (1 on SQLite, 8 on PostgreSQL) record ours against the floor, and each variant's times.</summary>
internal static class FanOutFigures
{
    public static double RowsPerSecond(int rows, Summary s) => rows / (s.P50 / 1000.0);

    /// <summary>
    /// ours ÷ floor within each round: the two ran back to back, so a slow stretch of this shared machine lands on both
    /// and cancels, where independent medians do not. The targets are judged on its median.
    /// </summary>
    public static Summary PerRound(Dictionary<string, List<double>> samples) =>
        Summary.Of(samples["ours"].Zip(samples["floor"], (o, f) => o / f).ToList());

    /// <summary>Each variant's p50, p95, min, max and rows per second; ours over the floor (p50s, and per round); the samples.</summary>
    public static void Record(ResultRow row, int rows, int repetitions, Dictionary<string, List<double>> samples)
    {
        foreach (var (name, values) in samples)
        {
            var s = Summary.Of(values);
            row.Summarize(name, s).Figures[$"{name}RowsPerSecond"] = RowsPerSecond(rows, s);
        }

        row.Figures["repetitions"] = repetitions;
        row.Ratios["oursOverFloor"] = Summary.Of(samples["ours"]).P50 / Summary.Of(samples["floor"]).P50;
        row.Ratios["oursOverFloorPerRound"] = PerRound(samples).P50;
        row.Details["samplesMs"] = samples;
    }
}
