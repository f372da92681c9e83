namespace MusicBlazor.Accounts;

public sealed record UserSummary(Guid Id, string Email, string Role, bool IsLocked);
