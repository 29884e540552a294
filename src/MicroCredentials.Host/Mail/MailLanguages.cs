using MicroCredentials.Catalog;

namespace MicroCredentials.Host.Mail;

/// <summary>Which language a graduate's e-mail is written in.</summary>
internal static class MailLanguages
{
    /// <summary>
    /// The spreadsheet's language for the learner when it gave one (nl, en or fr); else the catalogue entry's first language
    /// we write in (the first title's language, then its language of instruction); else English.
    /// </summary>
    public static string For(string? fromSpreadsheet, MicroCredentialDefinition? entry)
    {
        if (fromSpreadsheet is { } given && LearnerCsvReader.Languages.Contains(given))
        {
            return given;
        }

        var first = entry?.Title?.Keys.Select(k => k.ToLowerInvariant()).FirstOrDefault(LearnerCsvReader.Languages.Contains);
        var instruction = entry?.Language?.Split('-')[0].ToLowerInvariant();
        return first ?? (instruction is not null && LearnerCsvReader.Languages.Contains(instruction) ? instruction : "en");
    }
}
