using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using MusicBlazor.Benchmarks.Harness;
using MusicBlazor.Data.ChangeLog;
using MusicBlazor.Catalog;

namespace MusicBlazor.Benchmarks.Scenarios;

/// <summary>
/// 4. The artist list at scale: ArtistQueries.ListAsync (signed-in viewer, so "is followed" is computed too) for
/// every sort order, with and without a search term, first page and a deep page, against the same query written
/// by hand over Microsoft.Data.Sqlite. Each case checks that both return the same artists, and records the query
/// plan of the SQL EF actually sent.
/// </summary>
internal sealed class Browsing : IScenario
{
    internal const string SearchTerm = "moon";

    internal static readonly string[] Adjectives =
    [
        "Silver", "Golden", "Electric", "Velvet", "Crimson", "Hollow", "Wild", "Quiet", "Neon", "Paper", "Iron", "Glass",
        "Broken", "Midnight", "Lucky", "Frozen", "Burning", "Secret", "Lonely", "Radiant", "Distant", "Ancient", "Violet", "Cosmic",
        "Faded", "Restless", "Savage", "Gentle", "Hidden", "Scarlet", "Brave", "Sleepy",
    ];

    internal static readonly string[] Nouns =
    [
        "Foxes", "Rivers", "Engines", "Sparrows", "Wolves", "Echoes", "Tides", "Lanterns", "Pilots", "Ghosts", "Horses", "Mirrors",
        "Moons", "Harbors", "Comets", "Saints", "Shadows", "Machines", "Gardens", "Thieves", "Dreamers", "Islands", "Owls", "Kings",
        "Violins", "Storms", "Sirens", "Drifters", "Cities", "Roses", "Giants", "Satellites",
    ];

    public string Key => "browse";
    public string Title => "4. Browsing at scale";

