using System.Diagnostics;
using Npgsql;
using MusicBlazor.Benchmarks.Harness;
using MusicBlazor.Catalog;

namespace MusicBlazor.Benchmarks.Scenarios;

/// <summary>
/// 11. Scenario 4 on PostgreSQL at a million artists: ArtistQueries.ListAsync (signed-in viewer) for every sort order,
/// with and without a search term, first page and a deep page (by its number alone, or reached by the pager from the page
/// before or after it), against the very SQL EF sent for it (captured by the
/// command interceptor) run raw over Npgsql in the same kind of snapshot. Each case checks both return the same
/// artists and records the plan PostgreSQL chose for the page query.
/// </summary>
internal sealed class PostgresBrowsing : IScenario
{
    private const int UserCount = 2_000;

    public string Key => "pg-browse";
    public string Title => "12. PostgreSQL browsing at scale";

    public async Task RunAsync(BenchOptions options, Report report)
    {
        var artistCount = options.Quick ? 20_000 : 1_000_000;
        if (!PgSql.AvailableOrNotRun(report, Title, artistCount, $"{artistCount:N0} artists"))
        {
            return;
        }

        await using var host = await BenchHost.StartPostgresAsync("pg-browse");
        var seedWatch = Stopwatch.StartNew();
        var (viewer, followCount, searchMatches) = await SeedAsync(host, artistCount);
        Console.WriteLine($"  seeded {artistCount:N0} artists, {followCount:N0} follows in {seedWatch.Elapsed.TotalSeconds:0.0} s; '{Browsing.SearchTerm}' matches {searchMatches:N0}");

        await using var circuit = host.OpenCircuit(viewer);
        var queries = circuit.Get<ArtistQueries>();
        var cases = new List<(string SortKey, string? Search, int Page, string ReachedBy, ArtistListRequest Request)>();
        foreach (var (sort, sortKey, _) in ArtistSorts.All)
        {
            foreach (var search in new string?[] { null, Browsing.SearchTerm })
            {
                var deep = Math.Max(2, (int)(0.6 * (search is null ? artistCount : searchMatches) / ArtistListRequest.PageSize));
                cases.Add((sortKey, search, 1, "first page", new ArtistListRequest(search, sort, 1)));
                cases.Add((sortKey, search, deep, "page number", new ArtistListRequest(search, sort, deep)));
                // The pager's moves to the deep page: from the page before it (Next) and from the one after it (Previous).
                var before = await queries.ListAsync(new ArtistListRequest(search, sort, deep - 1));
                var after = await queries.ListAsync(new ArtistListRequest(search, sort, deep + 1));
                cases.Add((sortKey, search, deep, "next", new ArtistListRequest(search, sort, deep, before.Bounds)));
                cases.Add((sortKey, search, deep, "previous", new ArtistListRequest(search, sort, deep, after.Bounds)));
            }
        }

        // Every case's code paths run before any is measured (tiered JIT; PostgreSQL's caches), cheap ones a few times more.
        for (var round = 0; round < 3; round++)
        {
            foreach (var c in cases.Where(c => round == 0 || c.ReachedBy != "page number"))
            {
                await queries.ListAsync(c.Request);
            }
        }

        var counted = new Dictionary<(string Sort, string? Search), List<Guid>>();
        foreach (var (sortKey, search, page, reachedBy, request) in cases)
        {
            var caseName = $"sort={sortKey} search={search ?? "–"} page={page:N0} by={reachedBy}";
            host.Commands.CapturedReaders.Clear();
            host.Commands.CaptureSql = true;
            var ours = await queries.ListAsync(request);
            host.Commands.CaptureSql = false;
            // The call's own commands: the follower's polls of the change log run meanwhile through the same interceptor.
            var sent = host.Commands.CapturedReaders.Where(c => c.Sql.Contains("\"Artists\"", StringComparison.Ordinal)).ToList();
            var raw = await RawAsync(host.ConnectionString, sent);
            // A backward walk returns the page in reverse, then the row before it.
            var backward = reachedBy == "previous";
            var rawPage = raw.Take(ArtistListRequest.PageSize).ToList();
            if (backward)
            {
                rawPage.Reverse();
            }

            // The pager's page must be the page its number counts to (nothing changes the catalog meanwhile).
            var samePageAsCounted = reachedBy is "first page" or "page number" || ours.Artists.Select(a => a.Id).SequenceEqual(counted[(sortKey, search)]);
            if (reachedBy == "page number")
            {
                counted[(sortKey, search)] = ours.Artists.Select(a => a.Id).ToList();
            }

            if (!ours.Artists.SequenceEqual(rawPage) || ours.HasNext != (backward || raw.Count > ArtistListRequest.PageSize) || ours.Artists.Count == 0 || !samePageAsCounted)
            {
                throw new InvalidOperationException(
                    $"{caseName}: the app, the raw query and the counted page disagree ({ours.Artists.Count} against {raw.Count} rows). The SQL: {sent[^1].Sql}");
            }

            List<string> plan;
            await using (var connection = await host.OpenPostgresAsync())
            {
                plan = await PgSql.ExplainAsync(connection, sent[^1].Sql, sent[^1].Parameters);
            }

            var nodes = plan.Select(Node).Where(n => n.Length > 0).Distinct().ToList();
            var seqScan = nodes.Any(n => n.StartsWith("Seq Scan on \"Artists\"", StringComparison.Ordinal) || n.StartsWith("Seq Scan on Artists", StringComparison.Ordinal));
            // Slow cases get fewer repetitions, so a deep page at a million artists does not take the run's whole budget.
            var probe = Stopwatch.StartNew();
            await queries.ListAsync(request);
            var (warmup, repetitions) = options.Quick ? (2, 10) : probe.Elapsed.TotalMilliseconds > 100 ? (1, 10) : (3, 30);
            var foundBy = sent[^1].Sql.Contains("SELECT * FROM \"Artists\" WHERE \"SearchName\" LIKE", StringComparison.Ordinal) ? "index" : "walk";
            var (row, o, r) = await ListComparison.MeasureAsync(
                Title, caseName, artistCount, (sortKey, search, page), foundBy,
                () => queries.ListAsync(request), () => RawAsync(host.ConnectionString, sent), warmup, repetitions, reachedBy);
            row.Show("ours/raw (p95)", Report.Ratio(o.P95 / r.P95))
                .Show("plan (EF SQL)", string.Join("; ", nodes));
            row.Figures["seqScanOnArtists"] = seqScan ? 1 : 0;
            row.Details["efSql"] = sent.Select(s => s.Sql).ToList();
            row.Details["queryPlan"] = plan;
            // A page number typed into the URL gives OFFSET nothing to start from: listed, without a target.
            if (!options.Quick && reachedBy != "page number")
            {
                row.Targets.Add(TargetCheck.AtMost("PostgreSQL browsing: p95 <= 25 ms at 1,000,000 artists", "ours p95 ms", Math.Round(o.P95, 3), 25));
                row.Targets.Add(TargetCheck.AtMost("PostgreSQL browsing: ours/raw <= 1.3", "ours/raw (p50)", Math.Round(o.P50 / r.P50, 3), 1.3));
            }

            row.Notes.Add($"{artistCount:N0} artists, {followCount:N0} follows, seeded by generate_series and then VACUUM ANALYZE (what autovacuum does to a settled table); "
                + $"search '{Browsing.SearchTerm}' matches {searchMatches:N0}. Deep page = 60 % through the matches, reached by its number alone (OFFSET), "
                + "or by the pager from the page before it (next) or after it (previous), continuing from that page's edge (keyset). ours = ArtistQueries.ListAsync; raw = the commands "
                + "EF sent for that call (captured by the command interceptor: the index estimate when the term can use it, then the page) replayed over a pooled "
                + "Npgsql connection in a REPEATABLE READ transaction after reading the change log head, as the app reads. Found by = the way the app took; "
                + "plan = the nodes of EXPLAIN for the page query. Slow cases (over 100 ms a call) are measured 10 times instead of 30.");
            if (options.Quick)
            {
                row.Notes.Add("Quick run: the targets apply at 1,000,000 artists, measured only in the full run.");
            }

            // The load average once, with the last case (one note for the whole table).
            if (request == cases[^1].Request)
            {
                MachineLoad.Add(report, row);
            }
            else
            {
                report.Rows.Add(row);
            }

            Console.WriteLine($"  {caseName}: ours p50 {Report.Ms(o.P50)} p95 {Report.Ms(o.P95)} ms, raw p50 {Report.Ms(r.P50)} ms; {string.Join("; ", nodes)}");
        }
    }

