using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MusicBlazor.Data;
using MusicBlazor.Tests.Infrastructure;
using MusicBlazor.Tests.Infrastructure.Providers;

namespace MusicBlazor.Tests.Notifications.CrossServer;

/// <summary>Data Protection keys live in the database, so what one server protects (a sign-in cookie) another reads.</summary>
public sealed class SharedKeysTests
{
    [PostgresFact]
    public async Task WhatServerAProtectsServerBUnprotectsWithTheKeyFromTheDatabase()
    {
        await using var a = await TestApp.StartFirstServerAsync();
        await using var b = await a.StartSecondServerAsync();
        Assert.IsType<EntityFrameworkCoreXmlRepository<MusicDbContext>>(
            b.Services.GetRequiredService<IOptions<KeyManagementOptions>>().Value.XmlRepository);

        var cookie = a.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("sign-in").Protect("ticket");

        Assert.Equal("ticket", b.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("sign-in").Unprotect(cookie));
        await using var db = await a.OpenDbAsync();
        Assert.Equal(1, await db.DataProtectionKeys.CountAsync());
    }
}
