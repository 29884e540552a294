using System.Globalization;
using MicroCredentials.Data;
using MicroCredentials.Data.Issuance;

namespace MicroCredentials.Host.Staff.Find;

/// <summary>
/// The search form as read from the query string. Unreadable values are ignored (the form never sends them) rather than
/// answered with an error; text is cut to its bound.
/// </summary>
/// <param name="Text">What was typed: a name, an e-mail address, a short code, a handle or an id.</param>
/// <param name="Code">The micro-credential's code.</param>
/// <param name="From">The first issue day.</param>
/// <param name="To">The last issue day.</param>
/// <param name="State">The state.</param>
/// <param name="Page">The result page, from 1.</param>
public sealed record FindFilter(string? Text, string? Code, DateOnly? From, DateOnly? To, CredentialState? State, int Page)
{
    /// <summary>Reads the filter from the search page's query.</summary>
    public static FindFilter Read(IQueryCollection query)
    {
        var text = query["q"].ToString().Trim();
        var code = query["code"].ToString().Trim();
        return new FindFilter(
            text.Length == 0 ? null : text[..Math.Min(text.Length, CoreLimits.MaxSearchTextLength)],
            code.Length is 0 or > HostLimits.StaffNameMaxLength ? null : code,
            Date(query["from"].ToString()),
            Date(query["to"].ToString()),
            Enum.TryParse<CredentialState>(query["state"].ToString(), ignoreCase: true, out var state) && Enum.IsDefined(state) ? state : null,
            int.TryParse(query["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p is >= 1 and <= HostLimits.FindMaxPage ? p : 1);
    }

    /// <summary>Whether <see cref="Text"/> is an e-mail address (searched through the learners' lookup hash).</summary>
    public bool IsEmail => Text is { Length: <= CoreLimits.MaxEmailLength } t && t.Contains('@', StringComparison.Ordinal);

    /// <summary>The store's search for this filter.</summary>
    public CredentialSearch Search(IssuanceService issuance) => new()
    {
        Text = IsEmail ? null : Text,
        EmailHash = IsEmail ? issuance.EmailLookupHash(Text!) : null,
        Code = Code,
        IssuedFrom = From is { } f ? new DateTimeOffset(f.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null,
        IssuedBefore = To is { } t ? new DateTimeOffset(t.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null,
        State = State,
    };

    /// <summary>The filter as a query string for the pager (without the page), e.g. <c>q=jan&amp;state=valid</c>.</summary>
    public string QueryWithoutPage()
    {
        var parts = new List<string>();
        Add("q", Text);
        Add("code", Code);
        Add("from", From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("to", To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("state", State?.ToString().ToLowerInvariant());
        return string.Join('&', parts);

        void Add(string key, string? value)
        {
            if (value is not null)
            {
                parts.Add(key + "=" + Uri.EscapeDataString(value));
            }
        }
    }

    private static DateOnly? Date(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && d.Year is >= 1 and < 9999 ? d : null;
}
