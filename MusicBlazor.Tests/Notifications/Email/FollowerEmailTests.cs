using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MusicBlazor.Accounts.Email;
using MusicBlazor.Accounts;
using MusicBlazor.Notifications.Email;
using MusicBlazor.Tests.Infrastructure;
using MusicBlazor.Tests.Infrastructure.Providers;

namespace MusicBlazor.Tests.Notifications.Email;

/// <summary>The follower e-mails on both providers: who gets which e-mail, the digest, and never twice.</summary>
public sealed class FollowerEmailTests : IAsyncLifetime
{
    private FollowerEmailsApp _mail = null!;
    private Actor _admin = null!;
    private Actor _editor = null!;

    private TestApp App => _mail.App;

    public async Task InitializeAsync()
    {
        _mail = await FollowerEmailsApp.StartAsync();
        _admin = await App.CreateUserAsync(Roles.Admin);
        _editor = await App.CreateUserAsync(Roles.Editor);
        await _mail.SetChoiceAsync(_editor, AlbumEmailChoice.AtOnce);
    }

    public async Task DisposeAsync() => await _mail.DisposeAsync();

    [DatabaseFact]
    public async Task EachFollowerWhoChoseAtOnceGetsOneEMailAndNoOneElseDoes()
    {
        var artist = await App.CreateArtistAsync(_admin, "Coltrane Quartet");
        var other = await App.CreateArtistAsync(_admin, "Someone Else");
        var atOnce = await _mail.FollowerAsync(AlbumEmailChoice.AtOnce, artist);
        var alsoAtOnce = await _mail.FollowerAsync(AlbumEmailChoice.AtOnce, artist);
        var digest = await _mail.FollowerAsync(AlbumEmailChoice.DailyDigest, artist);
        var never = await _mail.FollowerAsync(AlbumEmailChoice.Never, artist);
        var notFollowing = await _mail.FollowerAsync(AlbumEmailChoice.AtOnce, other);
        await App.FollowAsync(_editor, artist); // the album's creator, who wants e-mails at once
        await _mail.StartSubscribersAsync();

        var album = await App.CreateAlbumAsync(_editor, artist, "Blue & Train", 1957);
        await _mail.UntilHandledAsync();

        foreach (var follower in new[] { atOnce, alsoAtOnce })
        {
            var mail = Assert.Single(_mail.MailTo(follower));
            Assert.Equal("New album from Coltrane Quartet: Blue & Train (1957)", mail.Subject);
            Assert.Contains($"<a href=\"{FollowerEmailsApp.BaseUrl}artists/{artist}#album-{album}\">Blue &amp; Train</a>", mail.HtmlBody);
            Assert.Contains($"{FollowerEmailsApp.BaseUrl}unsubscribe?token=", mail.HtmlBody);
        }

        Assert.Empty(_mail.MailTo(digest));
        Assert.Empty(_mail.MailTo(never));
        Assert.Empty(_mail.MailTo(notFollowing));
        Assert.Empty(_mail.MailTo(_editor));
        var pending = Assert.Single(await _mail.RowsAsync(), r => r.InDigest);
        Assert.Equal((digest.UserId, album, (DateTime?)null), ((Guid?)pending.UserId, pending.AlbumId, pending.ClaimedAt));
    }

    [DatabaseFact]
    public async Task ADigestGroupsTheDaysAlbumsIntoOneEMailSentOnceAtTheDigestHour()
    {
        var first = await App.CreateArtistAsync(_admin, "First Artist");
        var second = await App.CreateArtistAsync(_admin, "Second Artist");
        var reader = await _mail.FollowerAsync(AlbumEmailChoice.DailyDigest, first, second);
        await _mail.StartSubscribersAsync();
        var one = await App.CreateAlbumAsync(_editor, first, "Morning Album", 2001);
        var two = await App.CreateAlbumAsync(_editor, second, "Evening Album", 2002);
        await _mail.UntilHandledAsync();

        // Saved at 12:00 UTC: not in the digest of 07:00 that day, but in the next day's.
        var now = App.Clock.GetUtcNow();
        Assert.Equal(0, await _mail.Digests.SendDueAsync(now.AddHours(1)));
        Assert.Empty(_mail.MailTo(reader));
        var digestHour = now.Date.AddDays(1).AddHours(7);
        var sent = await Task.WhenAll(_mail.Digests.SendDueAsync(digestHour), _mail.Digests.SendDueAsync(digestHour)); // two servers at once
        Assert.Equal(1, sent.Sum());
        Assert.Equal(0, await _mail.Digests.SendDueAsync(digestHour.AddHours(1)));

        var digest = Assert.Single(_mail.MailTo(reader));
        Assert.Equal("2 new albums from artists you follow", digest.Subject);
        Assert.Contains($"artists/{first}#album-{one}\">Morning Album</a> (2001) by First Artist", digest.HtmlBody);
        Assert.Contains($"artists/{second}#album-{two}\">Evening Album</a> (2002) by Second Artist", digest.HtmlBody);
        Assert.Contains("unsubscribe?token=", digest.HtmlBody);
        Assert.All(await _mail.RowsAsync(), r => Assert.NotNull(r.SentAt));
    }