    public async Task RunAsync(BenchOptions options, Report report)
    {
        var artistCount = options.Quick ? 10_000 : 100_000;
        var (warmup, repetitions) = options.Quick ? (3, 20) : (5, 40);
        await using var host = await BenchHost.StartAsync("browse");

        var seedWatch = System.Diagnostics.Stopwatch.StartNew();
        var (viewer, albumCount, followCount) = await SeedAsync(host, artistCount);
        Console.WriteLine($"  seeded {artistCount:N0} artists, {albumCount:N0} albums, {followCount:N0} follows in {seedWatch.Elapsed.TotalSeconds:0.0} s");

        await using var circuit = host.OpenCircuit(viewer);
        var queries = circuit.Get<ArtistQueries>();
        var viewerText = Sql.Guid(viewer);
        var rawBase = new SqliteConnectionStringBuilder(host.ConnectionString).ToString();

        var fixedCosts = await FixedCostsAsync(host);
        int searchMatches;
        await using (var connection = await host.OpenRawAsync())
        {
            searchMatches = (int)await Sql.ScalarAsync(connection, """SELECT COUNT(*) FROM "Artists" WHERE instr("SearchName", $t) > 0""", ("$t", SearchTerm));
        }

        var cases = (
            from s in ArtistSorts.All
            from search in new string?[] { null, SearchTerm }
            let matches = search is null ? artistCount : searchMatches
            from page in new[] { 1, Math.Max(2, (int)(0.6 * matches / ArtistListRequest.PageSize)) }
            select (SortKey: s.Key, Search: search, Page: page, Matches: matches, Request: new ArtistListRequest(search, s.Sort, page))).ToList();

        // Every case's code paths run before any is measured, in bursts with pauses between: tiered JIT counts calls
        // only after a quiet spell and then recompiles hot methods in the background, in more than one step. With
        // fewer bursts the first case measured paid for that (ours/raw 1.6 against 1.25 for the same case run last).
        for (var burst = 0; burst < 6; burst++)
        {
            for (var round = 0; round < 2; round++)
            {
                foreach (var c in cases)
                {
                    await queries.ListAsync(c.Request);
                    await RawAsync(rawBase, c.Request, viewerText);
                }
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }

        foreach (var (sortKey, search, page, matches, request) in cases)
        {
            var caseName = $"sort={sortKey} search={search ?? "–"} page={page:N0}";

            // Same answer from both, and the plan of the SQL EF sent.
            host.Commands.CaptureSql = true;
            var ours = await queries.ListAsync(request);
            host.Commands.CaptureSql = false;
            var efSql = host.Commands.LastReaderSql!;
            var efParameters = host.Commands.LastReaderParameters;
            var raw = await RawAsync(rawBase, request, viewerText);
            var rawPage = raw.Take(ArtistListRequest.PageSize).ToList();
            if (!ours.Artists.SequenceEqual(rawPage) || ours.HasNext != raw.Count > ArtistListRequest.PageSize || ours.Artists.Count == 0)
            {
                throw new InvalidOperationException($"{caseName}: the app and the raw query disagree.");
            }

            List<string> plan;
            await using (var connection = await host.OpenRawAsync())
            {
                plan = await Sql.ExplainAsync(connection, efSql, efParameters);
            }

            var (row, o, r) = await ListComparison.MeasureAsync(
                Title, caseName, artistCount, (sortKey, search, page), efSql.Contains("\"ArtistSearch\"", StringComparison.Ordinal) ? "index" : "walk",
                () => queries.ListAsync(request), () => RawAsync(rawBase, request, viewerText), warmup, repetitions);
            row.Show("plan (EF SQL)", string.Join("; ", plan));
            row.Figures["matches"] = matches;
            row.Details["efSql"] = efSql;
            row.Details["queryPlan"] = plan;
            if (artistCount >= 100_000)
            {
                row.Targets.Add(TargetCheck.AtMost("Browsing: p95 <= 25 ms at 100,000 artists", "ours p95 ms", Math.Round(o.P95, 3), 25));
                row.Targets.Add(TargetCheck.AtMost("Browsing: ours/raw <= 1.3", "ours/raw (p50)", Math.Round(o.P50 / r.P50, 3), 1.3));
            }

            row.Notes.Add($"{artistCount:N0} artists, {albumCount:N0} albums, {followCount:N0} follows; search '{SearchTerm}' matches {searchMatches:N0}. "
                + "Deep page = 60 % through the matches (page 5,000 of 100,000 artists). ours = ArtistQueries.ListAsync (a context rented from the app's pooled factory per call); "
                + "raw = the same SQL by hand, read with the change log position in one deferred transaction as the app does, with the same choice: for a term the walk bounded to ArtistSearch.ProbeBudget artists first, then walking the whole list or the trigram index lookup (ArtistSearch.PrefersIndex), "
                + "on a pooled Microsoft.Data.Sqlite connection, read into the same records. Found by = the way the app took.");
            row.Notes.Add(fixedCosts.Note);
            row.Details["fixedCostsUs"] = fixedCosts.Figures;
            if (options.Quick)
            {
                row.Notes.Add("Quick run: the targets apply at 100,000 artists, measured only in the full run.");
            }

            report.Rows.Add(row);
            Console.WriteLine($"  {caseName}: ours p50 {Report.Ms(o.P50)} p95 {Report.Ms(o.P95)} ms, raw p50 {Report.Ms(r.P50)} ms");
        }
    }

    /// <summary>
    /// What every call pays before its query runs, measured here: a context rented from the app's pooled factory, the
    /// same context opening its connection (EF Core's SQLite provider registers its 11 SQL functions and a collation on
    /// every open), and a raw pooled open. Explains ours/raw on pages that are cheap for SQLite.
    /// </summary>
    private static async Task<(string Note, Dictionary<string, double> Figures)> FixedCostsAsync(BenchHost host)
    {
        const int calls = 400;
        async Task<double> MicrosAsync(Func<Task> call)
        {
            for (var i = 0; i < calls / 2; i++)
            {
                await call();
            }

            var start = System.Diagnostics.Stopwatch.GetTimestamp();
            for (var i = 0; i < calls; i++)
            {
                await call();
            }

            return Timing.ElapsedMs(start) * 1000 / calls;
        }

        var factory = host.DbFactory;
        var context = await MicrosAsync(async () =>
        {
            await using var db = await factory.CreateDbContextAsync();
        });
        var contextOpen = await MicrosAsync(async () =>
        {
            await using var db = await factory.CreateDbContextAsync();
            await db.Database.OpenConnectionAsync();
        });
        var rawOpen = await MicrosAsync(async () =>
        {
            await using var connection = new SqliteConnection(host.ConnectionString);
            await connection.OpenAsync();
        });
        var figures = new Dictionary<string, double>
        {
            ["efContextCreateDispose"] = context,
            ["efContextOpenConnection"] = contextOpen,
            ["rawPooledOpen"] = rawOpen,
        };
        var note = $"Fixed cost per call in this run: EF context rented from the app's pooled factory {context:0} µs; the same plus opening its connection {contextOpen:0} µs "
            + $"(EF Core's SQLite provider registers its 11 SQL functions and a collation on every open); raw pooled open {rawOpen:0} µs.";
        return (note, figures);
    }

    /// <summary>
    /// The list query by hand: the same choice between walking the list and looking the term up in the trigram index
    /// (ArtistSearch), the same columns, filter, order, offset and "is followed" test, on one connection.
    /// </summary>
    private static async Task<List<ArtistCard>> RawAsync(string connectionString, ArtistListRequest request, string viewer)
    {
        var orderBy = request.Sort switch
        {
            ArtistSort.RecentlyAdded => "\"{0}\".\"CreatedAt\" DESC, \"{0}\".\"Id\" DESC",
            ArtistSort.Name => "\"{0}\".\"SearchName\", \"{0}\".\"Id\"",
            ArtistSort.AlbumCount => "\"{0}\".\"AlbumCount\" DESC, \"{0}\".\"Id\" DESC",
            ArtistSort.LatestRelease => "\"{0}\".\"LatestAlbumYear\" DESC, \"{0}\".\"Id\" DESC",
            ArtistSort.FollowerCount => "\"{0}\".\"FollowerCount\" DESC, \"{0}\".\"Id\" DESC",
            _ => "\"{0}\".\"UpdatedAt\" DESC, \"{0}\".\"Id\" DESC",
        };
        var search = ArtistSearch.For(request.Search);

        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        // As the app does: the page and the change log position it reflects, read in one snapshot.
        await using var snapshot = connection.BeginTransaction(deferred: true);
        await using var command = connection.CreateCommand();
        command.Transaction = snapshot;
        command.CommandText = ChangeLogPosition.Sql;
        _ = await command.ExecuteScalarAsync();
        var skip = (request.SafePage - 1) * ArtistListRequest.PageSize;
        const string Columns = """
            SELECT "a"."Id", "a"."Name", "a"."CoverImageUrl", "a"."AlbumCount", "a"."LatestAlbumYear", "a"."FollowerCount",
                EXISTS (SELECT 1 FROM "ArtistFollowers" AS "f" WHERE "f"."ArtistId" = "a"."Id" AND "f"."UserId" = $viewer),
                "a"."SearchName", "a"."CreatedAt", "a"."UpdatedAt"
            """;
        var fromIndex = false;
        if (search is { CanUseIndex: true } && skip + ArtistListRequest.PageSize + 1 <= ArtistSearch.ProbeBudget)
        {
            // As the app does: the walk bounded to the probe's budget first; a full page and one row more is the page.
            command.CommandText = $"""
                {Columns}
                FROM (SELECT * FROM "Artists" AS "w" ORDER BY {string.Format(orderBy, "w")} LIMIT $budget) AS "a"
                WHERE instr("a"."SearchName", $search) > 0
                ORDER BY {string.Format(orderBy, "a")}
                LIMIT $take OFFSET $skip
                """;
            command.Parameters.AddWithValue("$viewer", viewer);
            command.Parameters.AddWithValue("$search", search.Term);
            command.Parameters.AddWithValue("$budget", ArtistSearch.ProbeBudget);
            command.Parameters.AddWithValue("$take", ArtistListRequest.PageSize + 1);
            command.Parameters.AddWithValue("$skip", skip);
            var probed = await ReadCardsAsync(command);
            command.Parameters.Clear();
            if (probed.Count == ArtistListRequest.PageSize + 1)
            {
                await snapshot.CommitAsync();
                return probed;
            }
        }

        if (search is { CanUseIndex: true })
        {
            command.CommandText = """
                SELECT (SELECT COUNT(*) FROM (SELECT 1 FROM "ArtistSearch" WHERE "ArtistSearch" MATCH $match LIMIT $limit)),
                       (SELECT COALESCE(MAX(rowid), 0) FROM "Artists")
                """;
            command.Parameters.AddWithValue("$match", search.IndexQuery);
            command.Parameters.AddWithValue("$limit", ArtistSearch.IndexedLookupLimit + 1);
            await using (var estimate = await command.ExecuteReaderAsync())
            {
                await estimate.ReadAsync();
                fromIndex = search.PrefersIndex(estimate.GetInt32(0), estimate.GetInt64(1), skip);
            }
        }

        command.CommandText = fromIndex
            ? $"""
                {Columns}
                FROM "Artists" AS "a"
                WHERE "a"."Id" IN (
                    SELECT "m"."Id" FROM "Artists" AS "m"
                    WHERE "m".rowid IN (SELECT rowid FROM "ArtistSearch" WHERE "ArtistSearch" MATCH $match) AND instr("m"."SearchName", $search) > 0
                    ORDER BY {string.Format(orderBy, "m")}
                    LIMIT $take OFFSET $skip)
                ORDER BY {string.Format(orderBy, "a")}
                """
            : $"""
                {Columns}
                FROM "Artists" AS "a"
                {(search is null ? "" : "WHERE instr(\"a\".\"SearchName\", $search) > 0")}
                ORDER BY {string.Format(orderBy, "a")}
                LIMIT $take OFFSET $skip
                """;
        command.Parameters.Clear();
        if (search is not null)
        {
            command.Parameters.AddWithValue("$search", search.Term);
        }

        if (fromIndex)
        {
            command.Parameters.AddWithValue("$match", search!.IndexQuery);
        }

        command.Parameters.AddWithValue("$viewer", viewer);
        command.Parameters.AddWithValue("$take", ArtistListRequest.PageSize + 1);
        command.Parameters.AddWithValue("$skip", skip);
        var cards = await ReadCardsAsync(command);
        await snapshot.CommitAsync();
        return cards;
    }

    private static async Task<List<ArtistCard>> ReadCardsAsync(SqliteCommand command)
    {
        var cards = new List<ArtistCard>(ArtistListRequest.PageSize + 1);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var latest = reader.GetInt32(4);
            cards.Add(new ArtistCard(
                reader.GetGuid(0),
                reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.GetInt32(3),
                latest == 0 ? null : latest,
                reader.GetInt32(5),
                reader.GetBoolean(6)));
            // Where the row stands in each order, which the app reads too (for the pager's next and previous page).
            _ = new ArtistListEdge(reader.GetGuid(0), reader.GetString(7), reader.GetDateTime(8), reader.GetDateTime(9), reader.GetInt32(3), latest, reader.GetInt32(5));
        }

        return cards;
    }

