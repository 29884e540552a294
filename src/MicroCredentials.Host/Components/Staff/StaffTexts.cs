namespace MicroCredentials.Host.Components.Staff;

/// <summary>
/// The resource set of every text of the staff app (<c>StaffTexts.resx</c> in English, <c>.nl.resx</c>, <c>.fr.resx</c>),
/// read through <c>IStringLocalizer&lt;StaffTexts&gt;</c>; keys have one prefix per page (<c>Nav.</c>, <c>SignIn.</c>, …).
/// </summary>
internal sealed class StaffTexts;
