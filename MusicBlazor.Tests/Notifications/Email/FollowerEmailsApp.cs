using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MusicBlazor.Accounts;
using MusicBlazor.Accounts.Email;
using MusicBlazor.Hosting;
using MusicBlazor.Notifications.Email;
using MusicBlazor.Subscribers;
using MusicBlazor.Tests.Infrastructure;

namespace MusicBlazor.Tests.Notifications.Email;

/// <summary>A <see cref="TestApp"/> with the follower e-mails registered, its mail in the development mailbox.</summary>
public sealed class FollowerEmailsApp(TestApp app) : IAsyncDisposable
{
    public const string BaseUrl = "https://music.example/";

    public TestApp App => app;
    public DevelopmentMailbox Mailbox => app.Services.GetRequiredService<DevelopmentMailbox>();
    public DigestSender Digests => app.Services.GetRequiredService<DigestSender>();
    public SubscriberStatus Status => app.Subscribers.Statuses.Single(s => s.Name == FollowerEmails.SubscriberName);

    /// <param name="configure">Registrations after the app's, e.g. a mail delivery that fails.</param>
    public static async Task<FollowerEmailsApp> StartAsync(Action<IServiceCollection>? configure = null) => new(await TestApp.StartAsync(configure: services =>
    {
        services.AddFollowerEmails();
        services.Configure<PublicUrlOptions>(o => o.PublicBaseUrl = BaseUrl);
        services.Configure<SubscriberOptions>(o => o.FirstRetry = TimeSpan.FromMilliseconds(20));
        configure?.Invoke(services);
    }));

    public IReadOnlyList<MailMessage> MailTo(Actor user) => Mailbox.Messages.Where(m => m.To == user.Name).ToList();

    /// <summary>A user who follows <paramref name="artists"/> and chose <paramref name="choice"/>.</summary>
    public async Task<Actor> FollowerAsync(AlbumEmailChoice choice, params Guid[] artists)
    {
        var user = await app.CreateUserAsync(Roles.User, choice.ToString());
        await SetChoiceAsync(user, choice);
        foreach (var artist in artists)
        {
            await app.FollowAsync(user, artist);
        }

        return user;
    }

    public async Task SetChoiceAsync(Actor user, AlbumEmailChoice choice)
    {
        await using var db = await app.OpenDbAsync();
        await db.Users.Where(u => u.Id == user.UserId).ExecuteUpdateAsync(s => s.SetProperty(u => u.AlbumEmails, choice));
    }

    public async Task StartSubscribersAsync()
    {
        await app.StartSubscribersAsync();
        await Eventually.TrueAsync(() => Status.State == SubscriberState.Running, "the follower e-mails run");
    }

    /// <summary>Waits until the subscriber has handled everything committed so far.</summary>
    public async Task UntilHandledAsync()
    {
        var head = await app.LogHeadAsync();
        await Eventually.TrueAsync(() => Status.Position >= head, "the follower e-mails handled every change");
    }

    /// <summary>A replay, as after a crash before the position was saved: the subscriber is handed every change after <paramref name="position"/> again.</summary>
    public async Task ReplayAfterAsync(long position)
    {
        await app.StopSubscribersAsync();
        await using (var db = await app.OpenDbAsync())
        {
            await db.SubscriberPositions.Where(p => p.Name == FollowerEmails.SubscriberName).ExecuteUpdateAsync(s => s.SetProperty(p => p.Position, position));
        }

        var handled = Status.Handled + (await app.LoggedAfterAsync(position)).Count(e => !e.Suppressed);
        var head = await app.LogHeadAsync();
        await StartSubscribersAsync();
        await Eventually.TrueAsync(() => Status.Handled >= handled && Status.Position >= head, "the follower e-mails handled the changes again");
    }

    public async Task<List<AlbumEmail>> RowsAsync()
    {
        await using var db = await app.OpenDbAsync();
        return await db.AlbumEmails.AsNoTracking().ToListAsync();
    }

    public ValueTask DisposeAsync() => app.DisposeAsync();
}
