namespace MusicBlazor.Benchmarks.Harness;

/// <summary>Order statistics of a sample (milliseconds unless said otherwise).</summary>
internal sealed record Summary(int Count, double Min, double P50, double P95, double P99, double Max, double Mean)
{
    public static Summary Of(IReadOnlyCollection<double> values)
    {
        if (values.Count == 0)
        {
            return new Summary(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        }

        var sorted = values.Order().ToArray();
        return new Summary(
            sorted.Length, sorted[0], Percentile(sorted, 50), Percentile(sorted, 95), Percentile(sorted, 99), sorted[^1], sorted.Average());
    }

    /// <summary>Linear interpolation between closest ranks (the usual "type 7" definition).</summary>
    public static double Percentile(double[] sorted, double percent)
    {
        if (sorted.Length == 1)
        {
            return sorted[0];
        }

        var rank = percent / 100.0 * (sorted.Length - 1);
        var lower = (int)Math.Floor(rank);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + (sorted[upper] - sorted[lower]) * (rank - lower);
    }
}
