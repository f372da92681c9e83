using MusicBlazor.Accounts;
using MusicBlazor.Benchmarks.Harness;
using MusicBlazor.Catalog;
using MusicBlazor.Data.Providers;
using MusicBlazor.Notifications.Email;

namespace MusicBlazor.Benchmarks.Scenarios;

/// <summary>
/// 13. The background subscribers (audit trail, activity feed, follower e-mails) and the writer: AlbumService.CreateAsync
/// on a host where the three run against one where none is registered, interleaved; then bursts of albums committed as
/// fast as one editor goes, with the subscribers running and with them stopped until the burst's end: each one's
/// events per second and its lag (sequences behind the head, and time) when the last album committed. On SQLite, and
/// in the full run also on PostgreSQL when a server answers.
/// </summary>
internal sealed class BackgroundSubscribers : IScenario
{
    private const int Followers = 100;
    private const int AtOnce = 10;
    private const int InDigest = 10;

    public string Key => "subscribers";
    public string Title => "13. Background subscribers";

    public async Task RunAsync(BenchOptions options, Report report)
    {
        await RunOnAsync(DatabaseProvider.Sqlite, Title, options, report);
        // PostgreSQL only in the full run: the quick one stays within its minute.
        var postgres = Title + " (PostgreSQL)";
        if (!options.Quick && PgSql.AvailableOrNotRun(report, postgres, Followers, $"F={Followers}"))
        {
            await RunOnAsync(DatabaseProvider.Postgres, postgres, options, report);
        }
    }

    private static Task<BenchHost> StartAsync(DatabaseProvider provider, string name, Action<IServiceCollection>? register = null) =>
        provider == DatabaseProvider.Postgres ? BenchHost.StartPostgresAsync(name, register: register) : BenchHost.StartAsync(name, register);

    private async Task RunOnAsync(DatabaseProvider provider, string title, BenchOptions options, Report report)
    {
        var (warmup, repetitions, burst) = options.Quick ? (2, 10, 100) : (5, 40, 1_000);
        var (perRound, rounds) = options.Quick ? (10, 3) : (50, 8);
        Console.WriteLine($"  on {provider}");
        await using var withHost = await StartAsync(provider, "subscribers", RunningSubscribers.Register);
        await using var withoutHost = await StartAsync(provider, "no-subscribers");
        var editor = Guid.CreateVersion7();
        var withArtist = await SeedAsync(withHost, editor);
        var withoutArtist = await SeedAsync(withoutHost, editor);
        var subscribers = new RunningSubscribers(withHost);
        await subscribers.StartAsync();

        await using var withCircuit = withHost.OpenCircuit(editor, Roles.Editor);
        await using var withoutCircuit = withoutHost.OpenCircuit(editor, Roles.Editor);
        var withAlbums = withCircuit.Get<AlbumService>();
        var withoutAlbums = withoutCircuit.Get<AlbumService>();
        var catchUp = new List<double>();
        Console.WriteLine($"  writer: {warmup} warm-up + {repetitions} measured repetitions of with/without");
        var samples = await Timing.InterleavedAsync(
        [
            new Variant("with", rep => withAlbums.CreateAsync(withArtist, Album($"With {rep}")), Cleanup: async rep =>
            {
                var written = System.Diagnostics.Stopwatch.GetTimestamp();
                var reached = await subscribers.ReachedAsync(await subscribers.HeadAsync(), TimeSpan.FromSeconds(60));
                if (rep >= warmup)
                {
                    catchUp.Add(Timing.ElapsedMs(written, reached.Values.Max()));
                }

                await withHost.PublishClock.WaitForBusIdleAsync(TimeSpan.FromSeconds(60));
            }),
            new Variant("without", rep => withoutAlbums.CreateAsync(withoutArtist, Album($"Without {rep}")),
                Cleanup: _ => withoutHost.PublishClock.WaitForBusIdleAsync(TimeSpan.FromSeconds(60))),
        ], warmup, repetitions, collectBetweenRuns: true);
        SubscriberFigures.AddWriter(report, new ResultRow { Scenario = title, Case = "writer", Size = Followers, SizeLabel = $"F={Followers}" }
            .Show("Followers", $"{Followers} ({AtOnce} e-mail at once, {InDigest} digest)"), samples, catchUp, options.Quick);

        Console.WriteLine($"  sustained: 1 warm-up + {rounds} rounds of {perRound} albums back to back, subscribers running/stopped");
        var sustained = await SustainedWrites.CompareAsync(subscribers, perRound, 1, rounds, name => withAlbums.CreateAsync(withArtist, Album(name)));
        SubscriberFigures.AddSustained(title + ": sustained writes", report, sustained, perRound);

        var bursts = new List<SubscriberBurst>();
        foreach (var running in new[] { true, false })
        {
            Console.WriteLine($"  burst of {burst:N0} albums, subscribers {(running ? "running" : "stopped until its end")}");
            bursts.Add(await SubscriberBurst.RunAsync(subscribers, burst, running,
                i => withAlbums.CreateAsync(withArtist, Album($"Burst {(running ? "running" : "stopped")} {i}"))));
        }

        SubscriberFigures.AddBursts(title + ": burst", report, bursts);
    }

    private static AlbumInput Album(string name) => new() { Name = name, YearReleased = 2024 };

    /// <summary>
    /// The editor and an artist with <see cref="Followers"/> followers, <see cref="AtOnce"/> of whom want an e-mail per
    /// album and <see cref="InDigest"/> a daily digest; returns the artist.
    /// </summary>
    private static async Task<Guid> SeedAsync(BenchHost host, Guid editor)
    {
        var artist = Guid.CreateVersion7();
        var users = Seeder.NewIds(Followers);
        var choices = users.Take(AtOnce + InDigest).Select((user, i) => (User: user, Choice: (int)(i < AtOnce ? AlbumEmailChoice.AtOnce : AlbumEmailChoice.DailyDigest)));
        const string Choose = """UPDATE "AspNetUsers" SET "AlbumEmails" = @choice WHERE "Id" = @id""";
        if (host.Provider == DatabaseProvider.Postgres)
        {
            await using var seed = await host.OpenPostgresAsync();
            await PostgresSeeder.UsersAsync(seed, [editor, .. users]);
            await PostgresSeeder.RoleAsync(seed, editor, Roles.Editor);
            await PostgresSeeder.ArtistAsync(seed, artist, "Subscribed artist", users);
            foreach (var (user, choice) in choices)
            {
                await PgSql.ExecuteAsync(seed, Choose, ("choice", choice), ("id", user));
            }

            await PgSql.ExecuteAsync(seed, "VACUUM ANALYZE");
        }
        else
        {
            await using var seed = await host.OpenRawAsync();
            await Seeder.UsersAsync(seed, [editor, .. users]);
            await Seeder.RoleAsync(seed, editor, Roles.Editor);
            await Seeder.ArtistAsync(seed, artist, "Subscribed artist", Followers);
            await Seeder.FollowersAsync(seed, users.Select(u => (artist, u)));
            foreach (var (user, choice) in choices)
            {
                await Sql.ExecuteAsync(seed, Choose, ("@choice", choice), ("@id", Sql.Guid(user)));
            }
        }

        await host.CatchUpAsync();
        return artist;
    }
}
