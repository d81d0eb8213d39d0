using System.Collections.Concurrent;
using System.Net;
using System.Reflection;

namespace PixOrga.Grains.Mail;

/// <summary>
/// Renders the French mail templates shipped as files (Mail/Templates/{name}.subject.txt,
/// .html and .txt). Placeholders are written <c>{{name}}</c>; values are HTML-encoded in the
/// HTML part so a school name can never inject markup.
/// </summary>
public static class MailTemplates
{
    private static readonly ConcurrentDictionary<string, string> Cache = new();

    public static MailMessageContent Render(string template, string to, IReadOnlyDictionary<string, string> values) =>
        new(
            to,
            Fill(Load($"{template}.subject.txt"), values, html: false).Trim(),
            Fill(Load($"{template}.html"), values, html: true),
            Fill(Load($"{template}.txt"), values, html: false));

    private static string Fill(string text, IReadOnlyDictionary<string, string> values, bool html)
    {
        foreach (var (key, value) in values)
        {
            text = text.Replace("{{" + key + "}}", html ? WebUtility.HtmlEncode(value) : value, StringComparison.Ordinal);
        }

        return text;
    }

    private static string Load(string file) => Cache.GetOrAdd(file, static name =>
    {
        var assembly = typeof(MailTemplates).Assembly;
        var resource = assembly.GetManifestResourceNames()
            .SingleOrDefault(r => r.EndsWith(".Mail.Templates." + name, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"Mail template {name} is missing.");
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });
}
