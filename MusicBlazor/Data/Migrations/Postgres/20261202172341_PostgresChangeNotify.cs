using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MusicBlazor.Data.Migrations.Postgres
{
    /// <summary>
    /// Tells every server that LISTENs (<c>Data/ChangeLog/PostgresChangeListener.cs</c>) that a transaction wrote the
    /// change log: one <c>pg_notify</c> per transaction on channel <c>musicblazor_changes</c>, carrying the log's new
    /// head and nothing else. It is a deferred constraint trigger on the head counter, so it runs at commit, after the
    /// transaction's last log row, and PostgreSQL delivers the notification only if the commit succeeds, in commit
    /// order. The transaction-local flag keeps it to one call however many rows the transaction logged.
    /// </summary>
    public partial class PostgresChangeNotify : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION musicblazor_notify_head() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF current_setting('musicblazor.notified', true) = '1' THEN
                        RETURN NULL;
                    END IF;
                    PERFORM set_config('musicblazor.notified', '1', true);
                    PERFORM pg_notify('musicblazor_changes', (SELECT "Sequence" FROM "ChangeLogHead")::text);
                    RETURN NULL;
                END $$;
                """);
            migrationBuilder.Sql("""
                CREATE CONSTRAINT TRIGGER "ChangeLogHead_Notify" AFTER UPDATE ON "ChangeLogHead"
                    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION musicblazor_notify_head();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER "ChangeLogHead_Notify" ON "ChangeLogHead";""");
            migrationBuilder.Sql("DROP FUNCTION musicblazor_notify_head();");
        }
    }
}
