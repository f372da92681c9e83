namespace MusicBlazor.Accounts;

/// <summary>Every account has exactly one of these roles; new accounts are <see cref="User"/>.</summary>
public static class Roles
{
    public const string Admin = "Admin";
    public const string Editor = "Editor";
    public const string User = "User";

    public static IReadOnlyList<string> All { get; } = [Admin, Editor, User];

    /// <summary>The role that counts when an account holds several: Admin over Editor over User.</summary>
    public static string Highest(Func<string, bool> holds) => holds(Admin) ? Admin : holds(Editor) ? Editor : User;
}
