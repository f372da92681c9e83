namespace MusicBlazor.Benchmarks.Harness;

/// <summary>
/// One case of the artist list benchmarks (4 on SQLite, 11 on PostgreSQL): the app's list query against the same
/// SQL run raw, interleaved, recorded in one row whose first columns both scenarios share.
/// </summary>
internal static class ListComparison
{
    public static async Task<(ResultRow Row, Summary Ours, Summary Raw)> MeasureAsync(
        string scenario, string caseName, int artistCount, (string Sort, string? Search, int Page) listed, string foundBy,
        Func<Task> ours, Func<Task> raw, int warmup, int repetitions, string? reachedBy = null)
    {
        var samples = await Timing.InterleavedAsync(
        [
            new Variant("ours", _ => ours()),
            new Variant("raw", _ => raw()),
        ], warmup, repetitions);
        var o = Summary.Of(samples["ours"]);
        var r = Summary.Of(samples["raw"]);

        var row = new ResultRow { Scenario = scenario, Case = caseName, Size = artistCount, SizeLabel = $"{artistCount:N0} artists" };
        row.Show("Artists", Report.Count(artistCount))
            .Show("Sort", listed.Sort)
            .Show("Search", listed.Search ?? "–")
            .Show("Page", Report.Count(listed.Page));
        if (reachedBy is not null)
        {
            row.Show("Reached by", reachedBy);
        }

        row
            .Show("Found by", foundBy)
            .Show("ours p50 ms", Report.Ms(o.P50))
            .Show("ours p95 ms", Report.Ms(o.P95))
            .Show("raw p50 ms", Report.Ms(r.P50))
            .Show("raw p95 ms", Report.Ms(r.P95))
            .Show("ours/raw (p50)", Report.Ratio(o.P50 / r.P50));
        row.Summarize("ours", o).Summarize("raw", r);
        row.Figures["page"] = listed.Page;
        row.Figures["repetitions"] = repetitions;
        row.Ratios["oursOverRawP50"] = o.P50 / r.P50;
        row.Ratios["oursOverRawP95"] = o.P95 / r.P95;
        return (row, o, r);
    }
}
