using MusicBlazor.Components.Account;

namespace MusicBlazor.Tests.Accounts;

public sealed class AccountCodeTests
{
    [Fact]
    public void ACodeFromAnEmailDecodes() => Assert.Equal("CfDJ8+/=", AccountCode.Decode("Q2ZESjgrLz0"));

    [Theory]
    [InlineData(null)]
    [InlineData("%%%")]
    [InlineData("a")]
    [InlineData("not base64!")]
    public void AMangledCodeIsNull(string? code) => Assert.Null(AccountCode.Decode(code));
}
