namespace MicroCredentials.Host.Components;

/// <summary>
/// The resource set of every text on the public pages (<c>SiteTexts.resx</c> in English, <c>.nl.resx</c>,
/// <c>.fr.resx</c>), read through <c>IStringLocalizer&lt;SiteTexts&gt;</c>. Keys are named after what they translate:
/// <c>Verdict.&lt;Verdict&gt;</c>, <c>Explain.&lt;Verdict&gt;</c>, <c>Check.&lt;CheckId&gt;</c>,
/// <c>Outcome.&lt;CheckOutcome&gt;</c>, <c>Reason.&lt;reason code&gt;</c>, then one prefix per page part.
/// </summary>
internal sealed class SiteTexts;
