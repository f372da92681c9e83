using System.IO.Compression;
using System.Net;
using System.Text.RegularExpressions;

namespace MusicBlazor.Tests.Hosting;

/// <summary>
/// What a browser downloads on a first visit: every script and stylesheet the page links is fingerprinted (outside
/// Development it is then cached for good) and goes out compressed, MudBlazor's included, and the Blazor client is
/// .NET 10's own. Served as users get them: from a build's (not a publish's) manifest ASP.NET Core re-sends any file
/// whose date differs from the manifest's, uncompressed inside gzip, for hot reload; packages' files always differ.
/// </summary>
public sealed partial class StaticAssetTests(ProductionApp app) : IClassFixture<ProductionApp>
{
    private readonly HttpClient _client = app.CreateClient();

    [Theory]
    [InlineData("_content/MudBlazor/MudBlazor.min", ".css")]
    [InlineData("_content/MudBlazor/MudBlazor.min", ".js")]
    [InlineData("_framework/blazor.web", ".js")]
    [InlineData("app", ".css")]
    [InlineData("MusicBlazor", ".styles.css")]
    public async Task LinkedAssetsAreFingerprintedAndSentCompressed(string name, string extension)
    {
        var href = await LinkedAssetAsync(name, extension);

        using var response = await GetCompressedAsync(href);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("gzip", Assert.Single(response.Content.Headers.ContentEncoding));
        Assert.Contains("immutable", response.Headers.CacheControl?.ToString());
        var sent = await response.Content.ReadAsByteArrayAsync();
        Assert.True(sent.Length < (await DecompressAsync(sent)).Length, $"{href}: {sent.Length:#,0} bytes sent, not smaller than the file");
    }

    [Fact]
    public async Task TheBlazorClientIsDotNet10sWhichCanResumeACircuit()
    {
        using var response = await GetCompressedAsync(await LinkedAssetAsync("_framework/blazor.web", ".js"));
        var script = System.Text.Encoding.UTF8.GetString(await DecompressAsync(await response.Content.ReadAsByteArrayAsync()));

        // The template's ReconnectModal.razor.js calls Blazor.resumeCircuit(), which .NET 9's client lacks.
        Assert.Contains("resumeCircuit", script);
    }

    /// <summary>The href the served page links for <paramref name="name"/>: name.{fingerprint}.extension.</summary>
    private async Task<string> LinkedAssetAsync(string name, string extension)
    {
        var page = await _client.GetStringAsync("/");
        var links = AssetLink().Matches(page).Select(m => m.Groups["href"].Value).ToList();
        var fingerprinted = new Regex("^" + Regex.Escape(name) + @"\.[a-z0-9]{10}" + Regex.Escape(extension) + "$");
        return Assert.Single(links, fingerprinted.IsMatch);
    }

    private static async Task<byte[]> DecompressAsync(byte[] gzipped)
    {
        await using var gzip = new GZipStream(new MemoryStream(gzipped), CompressionMode.Decompress);
        using var plain = new MemoryStream();
        await gzip.CopyToAsync(plain);
        return plain.ToArray();
    }

    private Task<HttpResponseMessage> GetCompressedAsync(string href)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, href);
        request.Headers.AcceptEncoding.ParseAdd("gzip");
        return _client.SendAsync(request);
    }

    [GeneratedRegex("(?:href|src)=\"(?<href>[^\"]+\\.(?:css|js))\"")]
    private static partial Regex AssetLink();
}
