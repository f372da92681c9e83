using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace MusicBlazor.Components.Account;

/// <summary>
/// The codes that e-mailed links carry (confirm the e-mail, change it, reset the password), Base64Url-encoded. A
/// mangled link decodes to null, which the pages treat as an invalid code rather than failing with an error page.
/// </summary>
internal static class AccountCode
{
    public static string? Decode(string? code)
    {
        if (code is null)
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
