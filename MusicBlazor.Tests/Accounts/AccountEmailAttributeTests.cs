using System.ComponentModel.DataAnnotations;
using MusicBlazor.Accounts;

namespace MusicBlazor.Tests.Accounts;

public sealed class AccountEmailAttributeTests
{
    [Theory]
    [InlineData("name@example.com")]
    [InlineData("first.last+tag@mail.example.co.uk")]
    [InlineData("user@musicblazor.test")]
    [InlineData("o'brien@example.ie")]
    public void AFullAddressIsAccepted(string email) => Assert.Empty(Validate(email));

    [Theory]
    [InlineData("a@b")]
    [InlineData("name@localhost")]
    [InlineData("name@example.")]
    [InlineData("name@.example.com")]
    [InlineData("name@example..com")]
    [InlineData("name@example.c")]
    [InlineData("name")]
    [InlineData("@example.com")]
    [InlineData("name@")]
    [InlineData("Name <name@example.com>")]
    [InlineData("name@example.com, other@example.com")]
    [InlineData(" name@example.com")]
    public void AnythingElseIsRefusedWithAMessageNamingTheField(string email)
    {
        var error = Assert.Single(Validate(email));

        Assert.Equal("Email must be a full e-mail address, such as name@example.com.", error.ErrorMessage);
        Assert.Equal([nameof(Form.Email)], error.MemberNames);
    }

    [Fact]
    public void AnAddressLongerThanTheEmailColumnIsRefused() =>
        Assert.Single(Validate(new string('a', 250) + "@example.com"));

    [Fact]
    public void AnEmptyFieldIsLeftToRequired()
    {
        var error = Assert.Single(Validate(""));

        Assert.Equal("The Email field is required.", error.ErrorMessage);
    }

    private static List<ValidationResult> Validate(string email)
    {
        var form = new Form { Email = email };
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(form, new ValidationContext(form), results, validateAllProperties: true);
        return results;
    }

    private sealed class Form
    {
        [Required]
        [AccountEmail]
        public string Email { get; set; } = "";
    }
}
