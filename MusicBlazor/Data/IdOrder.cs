using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;

namespace MusicBlazor.Data;

/// <summary>
/// Ids compared in queries, as the database orders them (the same order as <c>ORDER BY</c> the id). C# has no
/// <c>&lt;</c> for <see cref="Guid"/>, and EF translates <c>CompareTo</c> only for the types it knows, so these map
/// straight to the SQL operators.
/// </summary>
public static class IdOrder
{
    public static bool Before(Guid id, Guid other) => throw new InvalidOperationException($"{nameof(IdOrder)} works only inside a database query.");

    public static bool After(Guid id, Guid other) => throw new InvalidOperationException($"{nameof(IdOrder)} works only inside a database query.");

    internal static void Map(ModelBuilder builder)
    {
        Map(builder, nameof(Before), ExpressionType.LessThan);
        Map(builder, nameof(After), ExpressionType.GreaterThan);
    }

    private static void Map(ModelBuilder builder, string method, ExpressionType comparison) =>
        builder.HasDbFunction(typeof(IdOrder).GetMethod(method)!)
            .HasTranslation(arguments => new SqlBinaryExpression(comparison, arguments[0], arguments[1], typeof(bool), null));
}
