namespace MusicBlazor.Accounts;

/// <summary>Every account has exactly one of these roles; new accounts are <see cref="User"/>.</summary>
public static class Roles
{
    public const string Admin = "Admin";
    public const string Editor = "Editor";
    public const string User = "User";

    public static IReadOnlyList<string> All { get; } = [Admin, Editor, User];
}
