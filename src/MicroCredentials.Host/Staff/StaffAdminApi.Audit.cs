using System.Globalization;
using System.Text;
using MicroCredentials.Catalog;
using MicroCredentials.Data;
using MicroCredentials.Host.Components.Staff.Admin;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MicroCredentials.Host.Staff;

internal static partial class StaffAdminApi
{
    private static readonly string[] AuditHeader = ["at", "actor", "action", "credential", "detail"];

    private sealed record AuditFilter(string? Who, AuditAction? Action, DateOnly? From, DateOnly? To)
    {
        public AuditQuery Query => new()
        {
            Actor = Who,
            Action = Action,
            From = From is { } f ? new DateTimeOffset(f.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null,
            Until = To is { } t ? new DateTimeOffset(t.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null,
        };

        public string QueryString()
        {
            var parts = new List<string>();
            if (Who is not null)
            {
                parts.Add("who=" + Uri.EscapeDataString(Who));
            }

            if (Action is { } a)
            {
                parts.Add("action=" + a);
            }

            if (From is { } f)
            {
                parts.Add("from=" + f.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            }

            if (To is { } t)
            {
                parts.Add("to=" + t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            }

            return parts.Count == 0 ? string.Empty : "?" + string.Join('&', parts);
        }

        // Unreadable filters are ignored (a filter form never sends them), not answered with an error page.
        public static AuditFilter Read(HttpRequest request)
        {
            var q = request.Query;
            var who = q["who"].ToString().Trim();
            return new AuditFilter(
                who.Length == 0 ? null : Bounded(who),
                Enum.TryParse<AuditAction>(q["action"].ToString(), ignoreCase: false, out var action) && Enum.IsDefined(action) ? action : null,
                Date(q["from"].ToString()),
                Date(q["to"].ToString()));
        }

        private static DateOnly? Date(string text) =>
            DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
    }

    private static async Task<RazorComponentResult<AuditPage>> AuditPageAsync(HttpRequest request, CredentialStore store, CancellationToken ct)
    {
        var filter = AuditFilter.Read(request);
        var page = int.TryParse(request.Query["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p is >= 1 and <= 10_000 ? p : 1;
        var entries = await store.FilterAuditAsync(filter.Query, (page - 1) * HostLimits.AuditPageSize, HostLimits.AuditPageSize + 1, ct);
        return new RazorComponentResult<AuditPage>(new Dictionary<string, object?>
        {
            [nameof(AuditPage.Entries)] = entries.Take(HostLimits.AuditPageSize).ToList(),
            [nameof(AuditPage.HasMore)] = entries.Count > HostLimits.AuditPageSize,
            [nameof(AuditPage.Page)] = page,
            [nameof(AuditPage.Who)] = filter.Who,
            [nameof(AuditPage.Action)] = filter.Action,
            [nameof(AuditPage.From)] = filter.From,
            [nameof(AuditPage.To)] = filter.To,
            [nameof(AuditPage.Query)] = filter.QueryString(),
        });
    }

    // UTF-8 with BOM (Excel reads the accents), ';'-separated, every cell formula-safe (CsvWriter); at most AuditExportMaxRows.
    private static async Task AuditCsvAsync(HttpContext http, CredentialStore store, CancellationToken ct)
    {
        var filter = AuditFilter.Read(http.Request);
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = "attachment; filename=\"audit-log.csv\"";
        await using var writer = new StreamWriter(http.Response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        await writer.WriteAsync(CsvWriter.Document(AuditHeader, []));
        const int Batch = 1000;
        for (var skip = 0; skip < HostLimits.AuditExportMaxRows; skip += Batch)
        {
            var entries = await store.FilterAuditAsync(filter.Query, skip, Math.Min(Batch, HostLimits.AuditExportMaxRows - skip), ct);
            foreach (var e in entries)
            {
                string?[] cells = [e.At.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), e.Actor, e.Action.ToString(), e.CredentialId, e.Detail];
                await writer.WriteAsync(string.Join(CsvWriter.Separator, cells.Select(CsvWriter.Cell)) + "\n");
            }

            if (entries.Count < Batch)
            {
                break;
            }
        }
    }
}