    [DatabaseFact]
    public async Task AReplayOfTheChangesSendsNothingTwice()
    {
        var artist = await App.CreateArtistAsync(_admin, "Replayed Artist");
        var atOnce = await _mail.FollowerAsync(AlbumEmailChoice.AtOnce, artist);
        var digest = await _mail.FollowerAsync(AlbumEmailChoice.DailyDigest, artist);
        await _mail.StartSubscribersAsync();
        var start = await App.LogHeadAsync();
        await App.CreateAlbumAsync(_editor, artist, "Heard Once");
        await _mail.UntilHandledAsync();
        Assert.Single(_mail.MailTo(atOnce));
        Assert.Equal(1, await _mail.Digests.SendDueAsync(App.Clock.GetUtcNow().AddDays(1)));

        await _mail.ReplayAfterAsync(start);

        Assert.Single(_mail.MailTo(atOnce));
        Assert.Equal(0, await _mail.Digests.SendDueAsync(App.Clock.GetUtcNow().AddDays(2)));
        Assert.Single(_mail.MailTo(digest));
        Assert.Equal(2, (await _mail.RowsAsync()).Count);
    }

    [DatabaseFact]
    public async Task AHostStoppedAfterTheCommitAndBeforeTheSubscribersRanSendsTheEMailAfterRestartExactlyOnce()
    {
        var artist = await App.CreateArtistAsync(_admin, "Patient Artist");
        var follower = await _mail.FollowerAsync(AlbumEmailChoice.AtOnce, artist);
        await _mail.StartSubscribersAsync();
        await App.StopSubscribersAsync();

        await App.CreateAlbumAsync(_editor, artist, "Saved While Stopped", 2024);
        await Task.Delay(300);
        Assert.Empty(_mail.MailTo(follower));

        await _mail.StartSubscribersAsync();
        await _mail.UntilHandledAsync();
        Assert.Equal("New album from Patient Artist: Saved While Stopped (2024)", Assert.Single(_mail.MailTo(follower)).Subject);

        // And a second restart, handed nothing new, sends nothing more.
        await App.StopSubscribersAsync();
        await _mail.StartSubscribersAsync();
        await Task.Delay(300);
        Assert.Single(_mail.MailTo(follower));
    }

    [DatabaseFact]
    public async Task NoMailGoesToWhoUnfollowedOrWasDeletedSinceNorAboutAnAlbumDeletedSince()
    {
        var artist = await App.CreateArtistAsync(_admin, "Changing Artist");
        var unfollows = await _mail.FollowerAsync(AlbumEmailChoice.AtOnce, artist);
        var deleted = await _mail.FollowerAsync(AlbumEmailChoice.AtOnce, artist);
        var stays = await _mail.FollowerAsync(AlbumEmailChoice.AtOnce, artist);
        await _mail.StartSubscribersAsync();
        await App.StopSubscribersAsync();

        await App.CreateAlbumAsync(_editor, artist, "Kept Album");
        var gone = await App.CreateAlbumAsync(_editor, artist, "Deleted Album");
        await App.As<MusicBlazor.Catalog.FollowService>(unfollows).UnfollowAsync(artist);
        await using (var db = await App.OpenDbAsync())
        {
            await db.Users.Where(u => u.Id == deleted.UserId).ExecuteDeleteAsync();
        }

        await App.As<MusicBlazor.Catalog.AlbumService>(_editor).DeleteAsync(gone);
        await _mail.StartSubscribersAsync();
        await _mail.UntilHandledAsync();

        Assert.Equal(["New album from Changing Artist: Kept Album (2000)"], _mail.MailTo(stays).Select(m => m.Subject));
        Assert.Empty(_mail.MailTo(unfollows));
        Assert.Empty(_mail.MailTo(deleted));
    }

    [DatabaseFact]
    public async Task AFailedSendReleasesItsClaimAndTheRetrySendsTheEMailOnce()
    {
        FailingDelivery? delivery = null;
        await using var mail = await FollowerEmailsApp.StartAsync(services => services.AddSingleton<IMailDelivery>(
            provider => delivery = new FailingDelivery(provider.GetRequiredService<DevelopmentMailbox>(), failures: 2)));
        var app = mail.App;
        var artist = await app.CreateArtistAsync(await app.CreateUserAsync(Roles.Admin), "Flaky Artist");
        var follower = await mail.FollowerAsync(AlbumEmailChoice.AtOnce, artist);
        await mail.StartSubscribersAsync();

        await app.CreateAlbumAsync(await app.CreateUserAsync(Roles.Editor), artist, "Third Time Lucky");
        await mail.UntilHandledAsync();

        Assert.Equal(3, delivery!.Attempts);
        Assert.Single(mail.MailTo(follower));
        Assert.NotNull(Assert.Single(await mail.RowsAsync()).SentAt);
        await using var db = await app.OpenDbAsync();
        Assert.Empty(await db.DeadLetters.ToListAsync());
    }
}
