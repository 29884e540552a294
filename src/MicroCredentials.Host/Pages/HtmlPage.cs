using System.Text;
using System.Text.Encodings.Web;

namespace MicroCredentials.Host.Pages;

/// <summary>
/// The shell of every public page: readable on a phone, no scripts, no external resources, inline CSS only.
/// Text passed to <see cref="E"/> is HTML-encoded; nothing else is ever inserted unencoded.
/// </summary>
internal static class HtmlPage
{
    private const string Css = """
        :root{--ok:#146c2e;--bad:#b3261e;--warn:#8a5a00;--ink:#1d1d1f;--muted:#5f6368;--line:#e0e0e0}
        *{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:#f6f6f4}
        main{max-width:40rem;margin:0 auto;padding:1rem}
        header{display:flex;justify-content:space-between;align-items:center;gap:1rem;margin-bottom:.5rem}
        header .brand{font-weight:600;color:var(--muted)}a{color:#0b57d0}
        .verdict{border-radius:14px;padding:1.1rem 1.2rem;color:#fff;margin:.5rem 0 1rem}
        .verdict h1{margin:0;font-size:1.6rem;line-height:1.2}.verdict p{margin:.4rem 0 0}
        .v-ok{background:var(--ok)}.v-bad{background:var(--bad)}.v-warn{background:var(--warn)}
        section{background:#fff;border:1px solid var(--line);border-radius:14px;padding:1rem 1.2rem;margin-bottom:1rem}
        h2{font-size:1.1rem;margin:0 0 .6rem}dl{margin:0;display:grid;grid-template-columns:minmax(8rem,35%) 1fr;gap:.35rem .8rem}
        dt{color:var(--muted)}dd{margin:0;font-weight:500;overflow-wrap:anywhere}
        ul.checks{list-style:none;margin:0;padding:0}ul.checks li{padding:.45rem 0;border-top:1px solid var(--line)}
        ul.checks li:first-child{border-top:0}.st{font-weight:600}.st-Pass{color:var(--ok)}.st-Fail{color:var(--bad)}
        .st-Warning{color:var(--warn)}.st-Skipped{color:var(--muted)}.detail{display:block;color:var(--muted);font-size:.9rem}
        form{display:flex;flex-direction:column;gap:.6rem}input,button{font:inherit}
        input[type=text]{padding:.6rem;border:1px solid #aaa;border-radius:8px;text-transform:uppercase}
        button{padding:.7rem 1rem;border:0;border-radius:8px;background:#0b57d0;color:#fff;font-weight:600}
        .muted{color:var(--muted);font-size:.9rem}code{overflow-wrap:anywhere}
        @media (max-width:30rem){main{padding:.75rem}dl{grid-template-columns:1fr;gap:0}dt{margin-top:.55rem;font-size:.85rem}dt:first-child{margin-top:0}dd{font-weight:600}.verdict h1{font-size:1.45rem}}
        """;

    /// <summary>HTML-encodes text.</summary>
    public static string E(string? text) => HtmlEncoder.Default.Encode(text ?? string.Empty);

    /// <summary>Wraps a body in the page shell.</summary>
    public static string Render(string lang, string title, string switchUrl, string body, string? brand = null)
    {
        var sb = new StringBuilder(4096);
        sb.Append("<!doctype html><html lang=\"").Append(lang).Append("\"><head><meta charset=\"utf-8\">")
          .Append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
          .Append("<meta name=\"robots\" content=\"noindex\">")
          .Append("<title>").Append(E(title)).Append("</title><style>").Append(Css).Append("</style></head><body><main>")
          .Append("<header><span class=\"brand\">").Append(E(brand ?? PageTexts.T("title", lang))).Append("</span>")
          .Append("<a href=\"").Append(E(switchUrl)).Append("\" hreflang=\"").Append(lang == "nl" ? "en" : "nl").Append("\">")
          .Append(E(PageTexts.T("switch", lang))).Append("</a></header>")
          .Append(body)
          .Append("</main></body></html>");
        return sb.ToString();
    }
}