    private static async Task<(Guid Viewer, int Albums, int Follows)> SeedAsync(BenchHost host, int artistCount)
    {
        const int userCount = 2_000;
        var random = new Random(20261121);
        var users = Seeder.NewIds(userCount);
        var artists = new List<SeedArtist>(artistCount);
        var albums = new List<SeedAlbum>(artistCount * 3);
        var follows = new List<(Guid ArtistId, Guid UserId)>();
        for (var i = 0; i < artistCount; i++)
        {
            var id = Guid.CreateVersion7();
            var name = $"{Adjectives[random.Next(Adjectives.Length)]} {Nouns[random.Next(Nouns.Length)]} {i}";
            var created = Seeder.Epoch.AddMinutes(i);
            var updated = Seeder.Epoch.AddMinutes(random.Next(artistCount * 2));
            var ownAlbums = new List<SeedAlbum>();
            for (var k = 0; k < i % 7; k++)
            {
                var cover = random.Next(3) == 0 ? null : $"/images/covers/{random.Next(1000)}.jpg";
                ownAlbums.Add(new SeedAlbum(Guid.CreateVersion7(), id, $"Album {k + 1}", 1951 + random.Next(75), cover, created.AddSeconds(k + 1)));
            }

            var followers = i % 13 == 0 ? i % 40 : i % 3;
            for (var j = 0; j < followers; j++)
            {
                follows.Add((id, users[(i * 7 + j * 131) % userCount]));
            }

            // The figures exactly as ArtistStats computes them.
            var latestCover = ownAlbums.Where(a => a.Cover != null).OrderByDescending(a => a.Year).ThenByDescending(a => a.CreatedAt).FirstOrDefault();
            artists.Add(new SeedArtist(id, name, ownAlbums.Count, ownAlbums.Count == 0 ? 0 : ownAlbums.Max(a => a.Year), latestCover?.Cover, followers, created, updated));
            albums.AddRange(ownAlbums);
        }

        await using var connection = await host.OpenRawAsync();
        await Seeder.UsersAsync(connection, users);
        await Sql.BulkInsertAsync(connection, """
            INSERT INTO "Artists" ("Id", "Name", "SearchName", "PreviousNames", "AlbumCount", "LatestAlbumYear", "CoverImageUrl", "FollowerCount", "CreatedAt", "UpdatedAt")
            VALUES ($id, $name, $search, '[]', $albums, $latest, $cover, $followers, $created, $updated)
            """,
            ["$id", "$name", "$search", "$albums", "$latest", "$cover", "$followers", "$created", "$updated"],
            artists,
            (a, p) =>
            {
                p[0].Value = Sql.Guid(a.Id);
                p[1].Value = a.Name;
                p[2].Value = a.Name.ToLowerInvariant();
                p[3].Value = a.AlbumCount;
                p[4].Value = a.LatestYear;
                p[5].Value = (object?)a.Cover ?? DBNull.Value;
                p[6].Value = a.Followers;
                p[7].Value = Sql.Date(a.CreatedAt);
                p[8].Value = Sql.Date(a.UpdatedAt);
            });
        await Sql.BulkInsertAsync(connection, """
            INSERT INTO "Albums" ("Id", "ArtistId", "Name", "YearReleased", "CoverImageUrl", "CreatedAt", "UpdatedAt")
            VALUES ($id, $artist, $name, $year, $cover, $created, $created)
            """,
            ["$id", "$artist", "$name", "$year", "$cover", "$created"],
            albums,
            (a, p) =>
            {
                p[0].Value = Sql.Guid(a.Id);
                p[1].Value = Sql.Guid(a.ArtistId);
                p[2].Value = a.Name;
                p[3].Value = a.Year;
                p[4].Value = (object?)a.Cover ?? DBNull.Value;
                p[5].Value = Sql.Date(a.CreatedAt);
            });
        await Seeder.FollowersAsync(connection, follows);
        // No ANALYZE: the app never runs it, so the planner sees what it sees in production.
        await Sql.ExecuteAsync(connection, "PRAGMA wal_checkpoint(TRUNCATE);");
        return (users[0], albums.Count, follows.Count);
    }

    private sealed record SeedArtist(Guid Id, string Name, int AlbumCount, int LatestYear, string? Cover, int Followers, DateTime CreatedAt, DateTime UpdatedAt);

    private sealed record SeedAlbum(Guid Id, Guid ArtistId, string Name, int Year, string? Cover, DateTime CreatedAt);
}
