using MicroCredentials.Catalog;
using MicroCredentials.Data;
using MicroCredentials.Host.Components.Staff;
using MicroCredentials.Host.Staff;
using Microsoft.Extensions.Localization;
using SkiaSharp;

namespace MicroCredentials.Host.Catalogue;

internal static partial class StaffCatalogueApi
{
    private static async Task<IResult> SaveIssuerAsync(HttpContext http, CatalogueState state, CredentialStore store, IStringLocalizer<StaffTexts> s)
    {
        var posted = await http.Request.ReadFormAsync(http.RequestAborted);
        if (CatalogueIssuerForm.FromForm(posted) is not { } form)
        {
            return Results.Problem(title: s["Catalogue.Problem.TooLong"], statusCode: StatusCodes.Status400BadRequest);
        }

        var logo = posted["removeLogo"] == "true" ? null : state.Current.Issuer.Logo;
        var changed = posted["removeLogo"] == "true" ? "logo removed" : "details";
        if (posted.Files.GetFile("logo") is { Length: > 0 } file)
        {
            var (uploaded, problem) = await ReadLogoAsync(file, http.RequestAborted);
            if (problem is not null)
            {
                return IssuerResult(form, state.LogoUrl, true, CatalogueCheck.Of([problem], CatalogueIssuerForm.FieldOf, s), null,
                    problem.Key == "Catalogue.Check.LogoTooLarge" ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest);
            }

            logo = uploaded!.ToDataUri();
            changed = $"logo {uploaded.MediaType} {uploaded.Width}×{uploaded.Height}";
        }

        var issuer = form.ToDefinition(logo);
        var errors = IssuerErrors(issuer, state);
        if (errors.Count > 0)
        {
            return IssuerResult(form, state.LogoUrl, true, CatalogueCheck.Of(errors, CatalogueIssuerForm.FieldOf, s), null, StatusCodes.Status400BadRequest);
        }

        var saved = await store.SaveCatalogueIssuerAsync(issuer, form.BaseRevision, http.User.StaffActor(), changed, CancellationToken.None);
        if (saved.Outcome == CatalogueEditOutcome.Stale)
        {
            return IssuerResult(form, state.LogoUrl, true, [], s["Catalogue.Problem.Stale"], StatusCodes.Status409Conflict);
        }

        await state.ReloadAsync(CancellationToken.None);
        return Results.Redirect($"/staff/catalogue?done={(saved.Outcome == CatalogueEditOutcome.Saved ? "issuer" : "unchanged")}");
    }

    /// <summary>
    /// Reads an uploaded logo within <see cref="HostLimits.MaxLogoBytes"/>, checks its header (PNG or JPEG, dimensions), then
    /// decodes and re-encodes it as PNG (dropping anything but the pixels); a JPEG whose PNG would be larger than the bound
    /// stays the checked JPEG.
    /// </summary>
    private static async Task<(LogoImage? Logo, CatalogError? Problem)> ReadLogoAsync(IFormFile file, CancellationToken ct)
    {
        if (file.Length > HostLimits.MaxLogoBytes)
        {
            return LogoImage.FromBytes(new byte[HostLimits.MaxLogoBytes + 1]);
        }

        var bytes = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(bytes, ct);
        }

        var (checkedLogo, problem) = LogoImage.FromBytes(bytes);
        if (checkedLogo is null)
        {
            return (null, problem);
        }

        using var bitmap = SKBitmap.Decode(bytes);
        if (bitmap is null || bitmap.Width != checkedLogo.Width || bitmap.Height != checkedLogo.Height)
        {
            return (null, new CatalogError("issuer", "logo", "the logo must be a PNG or JPEG image.") { Key = "Catalogue.Check.LogoFormat" });
        }

        using var png = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        var reencoded = png.ToArray();
        return reencoded.Length <= HostLimits.MaxLogoBytes ? LogoImage.FromBytes(reencoded) : (checkedLogo, null);
    }

    private static async Task<IResult> ImportAsync(HttpContext http, CatalogueState state, CredentialStore store, IStringLocalizer<StaffTexts> s)
    {
        var posted = await http.Request.ReadFormAsync(http.RequestAborted);
        if (posted.Files.GetFile("file") is not { Length: > 0 } file)
        {
            return ListResult(state, true, null, [s["Catalogue.Import.Empty"]], StatusCodes.Status400BadRequest);
        }

        if (file.Length > HostLimits.MaxCatalogueImportBytes)
        {
            return ListResult(state, true, null, [s["Catalogue.Import.TooLarge", HostLimits.MaxCatalogueImportBytes / 1024 / 1024]], StatusCodes.Status413PayloadTooLarge);
        }

        string json;
        using (var reader = new StreamReader(file.OpenReadStream(), System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true))
        {
            json = await reader.ReadToEndAsync(http.RequestAborted);
        }

        var loaded = CatalogLoader.Load(json, Path.GetFileName(file.FileName) is { Length: > 0 and <= 200 } n ? n : "catalogue");
        if (!loaded.Succeeded)
        {
            return ListResult(state, true, null, [.. loaded.Errors.Take(50).Select(e => $"{e.Entry}: {CatalogueCheck.Translate(e, s)}")], StatusCodes.Status400BadRequest);
        }

        var imported = await store.ImportCatalogueAsync(loaded.Catalog!, Path.GetFileName(file.FileName), http.User.StaffActor(), onlyIfEmpty: false, CancellationToken.None);
        if (imported.Outcome == CatalogueEditOutcome.VersionIssued)
        {
            return ListResult(state, true, null, [.. imported.Codes.Select(c => $"{c}: {s["Catalogue.Problem.VersionIssued", loaded.Catalog!.Find(c)!.Version]}")],
                StatusCodes.Status409Conflict);
        }

        await state.ReloadAsync(CancellationToken.None);
        return Results.Redirect($"/staff/catalogue?done={(imported.Outcome == CatalogueEditOutcome.Saved ? "imported" : "unchanged")}");
    }
}
