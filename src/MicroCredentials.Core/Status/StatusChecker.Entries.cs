using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MicroCredentials.Status;

public sealed partial class StatusChecker
{
    /// <summary>Reads one <c>credentialStatus</c> entry; either an entry or the result explaining why it cannot be checked.</summary>
    private static (StatusEntryReference? Entry, StatusCheckResult? Problem) ReadEntry(JsonNode? node)
    {
        if (node is not JsonObject entry)
        {
            return (null, Problem(StatusCheckOutcome.Invalid, StatusCheckReason.EntryMalformed, "status is invalid: a credentialStatus entry is not an object"));
        }

        var purpose = StatusListCredential.String(entry[StatusListTerms.StatusPurpose]);
        var listUrl = StatusListCredential.String(entry[StatusListTerms.StatusListCredential]);
        var indexText = entry[StatusListTerms.StatusListIndex] is JsonValue value && value.GetValueKind() == JsonValueKind.Number
            ? value.ToJsonString()
            : StatusListCredential.String(entry[StatusListTerms.StatusListIndex]);
        var partial = Problem(StatusCheckOutcome.Invalid, StatusCheckReason.EntryMalformed, "") with
        {
            StatusPurpose = purpose,
            StatusListCredential = listUrl,
            StatusListIndex = indexText,
        };

        var types = StatusListCredential.Strings(entry[StatusListTerms.Type]);
        if (!types.Contains(StatusListTerms.BitstringStatusListEntry))
        {
            return (null, partial with
            {
                Outcome = StatusCheckOutcome.Unknown,
                Reason = StatusCheckReason.UnsupportedStatusType,
                Detail = $"status could not be checked: status type '{string.Join(", ", types)}' is not supported",
            });
        }

        if (purpose is null || listUrl is null || indexText is null || !TryParseIndex(indexText, out var index))
        {
            return (null, partial with
            {
                Detail = "status is invalid: the entry needs statusPurpose, statusListCredential and a base-10 statusListIndex",
            });
        }

        if (entry[StatusListTerms.StatusSize] is { } size && size.ToJsonString() != "1")
        {
            return (null, partial with
            {
                Outcome = StatusCheckOutcome.Unknown,
                Reason = StatusCheckReason.UnsupportedStatusSize,
                Detail = $"status could not be checked: statusSize {size.ToJsonString()} is not supported",
            });
        }

        if (!StatusPurpose.IsSupported(purpose))
        {
            return (null, partial with
            {
                Outcome = StatusCheckOutcome.Unknown,
                Reason = StatusCheckReason.UnsupportedStatusPurpose,
                Detail = $"status could not be checked: status purpose '{purpose}' is not supported",
            });
        }

        return (new StatusEntryReference(purpose, listUrl, indexText, index), null);
    }

    /// <summary>A base-10 integer ≥ 0 (an "arbitrary size integer"; values past <see cref="long.MaxValue"/> saturate).</summary>
    private static bool TryParseIndex(string text, out long index)
    {
        index = 0;
        if (text.Length == 0 || !text.All(char.IsAsciiDigit))
        {
            return false;
        }

        // Any index too big for a long is out of range of every list; keep it as the largest value.
        index = long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : long.MaxValue;
        return true;
    }

    /// <summary>Reads the bit (§3.2 steps "status" and "result").</summary>
    private static StatusCheckResult Evaluate(StatusEntryReference entry, Bitstring list, DateTimeOffset? fetchedAt)
    {
        if (entry.Index >= list.Length)
        {
            return Describe(entry, StatusCheckOutcome.Invalid, StatusCheckReason.IndexOutOfRange,
                $"index {entry.IndexText} is outside the list of {list.Length} entries");
        }

        var set = list.Get((int)entry.Index);
        var outcome = !set ? StatusCheckOutcome.Valid
            : entry.Purpose == StatusPurpose.Suspension ? StatusCheckOutcome.Suspended
            : StatusCheckOutcome.Revoked;
        var sentence = (outcome, entry.Purpose) switch
        {
            (StatusCheckOutcome.Valid, StatusPurpose.Suspension) => "not suspended",
            (StatusCheckOutcome.Valid, _) => "not revoked",
            (StatusCheckOutcome.Suspended, _) => "suspended by the issuer",
            _ => "revoked by the issuer",
        };
        var when = fetchedAt is { } at ? $" (status list fetched at {Model.DateTimeZConverter.Print(at)})" : "";
        return Describe(entry, outcome, StatusCheckReason.None, sentence + when) with { ListFetchedAt = fetchedAt };
    }

    private static StatusCheckResult Describe(StatusEntryReference entry, StatusCheckOutcome outcome, StatusCheckReason reason, string detail) =>
        new()
        {
            Outcome = outcome,
            Reason = reason,
            StatusPurpose = entry.Purpose,
            StatusListCredential = entry.ListUrl,
            StatusListIndex = entry.IndexText,
            Detail = outcome switch
            {
                StatusCheckOutcome.Invalid => "status is invalid: " + detail,
                StatusCheckOutcome.ProofInvalid => "status could not be trusted: " + detail,
                _ => detail,
            },
        };

    private static StatusCheckResult Problem(StatusCheckOutcome outcome, StatusCheckReason reason, string detail) =>
        new() { Outcome = outcome, Reason = reason, Detail = detail };

    private static string Word(StatusCheckOutcome outcome) => outcome switch
    {
        StatusCheckOutcome.Valid => "valid",
        StatusCheckOutcome.Revoked => "revoked",
        StatusCheckOutcome.Suspended => "suspended",
        _ => outcome.ToString().ToLowerInvariant(),
    };
}
