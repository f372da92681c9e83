using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using MusicBlazor.Accounts;
using MusicBlazor.Notifications.Email;
using MusicBlazor.Tests.Infrastructure;

namespace MusicBlazor.Tests.Accounts;

/// <summary>The account page that sets how a user hears about new albums, and the e-mails' unsubscribe link, over HTTP.</summary>
public sealed partial class AlbumEmailPagesTests(AccountPagesApp app) : IClassFixture<AccountPagesApp>
{
    private const string ManagePage = "/Account/Manage/AlbumEmails";

    private UnsubscribeTokens Tokens => app.Services.GetRequiredService<UnsubscribeTokens>();

    private async Task<ApplicationUser> AccountAsync(AlbumEmailChoice choice)
    {
        var email = await app.CreateAccountAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        user.AlbumEmails = choice;
        (await users.UpdateAsync(user)).ThrowIfFailed();
        return user;
    }

    private async Task<AlbumEmailChoice> ChoiceOfAsync(ApplicationUser user)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByIdAsync(user.Id.ToString()))!.AlbumEmails;
    }

    /// <summary>The one radio button of the group that is checked.</summary>
    private static AlbumEmailChoice CheckedChoice(string page) =>
        Enum.Parse<AlbumEmailChoice>(Assert.Single(CheckedRadio().Matches(page)).Groups["value"].Value);

    [GeneratedRegex("<input [^>]*type=\"radio\" name=\"Input.Choice\" value=\"(?<value>[A-Za-z]+)\"[^>]* checked[ =>]")]
    private static partial Regex CheckedRadio();

    [Fact]
    public async Task TheAccountPageSavesTheChoice()
    {
        var user = await AccountAsync(AlbumEmailChoice.Never);
        using var browser = app.NewClient();
        using (await browser.LogInAsync(user.Email!, AccountPagesApp.Password))
        {
        }

        Assert.Equal(AlbumEmailChoice.Never, CheckedChoice(await browser.GetPageAsync(ManagePage)));
        using var saved = await browser.PostFormAsync(ManagePage, "album-emails", new Dictionary<string, string> { ["Input.Choice"] = nameof(AlbumEmailChoice.DailyDigest) });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(AlbumEmailChoice.DailyDigest, await ChoiceOfAsync(user));
        var page = await browser.GetPageAsync(ManagePage);
        Assert.Contains("Your choice is saved.", page);
        Assert.Equal(AlbumEmailChoice.DailyDigest, CheckedChoice(page));
        Assert.Contains("<legend class=\"field-label\">When an artist you follow has a new album, e-mail me</legend>", page);
    }

    [Fact]
    public async Task TheAccountPageIsRefusedToASignedOutVisitor()
    {
        using var browser = app.NewClient();

        using var response = await browser.GetAsync(ManagePage);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task TheUnsubscribeLinkWorksWithoutSigningInAndOnlyItsButtonUnsubscribes()
    {
        var user = await AccountAsync(AlbumEmailChoice.AtOnce);
        var link = $"/unsubscribe?token={Uri.EscapeDataString(Tokens.Create(user.Id))}";
        using var browser = app.NewClient();

        var question = await browser.GetPageAsync(link);
        Assert.Contains("Stop the e-mails about new albums", question);
        Assert.Contains(user.Email!, question);
        Assert.Equal(AlbumEmailChoice.AtOnce, await ChoiceOfAsync(user)); // a mail scanner's GET changes nothing

        using var response = await browser.PostFormAsync(link, "unsubscribe", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("gets no more e-mails about new albums", await response.Content.ReadAsStringAsync());
        Assert.Equal(AlbumEmailChoice.Never, await ChoiceOfAsync(user));
    }

    [Fact]
    public async Task AnExpiredOrTamperedUnsubscribeLinkIsRefused()
    {
        var user = await AccountAsync(AlbumEmailChoice.AtOnce);
        var expired = Tokens.Create(user.Id, DateTimeOffset.UtcNow.AddMinutes(-1));
        var valid = Tokens.Create(user.Id);
        var tampered = valid[..^3] + (valid[^3] == 'A' ? 'B' : 'A') + valid[^2..];
        using var browser = app.NewClient();

        foreach (var token in new[] { expired, tampered, "" })
        {
            var page = await browser.GetPageAsync($"/unsubscribe?token={Uri.EscapeDataString(token)}");
            Assert.Contains("This link has expired or is not valid; <a href=\"Account/Login", page);
            Assert.DoesNotContain("<form", page);
        }

        Assert.Null(Tokens.Read(expired));
        Assert.Null(Tokens.Read(tampered));
        Assert.Equal(user.Id, Tokens.Read(valid));
        Assert.Equal(AlbumEmailChoice.AtOnce, await ChoiceOfAsync(user));
    }
}