    /// <summary>A plan line without its cost estimate: "Index Only Scan using … on …", "Limit", "Sort".</summary>
    private static string Node(string line)
    {
        var text = line.TrimStart('-', '>', ' ');
        var cost = text.IndexOf("  (cost=", StringComparison.Ordinal);
        return cost < 0 ? "" : text[..cost];
    }

    /// <summary>The commands EF sent for one ListAsync, replayed as the app runs them: one snapshot that first reads the log's head.</summary>
    private static async Task<List<ArtistCard>> RawAsync(string connectionString, List<(string Sql, IReadOnlyList<(string Name, object? Value)> Parameters)> sent)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var snapshot = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead);
        await using (var head = new NpgsqlCommand("""SELECT "Sequence" FROM "ChangeLogHead" """, connection, snapshot))
        {
            _ = await head.ExecuteScalarAsync();
        }

        var cards = new List<ArtistCard>(ArtistListRequest.PageSize + 1);
        for (var i = 0; i < sent.Count; i++)
        {
            await using var command = PgSql.Command(connection, sent[i].Sql, sent[i].Parameters, snapshot);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                if (i == sent.Count - 1)
                {
                    cards.Add(new ArtistCard(
                        reader.GetGuid(0),
                        reader.GetString(1),
                        reader.IsDBNull(2) ? null : reader.GetString(2),
                        reader.GetInt32(3),
                        reader.IsDBNull(4) ? null : reader.GetInt32(4),
                        reader.GetInt32(5),
                        reader.GetBoolean(6)));
                }
            }
        }

        await snapshot.CommitAsync();
        return cards;
    }

    /// <summary>Artists as scenario 4 makes them (names from the same words), built by PostgreSQL itself.</summary>
    private static async Task<(Guid Viewer, long Follows, int Matches)> SeedAsync(BenchHost host, int artistCount)
    {
        var users = Seeder.NewIds(UserCount);
        await using var connection = await host.OpenPostgresAsync();
        await PostgresSeeder.UsersAsync(connection, users);
        await PostgresSeeder.WithoutCaptureAsync(connection, """
            SELECT setseed(0.2026);
            CREATE TEMP TABLE seed ON COMMIT DROP AS
            SELECT i, id, name, CASE WHEN i % 13 = 0 THEN i % 40 ELSE i % 3 END AS followers,
                   i % 7 AS albums, CASE WHEN i % 7 = 0 THEN 0 ELSE 1951 + floor(random() * 75)::int END AS latest,
                   CASE WHEN i % 7 = 0 OR random() < 0.33 THEN NULL ELSE '/images/covers/' || floor(random() * 1000)::int || '.jpg' END AS cover,
                   @epoch + make_interval(mins => i) AS created, @epoch + make_interval(mins => floor(random() * @count * 2)::int) AS updated
            FROM generate_series(0, @count - 1) AS i,
                LATERAL (SELECT gen_random_uuid() AS id,
                    (@adjectives)[1 + floor(random() * cardinality(@adjectives))::int] || ' '
                    || (@nouns)[1 + floor(random() * cardinality(@nouns))::int] || ' ' || i AS name) AS named;
            INSERT INTO "Artists" ("Id", "Name", "SearchName", "PreviousNames", "AlbumCount", "LatestAlbumYear", "CoverImageUrl", "FollowerCount", "CreatedAt", "UpdatedAt", "Version")
            SELECT id, name, lower(name), '{}', albums, latest, cover, followers, created, updated, gen_random_uuid() FROM seed;
            INSERT INTO "ArtistFollowers" ("ArtistId", "UserId", "CreatedAt")
            SELECT s.id, (@users)[1 + (s.i * 7 + j * 131) % cardinality(@users)], @epoch
            FROM seed AS s, generate_series(0, s.followers - 1) AS j;
            """,
            ("epoch", Seeder.Epoch), ("count", artistCount), ("adjectives", Browsing.Adjectives), ("nouns", Browsing.Nouns), ("users", users));
        await PgSql.ExecuteAsync(connection, "VACUUM ANALYZE");
        var follows = await PgSql.ScalarAsync(connection, """SELECT COUNT(*) FROM "ArtistFollowers" """);
        var matches = await PgSql.ScalarAsync(connection, """SELECT COUNT(*) FROM "Artists" WHERE strpos("SearchName", @t) > 0""", ("t", Browsing.SearchTerm));
        return (users[0], follows, (int)matches);
    }
}
